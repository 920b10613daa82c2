package org.neuromechfly.dmn.connectome.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Reads the flyvis connectome JSON ({@code fib25-fib19_v2.2.json}). JSON nodes carry their location
 * only while parsing, so structural problems are reported by the node's path (e.g.
 * {@code edges[12].offsets[3]}) and syntax errors by line and column.
 */
public final class FlyvisImporter {

  private FlyvisImporter() {}

  /**
   * Reads the file.
   *
   * @throws ConnectomeException naming the file and the place of a problem
   */
  public static FlyvisConnectome read(Path file) {
    JsonNode root;
    try {
      ObjectMapper mapper = new ObjectMapper();
      mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      root = mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConnectomeException(
          file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "not valid JSON: " + e.getOriginalMessage() + ". Re-download the flyvis connectome.");
    } catch (NoSuchFileException e) {
      throw new ConnectomeException(file, 0, 0, "flyvis connectome JSON not found; check the path.");
    } catch (IOException e) {
      throw new ConnectomeException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConnectomeException(file, 1, 1, "expected a JSON object with nodes and edges.");
    }
    Structure s = new Structure(file);
    List<FlyvisConnectome.Node> nodes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonNode nodeArray = s.array(root, "nodes", "");
    for (int i = 0; i < nodeArray.size(); i++) {
      FlyvisConnectome.Node node = s.node(nodeArray.get(i), "nodes[" + i + "]");
      if (!names.add(node.name())) {
        throw s.error("nodes[" + i + "]", "cell type '" + node.name() + "' appears twice.");
      }
      nodes.add(node);
    }
    List<FlyvisConnectome.Edge> edges = new ArrayList<>();
    JsonNode edgeArray = s.array(root, "edges", "");
    for (int i = 0; i < edgeArray.size(); i++) {
      FlyvisConnectome.Edge edge = s.edge(edgeArray.get(i), "edges[" + i + "]");
      for (String type : List.of(edge.source(), edge.target())) {
        if (!names.contains(type)) {
          throw s.error("edges[" + i + "]", "cell type '" + type + "' is not among the nodes.");
        }
      }
      edges.add(edge);
    }
    return new FlyvisConnectome(
        nodes, edges, s.strings(root, "input_units"), s.strings(root, "output_units"));
  }

  /** Typed access with messages that name the JSON path. */
  private record Structure(Path file) {

    ConnectomeException error(String path, String message) {
      return new ConnectomeException(file, 0, 0, "at " + path + ": " + message + " Is this a flyvis connectome?");
    }

    JsonNode array(JsonNode parent, String field, String path) {
      JsonNode value = parent.get(field);
      if (value == null || !value.isArray()) {
        throw error(path.isEmpty() ? field : path + "." + field, "expected an array.");
      }
      return value;
    }

    List<String> strings(JsonNode root, String field) {
      JsonNode value = root.get(field);
      List<String> result = new ArrayList<>();
      if (value != null && value.isArray()) {
        value.forEach(v -> result.add(v.asText()));
      }
      return result;
    }

    FlyvisConnectome.Node node(JsonNode n, String path) {
      String name = text(n, "name", path);
      int su = 1;
      int sv = 1;
      JsonNode pattern = n.get("pattern");
      if (pattern != null && pattern.isArray() && pattern.size() == 2 && pattern.get(1).isArray()) {
        su = pattern.get(1).get(0).asInt(1);
        sv = pattern.get(1).get(1).asInt(1);
      }
      double bias = n.has("bias") && n.get("bias").isNumber() ? n.get("bias").asDouble() : 0;
      return new FlyvisConnectome.Node(name, su, sv, bias);
    }

    FlyvisConnectome.Edge edge(JsonNode e, String path) {
      String source = text(e, "src", path);
      String target = text(e, "tar", path);
      JsonNode alpha = e.get("alpha");
      if (alpha == null || !alpha.isNumber() || Math.abs(alpha.asDouble()) != 1) {
        throw error(path + ".alpha", "expected the sign +1 or -1.");
      }
      List<FlyvisConnectome.Offset> offsets = new ArrayList<>();
      JsonNode list = array(e, "offsets", path);
      for (int k = 0; k < list.size(); k++) {
        String at = path + ".offsets[" + k + "]";
        JsonNode o = list.get(k);
        if (!o.isArray() || o.size() != 2 || !o.get(0).isArray() || o.get(0).size() != 2
            || !o.get(1).isNumber()) {
          throw error(at, "expected [[du, dv], n_syn].");
        }
        double synapses = o.get(1).asDouble();
        if (!(synapses >= 0) || Double.isInfinite(synapses)) {
          throw error(at, "synapse count " + synapses + " must be finite and >= 0.");
        }
        offsets.add(
            new FlyvisConnectome.Offset(o.get(0).get(0).asInt(), o.get(0).get(1).asInt(), synapses));
      }
      return new FlyvisConnectome.Edge(source, target, alpha.asInt(), offsets);
    }

    private String text(JsonNode n, String field, String path) {
      JsonNode value = n.get(field);
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw error(path + "." + field, "expected a non-empty string.");
      }
      return value.asText();
    }
  }
}
