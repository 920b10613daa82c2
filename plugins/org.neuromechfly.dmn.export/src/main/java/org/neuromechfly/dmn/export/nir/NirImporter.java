package org.neuromechfly.dmn.export.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * Turns a NIR graph into a circuit: a population per LIF/CubaLIF/LI/CubaLI node, a projection per path
 * from one neuron node to another through at most one Linear/Affine node and at most one Delay node
 * (a direct edge is a one-to-one projection), and an external input per path from an Input node to a
 * neuron node the same way. Values are mapped to the engine's form through NIR's own semantics, so the
 * result does not depend on the exporter's convention: weight {@code W = r·W'·w_in·(1−α)}, bias
 * {@code = v_leak + r·w_in·b}, τ read back through the τ mapping named in the metadata.
 *
 * <p>Every node is represented or refused with a {@link NirFormatException} naming it: node types
 * without a counterpart (convolutions, IF neurons, pooling, nested graphs), structures a projection
 * cannot hold (weights of both signs: the engine gives a projection one sign; two paths between the
 * same populations), and values the engine cannot run (thresholds or input gains r that are not
 * positive, weights beyond float32).
 */
public final class NirImporter {
  private static final Set<String> NEURONS = Set.of("LIF", "CubaLIF", "LI", "CubaLI");
  private static final Set<String> SYNAPSES = Set.of("Linear", "Affine");

  private NirImporter() {}

  /** {@link #importGraph(NirFile.Document, Double, String, Map)} with every population's cell type unmapped. */
  public static ImportedCircuit importGraph(NirFile.Document document, Double fallbackDt, String sourceName) {
    return importGraph(document, fallbackDt, sourceName, Map.of());
  }

