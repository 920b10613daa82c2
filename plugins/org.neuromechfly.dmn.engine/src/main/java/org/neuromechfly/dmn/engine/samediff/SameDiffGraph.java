package org.neuromechfly.dmn.engine.samediff;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.Precision;
import org.neuromechfly.dmn.engine.fused.Network;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * A network as a SameDiff training graph, unrolled over a short window in open loop: placeholder
 * {@code drive} {@code [T, B, N_sensory]} is the sensory input current, placeholder {@code readout}
 * {@code [T, B, N_motor]} weights the motor population's output, and the loss is
 * {@code Σ readout · output}. Every parameter of the network's {@link org.neuromechfly.dmn.engine.ParameterSet}
 * is a variable of the same name (sanitised, see {@link #variableName}) in the same raw
 * parametrisation ({@link NetworkVariables}; weight magnitudes as a dense masked matrix whose
 * gradient is gathered back to the edges), so gradients compare one to one with the fused kernel's.
 * The spike is the step forward and the surrogate's derivative backward ({@link SpikeOps}). The
 * graph grows with T (~150–230 µs and a few ops per cell group per step): a reference and an exported
 * artifact; training runs {@link ChunkedSameDiffKernel}'s fixed chunk graph instead.
 */
public final class SameDiffGraph {
  private final SameDiff sd;
  private final NetworkVariables vars;
  private final DataType type;
  private final SDVariable loss;

  private SameDiffGraph(Network net, int steps, int batch, String sensoryName, String motorName) {
    this.sd = SameDiff.create();
    this.type = net.options().precision() == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    int sensory = net.populationIndex(sensoryName);
    int motor = net.populationIndex(motorName);
    List<LifPopulation> pops = net.populations();
    this.vars = new NetworkVariables(sd, net, type);
    SDVariable drive = sd.placeHolder("drive", type, steps, batch, pops.get(sensory).cells());
    SDVariable readout = sd.placeHolder("readout", type, steps, batch, pops.get(motor).cells());

    // per population: physical per-cell rows [1, N]
    int np = pops.size();
    SDVariable[] beta = new SDVariable[np];
    SDVariable[] alpha = new SDVariable[np];
    SDVariable[] theta = new SDVariable[np];
    SDVariable[] bias = new SDVariable[np];
    for (int p = 0; p < np; p++) {
      LifPopulation pop = pops.get(p);
      if (pop.refractorySteps() > 0) {
        throw new IllegalArgumentException(pop.name() + ": the SameDiff graph does not model refractoriness");
      }
      beta[p] = vars.beta(pop);
      alpha[p] = vars.alpha(pop);
      theta[p] = vars.threshold(pop);
      bias[p] = vars.bias(pop);
    }
    List<Synapses> syn = net.synapses();
    SDVariable[] weights = new SDVariable[syn.size()];
    for (int q = 0; q < syn.size(); q++) {
      weights[q] = vars.weights(syn.get(q));
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
          out = SpikeOps.spike(sd, v.sub(theta[p]), surrogate, smooth);
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
    Map<String, INDArray> g = sd.calculateGradients(feed(drive, readout), vars.names().values());
    return vars.gradients(g);
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
    return NetworkVariables.variableName(parameter);
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
}
