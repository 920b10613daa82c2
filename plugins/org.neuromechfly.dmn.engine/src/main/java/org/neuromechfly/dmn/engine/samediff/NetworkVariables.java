package org.neuromechfly.dmn.engine.samediff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;

/**
 * Every parameter of a {@link Network} as a SameDiff variable of the same (sanitised) name, in the
 * same raw parametrisation, and the physical quantities the fused kernel derives from them (decays,
 * thresholds, biases, signed weights) as graph ops — so that SameDiff's gradients are gradients with
 * respect to exactly the numbers the optimiser updates, and compare one to one with the kernel's.
 */
final class NetworkVariables {
  private final SameDiff sd;
  private final Network net;
  private final DataType type;
  private final Map<String, SDVariable> byParameter = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  /** Raw weight magnitudes by parameter name: where each edge sits in the dense matrix. */
  private final Map<String, DenseLayout> denseLayout = new LinkedHashMap<>();

  NetworkVariables(SameDiff sd, Network net, DataType type) {
    this.sd = sd;
    this.net = net;
    this.type = type;
    for (Synapses s : net.synapses()) {
      EdgeArrays e = s.edges();
      int[] target = e.targetIndex();
      int[] position = new int[e.edgeCount()];
      for (int k = 0; k < position.length; k++) {
        position[k] = e.sourceIndex()[k] * e.targetCount() + target[k];
      }
      denseLayout.put(s.rawMagnitudes().name(), new DenseLayout(e.sourceCount(), e.targetCount(), position));
    }
    for (Parameter p : net.parameters().all()) {
      String n = variableName(p.name());
      names.put(p.name(), n);
      byParameter.put(p.name(), sd.var(n, array(p)));
    }
  }

  /** A parameter name as a SameDiff variable name (letters, digits and underscores). */
  static String variableName(String parameter) {
    return parameter.replace("->", "to").replaceAll("[^A-Za-z0-9]+", "_");
  }

  /** Parameter name → variable name, in the parameter set's order. */
  Map<String, String> names() {
    return names;
  }

  /** Copies the parameters' current raw values into the variables (after an optimiser step). */
  void load(ParameterSet parameters) {
    for (Parameter p : parameters.all()) {
      sd.getVariable(names.get(p.name())).getArr().assign(array(p));
    }
  }

  /** Adds SameDiff's gradients (by variable name) to the parameters' gradient accumulators. */
  void addGradients(Map<String, INDArray> gradients, ParameterSet parameters) {
    Map<String, double[]> byName = gradients(gradients);
    for (Parameter p : parameters.all()) {
      double[] g = byName.get(p.name());
      if (g == null) {
        continue; // the loss does not depend on it
      }
      double[] into = p.gradient();
      for (int i = 0; i < into.length; i++) {
        into[i] += g[i];
      }
    }
  }