  /**
   * @param document the file's graph (checked against {@link NirRules} first)
   * @param fallbackDt step in seconds when the metadata has no {@code dt}, or {@code null} to require it
   * @param sourceName file name for comments
   * @param cellTypes cell type per neuron node name; nodes not named get {@link Population#UNMAPPED_CELL_TYPE}
   */
  public static ImportedCircuit importGraph(NirFile.Document document, Double fallbackDt, String sourceName,
      Map<String, String> cellTypes) {
    refuseUnrepresented(document.graph());
    NirRules.check(document);
    NirGraph g = document.graph();
    Double dt = g.metadataNumber(NirWriter.META_DT);
    if (dt == null) {
      dt = fallbackDt;
    }
    if (dt == null || !(dt > 0)) {
      throw new NirFormatException(null, "the graph's metadata has no positive 'dt' (seconds) and none was given; "
          + "NIR is continuous-time, so the step must be stated (e.g. --dt 1ms)");
    }
    TauMapping mapping = TauMapping.EXACT;
    String m = g.metadataString(NirWriter.META_TAU_MAPPING);
    if (m != null && !m.isBlank()) {
      mapping = Arrays.stream(TauMapping.values()).filter(t -> t.key().equals(m.trim())).findFirst()
          .orElseThrow(() -> new NirFormatException(null, "metadata tau_mapping '" + m + "' is unknown; expected "
              + Arrays.stream(TauMapping.values()).map(TauMapping::key).toList()));
    }
    Set<String> subtractive = new HashSet<>();
    String sub = g.metadataString(NirWriter.META_SUBTRACTIVE);
    if (sub != null && !sub.isBlank()) {
      subtractive.addAll(Arrays.asList(sub.split(",")));
    }
    List<String> warnings = new ArrayList<>();

    // populations
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> usedNames = new HashSet<>();
    Map<String, double[]> gain = new LinkedHashMap<>(); // r·w_in·(1−α) per neuron node: weight factor
    Map<String, double[]> biasGain = new LinkedHashMap<>(); // r·w_in: Affine bias factor
    Map<String, double[]> bias = new LinkedHashMap<>();
    Map<String, double[][]> neuronValues = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (var e : g.nodes().entrySet()) {
      NirNode node = e.getValue();
      String name = e.getKey();
      if (NEURONS.contains(node.type())) {
        String pop = identifier(name, usedNames);
        names.put(name, pop);
        types.put(name, node.type());
        boolean cuba = node.type().startsWith("Cuba");
        double[] tau = node.param(cuba ? "tau_mem" : "tau").values().clone();
        for (int i = 0; i < tau.length; i++) {
          tau[i] = readTau(mapping, tau[i], dt, name);
        }
        double[] r = node.param("r").values();
        positive(r, name, "r", "the input gain; at 0 or below the node ignores or inverts its input, which a"
            + " population cannot");
        int n = tau.length;
        double[] tauSyn = null;
        double[] gw = r.clone();
        double[] gb = r.clone();
        if (cuba) {
          tauSyn = node.param("tau_syn").values().clone();
          NirArray wIn = node.param("w_in");
          for (int i = 0; i < n; i++) {
            tauSyn[i] = readTau(mapping, tauSyn[i], dt, name);
            double w = wIn == null ? 1.0 : wIn.values()[i];
            gw[i] *= w * -Math.expm1(-dt / tauSyn[i]);
            gb[i] *= w;
          }
        }
        gain.put(name, gw);
        biasGain.put(name, gb);
        bias.put(name, finite(node.param("v_leak").values().clone(), name, "v_leak"));
        double[] threshold = node.param("v_threshold") == null ? new double[n] : node.param("v_threshold").values();
        if (node.param("v_threshold") != null) {
          positive(threshold, name, "v_threshold", "the spike threshold above rest (0), which a population needs"
              + " positive");
        }
        double[] reset = node.param("v_reset") == null ? new double[n] : finite(node.param("v_reset").values(), name,
            "v_reset");
        neuronValues.put(name, new double[][] {tau, tauSyn, threshold, reset});
      }
    }
    for (var mapped : cellTypes.entrySet()) {
      String node = mapped.getKey();
      if (!mapped.getValue().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new NirFormatException(null, "the cell type '" + mapped.getValue() + "' given for node '" + node
            + "' is not a name (letters, digits and '_'), as a .circuit cell type must be");
      }
      if (!names.containsKey(node)) {
        throw new NirFormatException(null, "the cell-type mapping names '" + node + "', which is not a neuron node of"
            + " the graph; its neuron nodes are " + names.keySet());
      }
    }

    // every path from an Input or a neuron node to a neuron node: a projection or an external input
    record Raw(String node, String source, String target, double[][] weight, int delaySteps, boolean oneToOne) {}
    List<Raw> raws = new ArrayList<>();
    List<ImportedCircuit.ExternalInput> inputs = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    for (var e : g.nodes().entrySet()) {
      String start = e.getKey();
      boolean input = e.getValue().type().equals("Input");
      if (!input && !names.containsKey(start)) {
        continue;
      }
      int width = input ? (int) e.getValue().param("shape").values()[0] : neuronValues.get(start)[0].length;
      for (NirGraph.Edge first : g.outOf(start)) {
        Path path = follow(g, start, first.target(), names.keySet(), visited);
        if (path == null) {
          continue; // ends at an Output node
        }
        int n = neuronValues.get(path.target())[0].length;
        double[][] w;
        String via = path.synapse() != null ? path.synapse() : start + " -> " + path.target();
        if (path.synapse() != null) {
          NirNode s = g.node(path.synapse());
          w = s.param("weight").rows();
          double[] b = s.param("bias") == null ? null : s.param("bias").values();
          if (b != null) {
            double[] acc = bias.get(path.target());
            double[] gb = biasGain.get(path.target());
            for (int i = 0; i < acc.length; i++) {
              acc[i] += gb[i] * b[i];
            }
          }
        } else {
          if (width != n) {
            throw new NirFormatException(start, "the edge " + start + " -> " + path.target() + " joins " + width
                + " outputs to " + n + " neurons without a Linear node; a direct edge needs equal sizes");
          }
          w = new double[n][n];
          for (int i = 0; i < n; i++) {
            w[i][i] = 1;
          }
        }
        double[] gw = gain.get(path.target());
        for (int i = 0; i < w.length; i++) {
          for (int j = 0; j < w[i].length; j++) {
            w[i][j] *= gw[i];
            if (!Double.isFinite(w[i][j]) || Math.abs(w[i][j]) > Float.MAX_VALUE) {
              throw new NirFormatException(path.synapse() != null ? path.synapse() : start, "weight (" + i + ", " + j
                  + ") is " + w[i][j] + " in the engine's form (after the input gain r·w_in of " + path.target()
                  + "), beyond what its float32 weights hold");
            }
          }
        }
        long steps = Math.round(path.delay() / dt);
        if (input) {
          inputs.add(new ImportedCircuit.ExternalInput(start, width, names.get(path.target()), path.synapse(), w,
              (int) steps, path.synapse() == null && isIdentity(w)));
        } else {
          raws.add(new Raw(via, start, path.target(), w, (int) Math.max(1, steps), path.synapse() == null));
        }
      }
    }
    for (var e : g.nodes().entrySet()) {
      String type = e.getValue().type();
      if ((SYNAPSES.contains(type) || type.equals("Delay")) && !visited.contains(e.getKey())) {
        throw new NirFormatException(e.getKey(), type + " is not on a path from an Input or neuron node to a neuron"
            + " node, so it has no counterpart in a circuit");
      }
    }

    // projections in the file's order of their Linear/Affine nodes (a direct edge at its target's place),
    // so that an export -> import -> export round trip writes the same nodes
    List<String> order = new ArrayList<>(g.nodes().keySet());
    raws.sort(java.util.Comparator.comparingInt(r -> order.contains(r.node()) ? order.indexOf(r.node())
        : order.indexOf(r.target())));

    // IR and parameters
    List<Population> pops = new ArrayList<>();
    List<PopulationParameters> popParams = new ArrayList<>();
    Map<String, Object> sidecarPops = new LinkedHashMap<>();
    Set<String> external = new HashSet<>();
    inputs.forEach(i -> external.add(i.population()));
    for (var e : names.entrySet()) {
      String node = e.getKey();
      String pop = e.getValue();
      double[][] v = neuronValues.get(node);
      double[] tau = v[0];
      double[] tauSyn = v[1];
      double[] threshold = v[2];
      double[] reset = v[3];
      double[] b = finite(bias.get(node), node, "bias (v_leak + r·w_in·b)");
      int n = tau.length;
      boolean graded = types.get(node).endsWith("LI");
      ResetMode mode = subtractive.contains(node) ? ResetMode.SUBTRACT : ResetMode.ZERO;
      NeuronModel model = new NeuronModel(
          Quantity.of(round6(mean(tau) * 1e3), Unit.MILLISECOND),
          tauSyn == null ? null : Quantity.of(round6(mean(tauSyn) * 1e3), Unit.MILLISECOND),
          graded ? 1.0 : mean(threshold), mean(reset), Quantity.of(0, Unit.MILLISECOND), mode, graded, mean(b));
      String cellType = cellTypes.getOrDefault(node, Population.UNMAPPED_CELL_TYPE);
      Population p = new Population(pop, cellType, n, model, List.of(), ParameterSharing.PER_NEURON);
      pops.add(p);
      popParams.add(new PopulationParameters(p, tau, tauSyn, graded ? PopulationParameters.filled(n, 1.0) : threshold,
          b));
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("node", node);
      sp.put("type", types.get(node));
      sp.put("cell_type", cellType);
      sp.put("tau_mem_s", tau);
      if (tauSyn != null) {
        sp.put("tau_syn_s", tauSyn);
      }
      sp.put("threshold", threshold);
      sp.put("bias", b);
      sp.put("v_reset", reset);
      sp.put("external_input", external.contains(pop));
      sidecarPops.put(pop, sp);
    }
    List<Projection> projections = new ArrayList<>();
    List<ProjectionWeights> weights = new ArrayList<>();
    List<Map<String, Object>> sidecarProjs = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    for (Raw r : raws) {
      String src = names.get(r.source());
      String dst = names.get(r.target());
      if (!pairs.add(src + " -> " + dst)) {
        throw new NirFormatException(r.node(), "a second path from " + r.source() + " to " + r.target() + "; a circuit"
            + " has one projection per pair of populations: merge them into one Linear node");
      }
      double sum = 0;
      int nonZero = 0;
      boolean pos = false;
      boolean neg = false;
      for (double[] row : r.weight()) {
        for (double x : row) {
          if (x != 0) {
            sum += Math.abs(x);
            nonZero++;
            pos |= x > 0;
            neg |= x < 0;
          }
        }
      }
      if (pos && neg) {
        throw new NirFormatException(r.node(), "weights of both signs between " + r.source() + " and " + r.target()
            + "; the engine gives a projection one sign (Dale's law): split the presynaptic population into excitatory"
            + " and inhibitory cells");
      }
      if (nonZero == 0) {
        warnings.add("the path " + r.node() + " from " + r.source() + " to " + r.target() + " has only zero weights;"
            + " left out");
        continue;
      }
      Sign sign = neg ? Sign.INHIBITORY : Sign.EXCITATORY;
      Connectivity connectivity = r.oneToOne() ? new Connectivity.OneToOne() : new Connectivity.Dense();
      Projection p = new Projection(src, dst, connectivity, sign, null, new WeightInit.Constant(round6(sum / nonZero)),
          false, r.delaySteps() > 1 ? Quantity.of(round6(r.delaySteps() * dt * 1e3), Unit.MILLISECOND) : null);
      projections.add(p);
      int sourceCount = neuronValues.get(r.source())[0].length;
      weights.add(ProjectionWeights.fromDense(p, r.weight(), sourceCount, r.delaySteps()));
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("node", r.node());
      sp.put("source", src);
      sp.put("target", dst);
      sp.put("delay_steps", r.delaySteps());
      sp.put("shape", new int[] {r.weight().length, sourceCount});
      sp.put("nonzero", nonZero);
      sp.put("weight", r.weight());
      sidecarProjs.add(sp);
    }
    List<Map<String, Object>> sidecarInputs = new ArrayList<>();
    for (ImportedCircuit.ExternalInput in : inputs) {
      Map<String, Object> si = new LinkedHashMap<>();
      si.put("input", in.input());
      si.put("channels", in.channels());
      si.put("node", in.node());
      si.put("target", in.population());
      si.put("delay_steps", in.delaySteps());
      si.put("weight", in.weight());
      sidecarInputs.add(si);
    }
    String circuitName = identifier(g.metadataString(NirWriter.META_CIRCUIT) != null
        ? g.metadataString(NirWriter.META_CIRCUIT) : stripExtension(sourceName), new HashSet<>());
    CircuitSpec spec = new CircuitSpec(circuitName, null, List.of(), pops, projections, null, List.of(), null, null);
    CircuitParameters parameters = new CircuitParameters(spec, dt, popParams, weights, "NIR file " + sourceName);
    Map<String, Object> sidecar = new LinkedHashMap<>();
    sidecar.put("format", "neuromechfly-dmn-weights");
    sidecar.put("formatVersion", 1);
    sidecar.put("source", sourceName);
    sidecar.put("nirVersion", document.version());
    sidecar.put("dt_s", dt);
    sidecar.put("tau_mapping", mapping.key());
    sidecar.put("note", "engine form: v = beta*u + (1-beta)*(I + bias), weights (out, in), I = W s; an external"
        + " input adds W x(t - delay_steps) to its target's I");
    sidecar.put("populations", sidecarPops);
    sidecar.put("projections", sidecarProjs);
    sidecar.put("inputs", sidecarInputs);
    String text = CircuitText.render(parameters, inputs, names, sourceName, document.version(), mapping, warnings);
    return new ImportedCircuit(parameters, text, sidecar, names, inputs, warnings);
  }

