package org.neuromechfly.dmn.connectome.reference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads from a composed YAML node tree. Reading nodes instead of constructed objects keeps
 * every value's line and column for messages, and means no tag can ever instantiate a class: only
 * the standard plain-data tags are accepted.
 */
final class YamlNodes {

  private static final Set<String> RANGE_KEYS = Set.of("low", "high", "typical", "source");
  private static final Set<Tag> PLAIN_SCALARS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  ConnectomeException error(Node node, String message) {
    return errorAt(node.getStartMark(), message);
  }

  /** An error at a parser mark, or at the file without a line when {@code mark} is null. */
  ConnectomeException errorAt(Mark mark, String message) {
    if (mark == null) {
      return new ConnectomeException(file, 0, 0, message);
    }
    return new ConnectomeException(file, mark.getLine() + 1, mark.getColumn() + 1, message);
  }

  /** A {low, high, typical, source} mapping; typical defaults to the midpoint. */
  Range range(Node node, String what) {
    Map<String, Node> f = fields(node, what, RANGE_KEYS);
    double low = number(required(f, node, "low", what), what + ".low");
    double high = number(required(f, node, "high", what), what + ".high");
    Node typicalNode = f.get("typical");
    double typical = typicalNode == null ? (low + high) / 2 : number(typicalNode, what + ".typical");
    String source = string(required(f, node, "source", what), what + ".source");
    if (!(low <= typical && typical <= high)) {
      throw error(
          node, what + " needs low <= typical <= high, found " + low + ", " + typical + ", " + high + ".");
    }
    return new Range(low, high, typical, source);
  }


  /** The entries of a mapping by key, rejecting unknown and duplicate keys. */
  Map<String, Node> fields(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode mapping) || !node.getTag().equals(Tag.MAP)) {
      throw error(node, what + " must be a mapping of key: value, found " + describe(node) + ".");
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = string(tuple.getKeyNode(), what + " key");
      if (!allowed.contains(key)) {
        throw error(
            tuple.getKeyNode(),
            "unknown key '" + key + "' in " + what + "; allowed keys are " + allowed.stream().sorted().toList()
                + ".");
      }
      if (fields.put(key, tuple.getValueNode()) != null) {
        throw error(tuple.getKeyNode(), "key '" + key + "' appears twice in " + what + "; keep one.");
      }
    }
    return fields;
  }

  Node required(Map<String, Node> fields, Node owner, String key, String what) {
    Node node = fields.get(key);
    if (node == null) {
      throw error(owner, what + " lacks '" + key + "'; add it.");
    }
    return node;
  }

  List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode sequence) || !node.getTag().equals(Tag.SEQ)) {
      throw error(node, what + " must be a list, found " + describe(node) + ".");
    }
    return sequence.getValue();
  }

  String string(Node node, String what) {
    ScalarNode scalar = scalar(node, what);
    if (scalar.getTag().equals(Tag.NULL)) {
      throw error(node, what + " must not be empty.");
    }
    return scalar.getValue();
  }

  double number(Node node, String what) {
    ScalarNode scalar = scalar(node, what);
    if (!scalar.getTag().equals(Tag.INT) && !scalar.getTag().equals(Tag.FLOAT)) {
      throw error(node, what + " must be a number, found " + quoted(scalar) + ".");
    }
    try {
      double value = Double.parseDouble(scalar.getValue().replace("_", ""));
      if (!Double.isFinite(value)) {
        throw error(node, what + " must be finite, found " + quoted(scalar) + ".");
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(node, what + " must be a decimal number, found " + quoted(scalar) + ".");
    }
  }

  boolean bool(Node node, String what) {
    ScalarNode scalar = scalar(node, what);
    if (!scalar.getTag().equals(Tag.BOOL)) {
      throw error(node, what + " must be true or false, found " + quoted(scalar) + ".");
    }
    return Boolean.parseBoolean(scalar.getValue());
  }

  private ScalarNode scalar(Node node, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(node, what + " must be a single value, found " + describe(node) + ".");
    }
    if (!PLAIN_SCALARS.contains(scalar.getTag())) {
      throw error(
          node,
          what + " has tag " + scalar.getTag() + "; reference files hold plain data only, remove the tag.");
    }
    return scalar;
  }

  /**
   * A scalar for a message: a short value quoted (it identifies the problem), a long one only by its
   * length, so that a file that is not a reference file (a model may name any file) is never echoed.
   */
  private static String quoted(ScalarNode scalar) {
    String value = scalar.getValue();
    boolean brief = value.length() <= 24 && value.chars().noneMatch(c -> c == '\n');
    return brief ? "'" + org.neuromechfly.dmn.model.PrintableText.oneLine(value) + "'" : "a text of " + value.length() + " characters";
  }

  private static String describe(Node node) {
    if (!PLAIN_SCALARS.contains(node.getTag())
        && !node.getTag().equals(Tag.MAP)
        && !node.getTag().equals(Tag.SEQ)) {
      return "a value tagged " + node.getTag() + " (reference files hold plain data only)";
    }
    return switch (node.getNodeId()) {
      case scalar -> quoted((ScalarNode) node);
      case sequence -> "a list";
      case mapping -> "a mapping";
      default -> "an alias";
    };
  }
}