  /**
   * SameDiff's gradients (by variable name) as the network's parameters hold them (by parameter
   * name, weights per edge in wiring order); {@code null} for a parameter the loss does not reach.
   */
  Map<String, double[]> gradients(Map<String, INDArray> gradients) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Parameter p : net.parameters().all()) {
      INDArray g = gradients.get(names.get(p.name()));
      double[] values = g == null ? null : g.castTo(DataType.DOUBLE).toDoubleVector();
      DenseLayout dense = denseLayout.get(p.name());
      if (values != null && dense != null) {
        double[] edges = new double[dense.position.length];
        for (int k = 0; k < edges.length; k++) {
          edges[k] = values[dense.position[k]];
        }
        values = edges;
      }
      out.put(p.name(), values);
    }
    return out;
  }

  /** A parameter's raw values as the variable holds them: weight magnitudes scattered into the dense matrix. */
  private INDArray array(Parameter p) {
    DenseLayout dense = denseLayout.get(p.name());
    double[] values = p.value();
    if (dense != null) {
      double[] matrix = new double[dense.sources * dense.targets];
      for (int k = 0; k < values.length; k++) {
        matrix[dense.position[k]] = values[k];
      }
      values = matrix;
    }
    return Nd4j.createFromArray(values).castTo(type);
  }

  /** Membrane decay per step, exp(−dt / (τ_floor + softplus(raw))), as a row {@code [1, N]}. */
  SDVariable beta(LifPopulation pop) {
    return decay(row(owned(pop, LearnableParameter.TAU_MEM), pop.cells()));
  }

  /** Synaptic decay per step as a row {@code [1, N]}, or {@code null} without a synaptic time constant. */
  SDVariable alpha(LifPopulation pop) {
    SDVariable raw = owned(pop, LearnableParameter.TAU_SYN);
    return raw == null ? null : decay(row(raw, pop.cells()));
  }

  SDVariable threshold(LifPopulation pop) {
    return row(owned(pop, LearnableParameter.THRESHOLD), pop.cells());
  }

  SDVariable bias(LifPopulation pop) {
    return row(owned(pop, LearnableParameter.BIAS), pop.cells());
  }

  /**
   * The projection's weight matrix {@code [N_source, N_target]}: sign × e^gain × magnitude(raw) on the
   * edges, zero elsewhere. The raw variable is the dense matrix of raw magnitudes (zero off the edges,
   * masked out) and its gradient is gathered back to the edges, so the parameter is the fused
   * kernel's, one value per edge in wiring order. (SameDiff's unsorted segment sum from the edge
   * vector took ~60 ms per call here, and a placement matrix grows with edges × N_source × N_target.)
   */
  SDVariable weights(Synapses s) {
    DenseLayout dense = denseLayout.get(s.rawMagnitudes().name());
    double[] mask = new double[dense.sources * dense.targets];
    for (int k : dense.position) {
      mask[k] = 1;
    }
    if (s.edges().signedPerNeuron()) {
      throw new IllegalArgumentException("projection " + s.label() + " has a sign per presynaptic neuron, which the"
          + " SameDiff graph cannot express; train it with the fused engine");
    }
    SDVariable raw = byParameter.get(s.rawMagnitudes().name());
    // Magnitude.ABS differentiates |raw| as +1 at raw = 0, where SameDiff's abs gives 0: raw × a
    // constant ±1 keeps the kernel's convention
    SDVariable magnitude = net.options().magnitude() == Magnitude.ABS
        ? raw.mul(SpikeOps.stopGradient(sd, sd.math.step(raw.neg(), 0.0).mul(-2.0).add(1.0)))
        : sd.nn.softplus(raw);
    SDVariable scale = sd.math.exp(byParameter.get(s.gain().name())).mul((double) s.edges().sign());
    SDVariable masked = magnitude.mul(sd.constant(Nd4j.createFromArray(mask).castTo(type)));
    return masked.mul(scale).reshape(dense.sources, dense.targets);
  }

  /** exp(−dt / (floor + softplus(raw))). */
  private SDVariable decay(SDVariable raw) {
    return sd.math.exp(sd.nn.softplus(raw).add(net.options().tauFloor()).rdiv(-net.dt()));
  }

  /** One raw value shared by the population, or one per cell, as a row {@code [1, N]}. */
  private SDVariable row(SDVariable raw, int cells) {
    if (raw.getShape()[0] == cells) {
      return raw.reshape(1, cells);
    }
    return raw.reshape(1, 1).mul(sd.constant(Nd4j.ones(type, 1, cells)));
  }

  /** The population's parameter of a kind (its own, or its cell type's when shared), or {@code null}. */
  private SDVariable owned(LifPopulation pop, LearnableParameter kind) {
    return byParameter.get(owner(pop) + "." + kind.keyword());
  }

  private String owner(LifPopulation pop) {
    List<Population> all = net.spec().populations();
    for (Population p : all) {
      if (p.name().equals(pop.name())) {
        return p.sharing() == ParameterSharing.PER_CELL_TYPE ? "type:" + p.cellType() : p.name();
      }
    }
    throw new IllegalArgumentException("no population " + pop.name() + " in circuit " + net.spec().name());
  }

  /** Where a projection's edges sit in its dense {@code [sources × targets]} matrix, row-major. */
  private record DenseLayout(int sources, int targets, int[] position) {}
}