  /**
   * Refuses, before any shape check, the first node that has no counterpart in a circuit, naming its
   * type: a nested graph, or a node type outside the neuron, synapse, Delay, Input and Output kinds.
   */
  private static void refuseUnrepresented(NirGraph g) {
    for (var e : g.nodes().entrySet()) {
      NirNode node = e.getValue();
      if (node.subgraph() != null) {
        throw new NirFormatException(e.getKey(), "nested NIRGraph nodes are not imported; flatten the graph first");
      }
      String type = node.type();
      if (!NEURONS.contains(type) && !SYNAPSES.contains(type) && !type.equals("Delay") && !type.equals("Input")
          && !type.equals("Output")) {
        throw new NirFormatException(e.getKey(), "node type " + type + " has no counterpart in a circuit; "
            + "importable types: " + new java.util.TreeSet<>(NEURONS) + ", " + new java.util.TreeSet<>(SYNAPSES)
            + ", Delay, Input, Output");
      }
    }
  }

  /** A path from a start node to a neuron node through at most one Delay and one Linear/Affine node. */
  private record Path(String synapse, double delay, String target) {}

  /**
   * Follows the edge into {@code at} to the next neuron node; {@code null} when it ends at an Output.
   * Intermediate nodes must have one edge in and one out.
   */
  private static Path follow(NirGraph g, String start, String at, Set<String> neurons, Set<String> visited) {
    String synapse = null;
    double delay = 0;
    int delays = 0;
    String from = start;
    while (!neurons.contains(at)) {
      NirNode node = g.node(at);
      String type = node.type();
      if (type.equals("Output")) {
        if (synapse != null || delays > 0) {
          throw new NirFormatException(synapse != null ? synapse : from, "the path from " + start + " ends at the"
              + " Output node " + at + "; a circuit has no weights or delays after its populations");
        }
        return null;
      }
      visited.add(at);
      List<NirGraph.Edge> in = g.into(at);
      List<NirGraph.Edge> out = g.outOf(at);
      if (in.size() != 1 || out.size() != 1) {
        throw new NirFormatException(at, type + " has " + in.size() + " incoming and " + out.size()
            + " outgoing edges; between " + from + " and a neuron node it needs exactly one of each");
      }
      if (SYNAPSES.contains(type)) {
        if (synapse != null) {
          throw new NirFormatException(at, type + " follows " + synapse + "; a projection has one weight matrix,"
              + " so multiply the two before exporting");
        }
        synapse = at;
      } else if (type.equals("Delay")) {
        if (++delays > 1) {
          throw new NirFormatException(at, "a second Delay on the path from " + start + "; a projection has one delay");
        }
        double[] d = node.param("delay").values();
        double first = d.length == 0 ? 0 : d[0];
        for (double x : d) {
          if (Math.abs(x - first) > 1e-12) {
            throw new NirFormatException(at, "per-cell delays differ (" + first + " s vs " + x
                + " s); a projection has one delay");
          }
        }
        delay = first;
      } else {
        throw new NirFormatException(at, type + " cannot lie on a path from " + start + " to a neuron node");
      }
      from = at;
      at = out.get(0).target();
    }
    return new Path(synapse, delay, at);
  }

