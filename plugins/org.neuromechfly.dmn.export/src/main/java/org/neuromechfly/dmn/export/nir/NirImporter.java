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
 * Turns a NIR graph into a circuit: a population per LIF/CubaLIF/LI/CubaLI node, a dense projection
 * per Linear/Affine node between two neuron nodes (through an optional Delay node). Values are mapped
 * to the engine's form through NIR's own semantics, so the result does not depend on the exporter's
 * convention: weight {@code W = r·W'·w_in·(1−α)}, bias {@code = v_leak + r·w_in·b}, τ read back through
 * the τ mapping named in the metadata. An Input feeding a neuron node directly (or through a diagonal
 * transform equal to 1/r) marks an externally driven population; other input weights go to the sidecar.
 */
public final class NirImporter {
  private static final Set<String> NEURONS = Set.of("LIF", "CubaLIF", "LI", "CubaLI");
  private static final Set<String> SYNAPSES = Set.of("Linear", "Affine");

  private NirImporter() {}

  /**
   * @param document the file's graph (checked against {@link NirRules} first)
   * @param fallbackDt step in seconds when the metadata has no {@code dt}, or {@code null} to require it
   * @param sourceName file name for comments
   */
  public static ImportedCircuit importGraph(NirFile.Document document, Double fallbackDt, String sourceName) {
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
      if (node.subgraph() != null) {
        throw new NirFormatException(name, "nested NIRGraph nodes are not imported; flatten the graph first");
      }
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
        bias.put(name, node.param("v_leak").values().clone());
        double[] threshold = node.param("v_threshold") == null ? new double[n] : node.param("v_threshold").values();
        double[] reset = node.param("v_reset") == null ? new double[n] : node.param("v_reset").values();
        neuronValues.put(name, new double[][] {tau, tauSyn, threshold, reset});
      } else if (!SYNAPSES.contains(node.type()) && !node.type().equals("Delay") && !node.type().equals("Input")
          && !node.type().equals("Output")) {
        throw new NirFormatException(name, "node type " + node.type() + " has no counterpart in a circuit; "
            + "importable types: " + NEURONS + ", " + SYNAPSES + ", Delay, Input, Output");
      }
    }

    // projections and input transforms
    record Raw(String node, String source, String target, double[][] weight, int delaySteps) {}
    List<Raw> raws = new ArrayList<>();
    List<Map<String, Object>> inputs = new ArrayList<>();
    Set<String> external = new HashSet<>();
    for (var e : g.nodes().entrySet()) {
      String name = e.getKey();
      NirNode node = e.getValue();
      if (node.type().equals("Input")) {
        for (NirGraph.Edge out : g.outOf(name)) {
          if (names.containsKey(out.target())) {
            external.add(out.target());
          } else if (!SYNAPSES.contains(g.node(out.target()).type())) {
            throw new NirFormatException(out.target(), "input " + name + " feeds a " + g.node(out.target()).type()
                + " node; only neuron, Linear or Affine nodes can follow an Input");
          }
        }
        continue;
      }
      if (!SYNAPSES.contains(node.type())) {
        continue;
      }
      List<NirGraph.Edge> in = g.into(name);
      List<NirGraph.Edge> out = g.outOf(name);
      if (in.size() != 1 || out.size() != 1) {
        throw new NirFormatException(name, node.type() + " has " + in.size() + " incoming and " + out.size()
            + " outgoing edges; a projection needs exactly one of each");
      }
      String src = in.get(0).source();
      String dst = out.get(0).target();
      int delaySteps = 1;
      NirNode dstNode = g.node(dst);
      if (dstNode.type().equals("Delay")) {
        double[] d = dstNode.param("delay").values();
        double first = d.length == 0 ? dt : d[0];
        for (double x : d) {
          if (Math.abs(x - first) > 1e-12) {
            throw new NirFormatException(dst, "per-cell delays differ (" + first + " s vs " + x
                + " s); a projection has one delay");
          }
        }
        delaySteps = Math.max(1, (int) Math.round(first / dt));
        List<NirGraph.Edge> after = g.outOf(dst);
        if (after.size() != 1) {
          throw new NirFormatException(dst, "Delay node must have exactly one outgoing edge, has " + after.size());
        }
        dst = after.get(0).target();
      }
      if (!names.containsKey(dst)) {
        throw new NirFormatException(name, node.type() + " leads to " + dst + " (" + g.node(dst).type()
            + "); a projection must end at a neuron node");
      }
      double[][] w = node.param("weight").rows();
      double[] gw = gain.get(dst);
      double[] b = node.param("bias") == null ? null : node.param("bias").values();
      if (b != null) {
        double[] acc = bias.get(dst);
        double[] gb = biasGain.get(dst);
        for (int i = 0; i < acc.length; i++) {
          acc[i] += gb[i] * b[i];
        }
      }
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < w[i].length; j++) {
          w[i][j] *= gw[i];
        }
      }
      NirNode srcNode = g.node(src);
      if (srcNode.type().equals("Input")) {
        if (isIdentity(w)) {
          external.add(dst);
        } else {
          Map<String, Object> input = new LinkedHashMap<>();
          input.put("input", src);
          input.put("node", name);
          input.put("target", names.get(dst));
          input.put("weight", w);
          inputs.add(input);
          warnings.add("input " + src + " drives " + names.get(dst) + " through weights (" + name
              + "); kept in the sidecar's inputs, not as a projection");
        }
        continue;
      }
      if (!names.containsKey(src)) {
        throw new NirFormatException(name, node.type() + " is fed by " + src + " (" + srcNode.type()
            + "); a projection must start at a neuron node or an Input");
      }
      raws.add(new Raw(name, src, dst, w, delaySteps));
    }

    // IR and parameters
    List<Population> pops = new ArrayList<>();
    List<PopulationParameters> popParams = new ArrayList<>();
    Map<String, Object> sidecarPops = new LinkedHashMap<>();
    for (var e : names.entrySet()) {
      String node = e.getKey();
      String pop = e.getValue();
      double[][] v = neuronValues.get(node);
      double[] tau = v[0];
      double[] tauSyn = v[1];
      double[] threshold = v[2];
      double[] reset = v[3];
      double[] b = bias.get(node);
      int n = tau.length;
      boolean graded = types.get(node).endsWith("LI");
      ResetMode mode = subtractive.contains(node) ? ResetMode.SUBTRACT : ResetMode.ZERO;
      NeuronModel model = new NeuronModel(
          Quantity.of(round6(mean(tau) * 1e3), Unit.MILLISECOND),
          tauSyn == null ? null : Quantity.of(round6(mean(tauSyn) * 1e3), Unit.MILLISECOND),
          mean(threshold), mean(reset), Quantity.of(0, Unit.MILLISECOND), mode, graded, mean(b));
      Population p = new Population(pop, pop, n, model, List.of(), ParameterSharing.PER_NEURON);
      pops.add(p);
      popParams.add(new PopulationParameters(p, tau, tauSyn, threshold, b));
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("node", node);
      sp.put("type", types.get(node));
      sp.put("tau_mem_s", tau);
      if (tauSyn != null) {
        sp.put("tau_syn_s", tauSyn);
      }
      sp.put("threshold", threshold);
      sp.put("bias", b);
      sp.put("v_reset", reset);
      sp.put("external_input", external.contains(node));
      sidecarPops.put(pop, sp);
    }
    List<Projection> projections = new ArrayList<>();
    List<ProjectionWeights> weights = new ArrayList<>();
    List<Map<String, Object>> sidecarProjs = new ArrayList<>();
    for (Raw r : raws) {
      String src = names.get(r.source());
      String dst = names.get(r.target());
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
      Sign sign = neg && !pos ? Sign.INHIBITORY : Sign.EXCITATORY;
      if (pos && neg) {
        warnings.add("projection " + src + " -> " + dst + " mixes signs (Dale's law): its sign in the .circuit text "
            + "is nominal, the sidecar keeps the signed weights");
      }
      Projection p = new Projection(src, dst, new Connectivity.Dense(), sign, null,
          new WeightInit.Constant(round6(nonZero == 0 ? 0 : sum / nonZero)), false,
          r.delaySteps() > 1 ? Quantity.of(round6(r.delaySteps() * dt * 1e3), Unit.MILLISECOND) : null);
      projections.add(p);
      int sourceCount = g.node(r.source()) == null ? 0 : neuronValues.get(r.source())[0].length;
      weights.add(ProjectionWeights.fromDense(p, r.weight(), sourceCount, r.delaySteps()));
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("node", r.node());
      sp.put("source", src);
      sp.put("target", dst);
      sp.put("delay_steps", r.delaySteps());
      sp.put("shape", new int[] {r.weight().length, sourceCount});
      sp.put("nonzero", nonZero);
      sp.put("mixed_sign", pos && neg);
      sp.put("weight", r.weight());
      sidecarProjs.add(sp);
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
    sidecar.put("note", "engine form: v = beta*u + (1-beta)*(I + bias), weights (out, in), I = W s");
    sidecar.put("populations", sidecarPops);
    sidecar.put("projections", sidecarProjs);
    sidecar.put("inputs", inputs);
    String text = CircuitText.render(parameters, external, names, sourceName, document.version(), mapping, warnings);
    return new ImportedCircuit(parameters, text, sidecar, names, warnings);
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

  /** A .circuit identifier for a NIR name: letters, digits and '_', not starting with a digit, unique. */
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
