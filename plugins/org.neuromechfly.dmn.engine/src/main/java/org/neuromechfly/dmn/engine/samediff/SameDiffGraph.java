package org.neuromechfly.dmn.engine.samediff;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.Parameter;
import org.neuromechfly.dmn.engine.Precision;
import org.neuromechfly.dmn.engine.fused.Network;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * A network as a SameDiff training graph, unrolled over a short window in open loop: placeholder
 * {@code drive} {@code [T, B, N_sensory]} is the sensory input current, placeholder {@code readout}
 * {@code [T, B, N_motor]} weights the motor population's output, and the loss is
 * {@code Σ readout · output}. Every parameter of the network's {@link org.neuromechfly.dmn.engine.ParameterSet}
 * is a variable of the same name (sanitised, see {@link #variableName}) in the same raw
 * parametrisation, so gradients compare one to one with the fused kernel's. The spike uses the
 * stop-gradient trick {@code s = f(x) + stopGradient(step(x) − f(x))} with {@code f} the smooth
 * surrogate, which is the step forward and f′ backward (ARCHITECTURE.md). The graph grows with T
 * (~150–230 µs and a few ops per cell group per step): a reference and an exported artifact, not a
 * training path for long episodes.
 */
public final class SameDiffGraph {
  private final SameDiff sd;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final DataType type;
  private final SDVariable loss;

  private SameDiffGraph(Network net, int steps, int batch, String sensoryName, String motorName) {
    this.sd = SameDiff.create();
    this.type = net.options().precision() == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    int sensory = net.populationIndex(sensoryName);
    int motor = net.populationIndex(motorName);
    List<LifPopulation> pops = net.populations();
    Map<String, SDVariable> vars = new HashMap<>();
    for (Parameter p : net.parameters().all()) {
      String n = variableName(p.name());
      names.put(p.name(), n);
      vars.put(p.name(), sd.var(n, Nd4j.createFromArray(p.value().clone()).castTo(type)));
    }
    SDVariable drive = sd.placeHolder("drive", type, steps, batch, pops.get(sensory).cells());
    SDVariable readout = sd.placeHolder("readout", type, steps, batch, pops.get(motor).cells());

    // per population: physical per-cell rows [1, N]
    int np = pops.size();
    SDVariable[] beta = new SDVariable[np];
    SDVariable[] alpha = new SDVariable[np];
    SDVariable[] theta = new SDVariable[np];
    SDVariable[] bias = new SDVariable[np];
    double tauFloor = net.options().tauFloor();
    double dt = net.dt();
    for (int p = 0; p < np; p++) {
      LifPopulation pop = pops.get(p);
      if (pop.refractorySteps() > 0) {
        throw new IllegalArgumentException(pop.name() + ": the SameDiff graph does not model refractoriness");
      }
      String owner = ownerOf(net, pop);
      int n = pop.cells();
      beta[p] = decay(row(vars.get(owner + "." + LearnableParameter.TAU_MEM.keyword()), n), tauFloor, dt);
      SDVariable tauSyn = vars.get(owner + "." + LearnableParameter.TAU_SYN.keyword());
      alpha[p] = tauSyn == null ? null : decay(row(tauSyn, n), tauFloor, dt);
      theta[p] = row(vars.get(owner + "." + LearnableParameter.THRESHOLD.keyword()), n);
      bias[p] = row(vars.get(owner + "." + LearnableParameter.BIAS.keyword()), n);
    }
    List<Synapses> syn = net.synapses();
    SDVariable[] weights = new SDVariable[syn.size()];
    for (int q = 0; q < syn.size(); q++) {
      weights[q] = denseWeights(syn.get(q), vars, net.options().magnitude());
    }

    SDVariable[] membrane = new SDVariable[np];
    SDVariable[] current = new SDVariable[np];
    List<List<SDVariable>> outputs = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      outputs.add(new ArrayList<>());
    }
    SDVariable total = null;
    SurrogateSpike surrogate = net.options().surrogate();
    boolean smooth = net.options().smoothSpikes();
    for (int t = 0; t < steps; t++) {
      SDVariable[] input = new SDVariable[np];
      for (int q = 0; q < syn.size(); q++) {
        Synapses s = syn.get(q);
        int from = t - s.delay();
        if (from < 0) {
          continue;
        }
        SDVariable x = outputs.get(s.sourcePopulation()).get(from).mmul(weights[q]);
        int tp = s.targetPopulation();
        input[tp] = input[tp] == null ? x : input[tp].add(x);
      }
      SDVariable ext = drive.get(SDIndex.point(t), SDIndex.all(), SDIndex.all());
      input[sensory] = input[sensory] == null ? ext : input[sensory].add(ext);
      for (int p = 0; p < np; p++) {
        LifPopulation pop = pops.get(p);
        SDVariable in = input[p] == null
            ? sd.constant(Nd4j.zeros(type, batch, pop.cells()))
            : input[p];
        if (alpha[p] != null) {
          in = current[p] == null ? in : current[p].mul(alpha[p]).add(in);
          current[p] = in;
        }
        SDVariable leak = beta[p].rsub(1.0);
        SDVariable v = in.add(bias[p]).mul(leak);
        if (membrane[p] != null) {
          v = membrane[p].mul(beta[p]).add(v);
        }
        SDVariable out;
        if (pop.graded()) {
          out = sd.nn.relu(v, 0.0);
          membrane[p] = v;
        } else {
          SDVariable x = v.sub(theta[p]);
          SDVariable f = smoothSpike(x, surrogate);
          out = smooth ? f : f.add(stopGradient(sd.math.step(x, 0.0).sub(f)));
          membrane[p] = pop.resetMode() == ResetMode.SUBTRACT
              ? v.sub(theta[p].mul(out))
              : v.mul(out.rsub(1.0)).add(out.mul(pop.resetValue()));
        }
        outputs.get(p).add(out);
      }
      SDVariable r = readout.get(SDIndex.point(t), SDIndex.all(), SDIndex.all());
      SDVariable term = outputs.get(motor).get(t).mul(r).sum();
      total = total == null ? term : total.add(term);
    }
    this.loss = sd.identity("loss", total);
    sd.setLossVariables("loss");
  }

  /**
   * Builds the graph of {@code network} over {@code steps} steps for {@code batch} episodes.
   *
   * @param sensory name of the population the {@code drive} placeholder feeds
   * @param motor name of the population the {@code readout} placeholder weighs
   */
  public static SameDiffGraph build(Network network, int steps, int batch, String sensory, String motor) {
    return new SameDiffGraph(network, steps, batch, sensory, motor);
  }

  /** The loss for the given drive {@code [T][B·N_sensory]} and readout {@code [T][B·N_motor]}. */
  public double loss(double[][] drive, double[][] readout) {
    return sd.output(feed(drive, readout), "loss").get("loss").getDouble(0);
  }

  /** Gradients of the loss by parameter name (the network's names), flattened. */
  public Map<String, double[]> gradients(double[][] drive, double[][] readout) {
    Map<String, INDArray> g = sd.calculateGradients(feed(drive, readout), names.values());
    Map<String, double[]> out = new LinkedHashMap<>();
    names.forEach((param, var) -> {
      INDArray a = g.get(var);
      out.put(param, a == null ? null : a.castTo(DataType.DOUBLE).toDoubleVector());
    });
    return out;
  }

  /** Saves the training graph (FlatBuffers) without updater state. */
  public void save(File file) {
    sd.save(file, false);
  }

  public SameDiff sameDiff() {
    return sd;
  }

  public SDVariable lossVariable() {
    return loss;
  }

  /** A parameter name as a SameDiff variable name (letters, digits and underscores). */
  public static String variableName(String parameter) {
    return parameter.replace("->", "to").replaceAll("[^A-Za-z0-9]+", "_");
  }

  private Map<String, INDArray> feed(double[][] drive, double[][] readout) {
    Map<String, INDArray> m = new HashMap<>();
    m.put("drive", stack(drive, sd.getVariable("drive").getShape()));
    m.put("readout", stack(readout, sd.getVariable("readout").getShape()));
    return m;
  }

  private INDArray stack(double[][] rows, long[] shape) {
    return Nd4j.createFromArray(rows).reshape(shape).castTo(type);
  }

  private SDVariable stopGradient(SDVariable x) {
    return new StopGradient(sd, x).outputVariable();
  }

  /** The surrogate's smooth function, whose derivative the kernel uses backward. */
  private SDVariable smoothSpike(SDVariable x, SurrogateSpike s) {
    double b = s.slope();
    if (s.kind() == SurrogateKind.SIGMOID) {
      return sd.nn.sigmoid(x.mul(b));
    }
    if (s.kind() == SurrogateKind.FAST_SIGMOID) {
      return x.div(sd.math.abs(x).mul(b).add(1.0)).add(0.5);
    }
    return sd.math.atan(x.mul(Math.PI * b / 2)).div(Math.PI).add(0.5);
  }

  /** One raw value shared by the population, or one per cell, as a row {@code [1, N]}. */
  private SDVariable row(SDVariable raw, int cells) {
    long size = raw.getShape()[0];
    if (size == cells) {
      return raw.reshape(1, cells);
    }
    return raw.reshape(1, 1).mul(sd.constant(Nd4j.ones(type, 1, cells)));
  }

  /** exp(−dt / (floor + softplus(raw))). */
  private SDVariable decay(SDVariable raw, double floor, double dt) {
    SDVariable softplus = sd.math.log(sd.math.exp(raw).add(1.0));
    return sd.math.exp(softplus.add(floor).rdiv(-dt));
  }

  /** sign × e^gain × magnitude(raw) scattered into a dense {@code [N_source, N_target]} matrix. */
  private SDVariable denseWeights(Synapses s, Map<String, SDVariable> vars, Magnitude magnitude) {
    EdgeArrays e = s.edges();
    int m = e.edgeCount();
    int ns = e.sourceCount();
    int nt = e.targetCount();
    double[][] place = new double[m][ns * nt];
    int[] tgt = e.targetIndex();
    for (int k = 0; k < m; k++) {
      place[k][e.sourceIndex()[k] * nt + tgt[k]] = 1;
    }
    SDVariable raw = vars.get(s.rawMagnitudes().name());
    SDVariable mag = magnitude == Magnitude.ABS
        ? sd.math.abs(raw)
        : sd.math.log(sd.math.exp(raw).add(1.0));
    SDVariable scale = sd.math.exp(vars.get(s.gain().name())).mul(e.sign());
    SDVariable flat = mag.reshape(1, m).mmul(sd.constant(Nd4j.createFromArray(place).castTo(type)));
    return flat.reshape(ns, nt).mul(scale.reshape(1, 1));
  }

  private static String ownerOf(Network net, LifPopulation pop) {
    for (var p : net.spec().populations()) {
      if (p.name().equals(pop.name())) {
        return p.sharing() == org.neuromechfly.dmn.model.ParameterSharing.PER_CELL_TYPE
            ? "type:" + p.cellType()
            : p.name();
      }
    }
    throw new IllegalArgumentException(pop.name());
  }
}
