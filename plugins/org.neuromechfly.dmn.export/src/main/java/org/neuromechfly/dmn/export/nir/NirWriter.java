package org.neuromechfly.dmn.export.nir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.ExportException;
import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * Builds the NIR graph of a circuit: one neuron node per population (LIF, CubaLIF with a synaptic time
 * constant, LI/CubaLI for graded units), one Linear (or Affine, for a bias in the snnTorch convention)
 * per projection, a Delay node for delays beyond the engine's one step, Input nodes for populations
 * without incoming projections and Output nodes for those without outgoing ones. Recurrent edges (a
 * population onto itself, or loops such as KC → APL → KC) are written as they are.
 */
public final class NirWriter {
  /** Metadata keys our importer reads back. */
  public static final String META_DT = "dt";
  public static final String META_CONVENTION = "convention";
  public static final String META_TAU_MAPPING = "tau_mapping";
  public static final String META_SUBTRACTIVE = "subtractive_reset";
  public static final String META_CIRCUIT = "circuit";

  private NirWriter() {}

  /** The graph and the approximations made. */
  public record Built(NirGraph graph, List<String> warnings) {}

  public static Built build(CircuitParameters circuit, NirOptions options) {
    double dt = circuit.dt();
    Map<String, NirNode> nodes = new LinkedHashMap<>();
    List<NirGraph.Edge> edges = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<String> used = new HashSet<>();
    circuit.populations().forEach(p -> used.add(p.name()));
    boolean snn = options.convention() == NirConvention.SNNTORCH;

    Map<String, double[]> rByPop = new LinkedHashMap<>();
    List<String> subtractive = new ArrayList<>();
    for (PopulationParameters p : circuit.populations()) {
      var model = p.population().neuron();
      if (model.refractory().si() > 0) {
        String msg = "population " + p.name() + " has a refractory period of " + model.refractory()
            + "; NIR's LIF has none. Set refractory 0 ms" + (options.strict() ? ", or export leniently to drop it." : "");
        if (options.strict()) {
          throw new ExportException(ExportTarget.NIR, ExportFeature.REFRACTORY_PERIOD, msg);
        }
        warnings.add("dropped: " + msg);
      }
      int n = p.count();
      double[] tau = new double[n];
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        tau[i] = options.tauMapping().write(p.tauMem()[i], dt);
        r[i] = snn ? tau[i] / dt : 1.0;
      }
      rByPop.put(p.name(), r);
      double[] vLeak = snn ? new double[n] : p.bias().clone();
      Map<String, NirArray> params = new LinkedHashMap<>();
      String type;
      double[] wIn = null;
      double[] tauSyn = null;
      if (p.tauSyn() != null) {
        tauSyn = new double[n];
        wIn = new double[n];
        for (int i = 0; i < n; i++) {
          tauSyn[i] = options.tauMapping().write(p.tauSyn()[i], dt);
          wIn[i] = 1.0 / -Math.expm1(-dt / p.tauSyn()[i]);
        }
      }
      if (model.graded()) {
        warnings.add("approximated: graded population " + p.name() + " is written as "
            + (tauSyn == null ? "LI" : "CubaLI") + "; NIR has no rectification, so max(0, v) becomes v");
        if (tauSyn == null) {
          type = "LI";
          params.put("tau", NirArray.vector(tau));
        } else {
          type = "CubaLI";
          params.put("tau_syn", NirArray.vector(tauSyn));
          params.put("tau_mem", NirArray.vector(tau));
        }
        params.put("r", NirArray.vector(r));
        params.put("v_leak", NirArray.vector(vLeak));
        if (wIn != null) {
          params.put("w_in", NirArray.vector(wIn));
        }
      } else {
        double[] vReset = new double[n];
        if (model.resetMode() == ResetMode.ZERO) {
          java.util.Arrays.fill(vReset, model.reset());
        } else {
          subtractive.add(p.name());
        }
        if (tauSyn == null) {
          type = "LIF";
          params.put("tau", NirArray.vector(tau));
        } else {
          type = "CubaLIF";
          params.put("tau_syn", NirArray.vector(tauSyn));
          params.put("tau_mem", NirArray.vector(tau));
        }
        params.put("r", NirArray.vector(r));
        params.put("v_leak", NirArray.vector(vLeak));
        params.put("v_threshold", NirArray.vector(p.threshold()));
        params.put("v_reset", NirArray.vector(vReset));
        if (wIn != null) {
          params.put("w_in", NirArray.vector(wIn));
        }
      }
      nodes.put(p.name(), NirNode.of(type, params));
    }
    if (!subtractive.isEmpty()) {
      warnings.add("approximated: NIR's LIF resets to v_reset; populations with subtractive reset "
          + subtractive + " are listed in metadata '" + META_SUBTRACTIVE + "'");
    }