  private static double[] finite(double[] values, String node, String what) {
    for (double v : values) {
      if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
        throw new NirFormatException(node, what + " " + v + " is beyond what the engine's float32 values hold");
      }
    }
    return values;
  }

  private static void positive(double[] values, String node, String parameter, String why) {
    for (double v : values) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new NirFormatException(node, "parameter '" + parameter + "' is " + NumberText.format(v) + ": " + why);
      }
    }
  }

  private static double readTau(TauMapping mapping, double written, double dt, String node) {
    try {
      return mapping.read(written, dt);
    } catch (IllegalArgumentException e) {
      throw new NirFormatException(node, e.getMessage());
    }
  }

  private static boolean isIdentity(double[][] w) {
    for (int i = 0; i < w.length; i++) {
      if (w[i].length != w.length) {
        return false;
      }
      for (int j = 0; j < w[i].length; j++) {
        double expected = i == j ? 1 : 0;
        if (Math.abs(w[i][j] - expected) > 1e-9) {
          return false;
        }
      }
    }
    return true;
  }

  static double mean(double[] a) {
    return a.length == 0 ? 0 : Arrays.stream(a).average().orElse(0);
  }

  static double round6(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).doubleValue();
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * A .circuit identifier for a NIR name: letters, digits and '_', not starting with a digit, unique.
   * Names spelled like keywords stay as they are here; {@link CircuitText} escapes them as {@code ^name}.
   */
  static String identifier(String name, Set<String> used) {
    String id = name.replaceAll("[^A-Za-z0-9_]", "_");
    if (id.isEmpty() || !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
      id = "n" + id;
    }
    String candidate = id;
    for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); k++) {
      candidate = id + "_" + k;
    }
    return candidate;
  }

  static String number(double x) {
    return NumberText.format(round6(x));
  }
}
