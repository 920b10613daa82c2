package org.neuromechfly.dmn.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * Canonical JSON of the circuit IR: keys sorted, two-space indent, {@code \n} line ends, trailing
 * newline. The same spec always gives the same bytes, so IR files diff and hash cleanly.
 */
public final class CircuitJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private CircuitJson() {}

  /** The shared mapper, configured canonically (for other IR-adjacent files such as manifests). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(CircuitSpec spec) {
    try {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("formatVersion", CircuitSpec.FORMAT_VERSION);
      root.set("circuit", MAPPER.valueToTree(spec));
      return pretty(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise circuit " + spec.name(), e);
    }
  }

  /** Reads IR JSON written by {@link #write}; fails with a message naming what is wrong. */
  public static CircuitSpec read(String json) {
    try {
      var root = MAPPER.readTree(json);
      int version = root.path("formatVersion").asInt(-1);
      if (version != CircuitSpec.FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "IR format version "
                + version
                + " is not supported (expected "
                + CircuitSpec.FORMAT_VERSION
                + "); recompile the .circuit file");
      }
      return MAPPER.treeToValue(root.get("circuit"), CircuitSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid circuit IR file: " + e.getOriginalMessage(), e);
    }
  }

  /** Canonical pretty printing shared by every JSON file the project writes. */
  public static String pretty(Object value) throws JsonProcessingException {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return MAPPER.writer(printer).writeValueAsString(value) + "\n";
  }
}