    Set<String> hasIncoming = new HashSet<>();
    Set<String> hasOutgoing = new HashSet<>();
    Set<String> biasWritten = new HashSet<>();
    for (ProjectionWeights w : circuit.projections()) {
      hasIncoming.add(w.target());
      if (!w.source().equals(w.target())) {
        hasOutgoing.add(w.source());
      }
    }
    for (ProjectionWeights w : circuit.projections()) {
      String name = unique(w.source() + "_to_" + w.target(), used);
      double[][] dense = w.dense();
      PopulationParameters target = circuit.population(w.target());
      double[] r = rByPop.get(w.target());
      if (snn) {
        for (int i = 0; i < dense.length; i++) {
          for (int j = 0; j < dense[i].length; j++) {
            dense[i][j] /= r[i];
          }
        }
      }
      Map<String, NirArray> params = new LinkedHashMap<>();
      params.put("weight", NirArray.matrix(dense));
      String type = "Linear";
      if (snn && hasBias(target) && biasWritten.add(target.name())) {
        type = "Affine";
        params.put("bias", NirArray.vector(divide(target.bias(), inputGain(target, r, dt))));
      }
      nodes.put(name, NirNode.of(type, params));
      edges.add(new NirGraph.Edge(w.source(), name));
      String last = name;
      if (w.delaySteps() > 1) {
        String delay = unique(name + "_delay", used);
        double[] d = new double[w.targetCount()];
        java.util.Arrays.fill(d, w.delaySteps() * dt);
        nodes.put(delay, NirNode.of("Delay", Map.of("delay", NirArray.vector(d))));
        edges.add(new NirGraph.Edge(name, delay));
        last = delay;
      }
      edges.add(new NirGraph.Edge(last, w.target()));
    }

    List<PopulationParameters> inputs = circuit.populations().stream()
        .filter(p -> !hasIncoming.contains(p.name())).toList();
    List<PopulationParameters> outputs = circuit.populations().stream()
        .filter(p -> !hasOutgoing.contains(p.name())).toList();
    if (outputs.isEmpty() && !circuit.populations().isEmpty()) {
      outputs = List.of(circuit.populations().get(circuit.populations().size() - 1));
    }
    for (PopulationParameters p : inputs) {
      String in = unique(inputs.size() == 1 ? "input" : "input_" + p.name(), used);
      nodes.put(in, NirNode.of("Input", Map.of("shape", NirArray.shape(p.count()))));
      if (snn) {
        // the input current enters as r·x in NIR's ODE: scale it by 1/r, and carry the bias here
        double[] r = rByPop.get(p.name());
        double[][] diag = new double[p.count()][p.count()];
        for (int i = 0; i < diag.length; i++) {
          diag[i][i] = 1.0 / r[i];
        }
        String transform = unique(in + "_to_" + p.name(), used);
        Map<String, NirArray> params = new LinkedHashMap<>();
        params.put("weight", NirArray.matrix(diag));
        boolean bias = hasBias(p) && biasWritten.add(p.name());
        if (bias) {
          params.put("bias", NirArray.vector(divide(p.bias(), inputGain(p, r, dt))));
        }
        nodes.put(transform, NirNode.of(bias ? "Affine" : "Linear", params));
        edges.add(new NirGraph.Edge(in, transform));
        edges.add(new NirGraph.Edge(transform, p.name()));
      } else {
        edges.add(new NirGraph.Edge(in, p.name()));
      }
    }
    for (PopulationParameters p : outputs) {
      String out = unique(outputs.size() == 1 ? "output" : "output_" + p.name(), used);
      nodes.put(out, NirNode.of("Output", Map.of("shape", NirArray.shape(p.count()))));
      edges.add(new NirGraph.Edge(p.name(), out));
    }
    for (PopulationParameters p : circuit.populations()) {
      if (snn && hasBias(p) && !biasWritten.contains(p.name())) {
        throw new ExportException(ExportTarget.NIR, ExportFeature.BIAS, "population " + p.name()
            + " has a bias but no projection to carry it in the snnTorch convention; use NORSE_SINABS");
      }
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(META_DT, dt);
    metadata.put(META_CONVENTION, options.convention().key());
    metadata.put(META_TAU_MAPPING, options.tauMapping().key());
    metadata.put(META_CIRCUIT, circuit.spec().name());
    metadata.put(META_SUBTRACTIVE, String.join(",", subtractive));
    metadata.put("generator", "neuromechfly-dmn");
    return new Built(new NirGraph(nodes, edges, metadata), warnings);
  }

  /**
   * What an input b to the node becomes in the membrane drive at steady state: r·b for LIF, r·w_in·b
   * for CubaLIF (through the synaptic current). A bias carried by an Affine node is divided by this.
   */
  static double[] inputGain(PopulationParameters p, double[] r, double dt) {
    double[] g = r.clone();
    if (p.tauSyn() != null) {
      for (int i = 0; i < g.length; i++) {
        g[i] *= 1.0 / -Math.expm1(-dt / p.tauSyn()[i]);
      }
    }
    return g;
  }

  private static boolean hasBias(PopulationParameters p) {
    for (double b : p.bias()) {
      if (b != 0) {
        return true;
      }
    }
    return false;
  }

  private static double[] divide(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] / b[i];
    }
    return out;
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int k = 2; !used.add(candidate); k++) {
      candidate = name + "_" + k;
    }
    return candidate;
  }
}
