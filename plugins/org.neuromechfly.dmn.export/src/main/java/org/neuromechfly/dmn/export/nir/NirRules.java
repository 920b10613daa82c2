package org.neuromechfly.dmn.export.nir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The rules a NIR graph must follow for {@code nir.read} and the importers: known parameters only,
 * neuron parameters 1-D of one length N, time constants positive and finite, weights (out, in) and edge
 * shapes that chain. {@link #check} fails on the first problem; {@link #problems} lists all.
 */
public final class NirRules {

  /** Required and optional parameters of a node type. */
  record Schema(Set<String> required, Set<String> optional, boolean neuron) {
    boolean allows(String p) {
      return required.contains(p) || optional.contains(p);
    }
  }

  static final Map<String, Schema> SCHEMAS = Map.ofEntries(
      Map.entry("Input", new Schema(Set.of("shape"), Set.of(), false)),
      Map.entry("Output", new Schema(Set.of("shape"), Set.of(), false)),
      Map.entry("Linear", new Schema(Set.of("weight"), Set.of(), false)),
      Map.entry("Affine", new Schema(Set.of("weight", "bias"), Set.of(), false)),
      Map.entry("LIF", new Schema(Set.of("tau", "r", "v_leak", "v_threshold"), Set.of("v_reset"), true)),
      Map.entry("CubaLIF", new Schema(Set.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold"),
          Set.of("v_reset", "w_in"), true)),
      Map.entry("CubaLI", new Schema(Set.of("tau_syn", "tau_mem", "r", "v_leak"), Set.of("w_in"), true)),
      Map.entry("LI", new Schema(Set.of("tau", "r", "v_leak"), Set.of(), true)),
      Map.entry("IF", new Schema(Set.of("r", "v_threshold"), Set.of("v_reset"), true)),
      Map.entry("I", new Schema(Set.of("r"), Set.of(), true)),
      Map.entry("Threshold", new Schema(Set.of("threshold"), Set.of(), true)),
      Map.entry("Scale", new Schema(Set.of("scale"), Set.of(), true)),
      Map.entry("Delay", new Schema(Set.of("delay"), Set.of(), true)));

  private static final Set<String> TIME_CONSTANTS = Set.of("tau", "tau_mem", "tau_syn");

  private NirRules() {}

  /** Throws a {@link NirFormatException} for the first broken rule. */
  public static void check(NirFile.Document document) {
    List<NirFormatException> p = problems(document);
    if (!p.isEmpty()) {
      throw p.get(0);
    }
  }

  public static void check(NirGraph graph) {
    check(new NirFile.Document(NirFile.VERSION, graph));
  }

  /** Every broken rule, each naming its node. */
  public static List<NirFormatException> problems(NirFile.Document document) {
    List<NirFormatException> out = new ArrayList<>();
    String v = document.version();
    if (v == null || !v.matches("\\d+\\.\\d+\\.\\d+.*")) {
      out.add(new NirFormatException(null, "version '" + v + "' is not a NIR version such as 1.0.7"));
    }
    checkGraph(document.graph(), "", out);
    return out;
  }

  private static void checkGraph(NirGraph graph, String prefix, List<NirFormatException> out) {
    for (var e : graph.nodes().entrySet()) {
      String name = prefix + e.getKey();
      NirNode node = e.getValue();
      if (node.subgraph() != null) {
        checkGraph(node.subgraph(), name + "/", out);
        continue;
      }
      checkNode(name, node, out);
    }
    for (NirGraph.Edge edge : graph.edges()) {
      checkEdge(graph, prefix, edge, out);
    }
  }

  private static void checkNode(String name, NirNode node, List<NirFormatException> out) {
    Schema schema = SCHEMAS.get(node.type());
    if (schema == null) {
      return; // a NIR type this project does not use (Conv2d, Flatten, ...): nothing to check here
    }
    for (String p : node.params().keySet()) {
      if (!schema.allows(p)) {
        out.add(new NirFormatException(name, node.type() + " has an unexpected dataset '" + p
            + "' (nir.read rejects extra datasets); allowed: " + schema.required() + " " + schema.optional()));
      }
    }
    for (String p : schema.required()) {
      if (!node.params().containsKey(p)) {
        out.add(new NirFormatException(name, node.type() + " lacks its parameter '" + p + "'"));
      }
    }
    for (var p : node.params().entrySet()) {
      for (double x : p.getValue().values()) {
        if (!Double.isFinite(x)) {
          out.add(new NirFormatException(name, "parameter '" + p.getKey() + "' contains " + x));
          break;
        }
      }
    }
    switch (node.type()) {
      case "Input", "Output" -> {
        NirArray s = node.param("shape");
        if (s != null && (s.rank() != 1 || !s.integral())) {
          out.add(new NirFormatException(name, "'shape' must be a 1-D integer array, found " + s.shapeText()));
        }
      }
      case "Linear", "Affine" -> {
        NirArray w = node.param("weight");
        if (w != null && w.rank() != 2) {
          out.add(new NirFormatException(name, "'weight' must be 2-D (out, in), found " + w.shapeText()));
        }
        NirArray b = node.param("bias");
        if (w != null && b != null && w.rank() == 2 && (b.rank() != 1 || b.length() != w.shape()[0])) {
          out.add(new NirFormatException(name, "'bias' must be 1-D of length out = " + w.shape()[0] + ", found "
              + b.shapeText()));
        }
      }
      default -> checkNeuron(name, node, schema, out);
    }
  }

  private static void checkNeuron(String name, NirNode node, Schema schema, List<NirFormatException> out) {
    Integer n = null;
    String first = null;
    for (var p : node.params().entrySet()) {
      NirArray a = p.getValue();
      if (a.rank() != 1) {
        out.add(new NirFormatException(name, "parameter '" + p.getKey() + "' must be 1-D of length N, found "
            + a.shapeText() + (a.rank() == 0 ? " (scalars break shape inference in importers)" : "")));
        continue;
      }
      if (n == null) {
        n = a.length();
        first = p.getKey();
      } else if (a.length() != n) {
        out.add(new NirFormatException(name, "parameter '" + p.getKey() + "' has length " + a.length() + " but '"
            + first + "' has " + n + "; all parameters of a node must have one length N"));
      }
      if (TIME_CONSTANTS.contains(p.getKey()) || p.getKey().equals("delay")) {
        for (double x : a.values()) {
          if (p.getKey().equals("delay") ? x < 0 : !(x > 0)) {
            out.add(new NirFormatException(name, "'" + p.getKey() + "' must be " + (p.getKey().equals("delay")
                ? "non-negative" : "positive") + " (seconds), found " + x));
            break;
          }
        }
      }
    }
  }

  /** Size a node produces, if known. */
  static OptionalInt outputSize(NirNode node) {
    if (node == null || node.subgraph() != null) {
      return OptionalInt.empty();
    }
    return switch (node.type()) {
      case "Input", "Output" -> product(node.param("shape"));
      case "Linear", "Affine" -> dim(node.param("weight"), 0);
      default -> SCHEMAS.containsKey(node.type()) ? firstLength(node) : OptionalInt.empty();
    };
  }

  /** Size a node accepts, if known. */
  static OptionalInt inputSize(NirNode node) {
    if (node == null || node.subgraph() != null) {
      return OptionalInt.empty();
    }
    return switch (node.type()) {
      case "Input", "Output" -> product(node.param("shape"));
      case "Linear", "Affine" -> dim(node.param("weight"), 1);
      default -> SCHEMAS.containsKey(node.type()) ? firstLength(node) : OptionalInt.empty();
    };
  }

  private static OptionalInt product(NirArray shape) {
    if (shape == null) {
      return OptionalInt.empty();
    }
    long p = 1;
    for (double d : shape.values()) {
      p *= (long) d;
    }
    return OptionalInt.of((int) p);
  }

  private static OptionalInt dim(NirArray w, int axis) {
    return w == null || w.rank() != 2 ? OptionalInt.empty() : OptionalInt.of(w.shape()[axis]);
  }

  private static OptionalInt firstLength(NirNode node) {
    return node.params().values().stream().filter(a -> a.rank() == 1).mapToInt(NirArray::length).findFirst();
  }

  private static void checkEdge(NirGraph graph, String prefix, NirGraph.Edge edge, List<NirFormatException> out) {
    NirNode src = graph.node(edge.source());
    NirNode dst = graph.node(edge.target());
    String label = "edge " + edge.source() + " -> " + edge.target();
    if (src == null || dst == null) {
      String missing = src == null ? edge.source() : edge.target();
      out.add(new NirFormatException(prefix + missing, label + " names a node that does not exist"));
      return;
    }
    if (dst.type().equals("Input")) {
      out.add(new NirFormatException(prefix + edge.target(), label + ": an Input node cannot receive edges"));
    }
    if (src.type().equals("Output")) {
      out.add(new NirFormatException(prefix + edge.source(), label + ": an Output node cannot send edges"));
    }
    OptionalInt produced = outputSize(src);
    OptionalInt accepted = inputSize(dst);
    if (produced.isPresent() && accepted.isPresent() && produced.getAsInt() != accepted.getAsInt()) {
      String hint = "";
      if (dst.type().equals("Linear") || dst.type().equals("Affine")) {
        NirArray w = dst.param("weight");
        if (w != null && w.rank() == 2 && w.shape()[0] == produced.getAsInt()) {
          hint = "; weight " + w.shapeText() + " looks transposed: NIR weights are (out, in), like torch.nn.Linear";
        }
      }
      out.add(new NirFormatException(prefix + edge.target(), label + ": " + edge.source() + " produces "
          + produced.getAsInt() + " values but " + edge.target() + " (" + dst.type() + ") takes "
          + accepted.getAsInt() + hint));
    }
  }
}
