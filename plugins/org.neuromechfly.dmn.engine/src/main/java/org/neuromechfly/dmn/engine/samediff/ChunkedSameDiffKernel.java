package org.neuromechfly.dmn.engine.samediff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.network.EpisodeKernel;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * The SameDiff execution path: an episode of T steps as ⌈T/K⌉ runs of one fixed {@link ChunkGraph}
 * of K steps, closed-loop with the world between chunks, then exact BPTT across chunks in reverse.
 *
 * <p>Forward, per chunk: the world senses all K steps ahead (possible while K is at most its
 * {@link Environment#sensingLead()}: the odour world's sensing at step t depends only on motor output
 * of step t − delay − 1 or earlier), the graph runs from the previous chunk's end state, and the world
 * reads the K motor outputs. The start state and drive of every chunk are kept. Backward, from the
 * last chunk: d loss / d output of the chunk's steps comes from the world's backward pass (motor
 * population) and the activity losses (every population) and is fed as the graph's readout, together
 * with λ, the adjoint of the chunk's end state; SameDiff returns the chunk's parameter gradients
 * (accumulated), the adjoint of its start state (the previous chunk's λ) and d loss / d drive, which
 * goes back to the world's sensing path. A last chunk shorter than K is padded with silent steps that
 * no loss reads. One kernel serves one batch size and episode length and is not thread-safe.
 */
public final class ChunkedSameDiffKernel implements EpisodeKernel {
  private final Network network;
  private final int steps;
  private final int batch;
  private final int chunk;
  private final int chunks;
  /** Truncated BPTT window in steps (0: exact BPTT), a multiple of the chunk length. */
  private final int window;
  private final List<PopulationState> states = new ArrayList<>();
  private final ChunkState[] starts;
  private final INDArray[] drives;
  private ChunkGraph forwardGraph;
  private ChunkGraph trainingGraph;
  /** Indices of the world's sensory populations, in its order ({@code null} before the first episode). */
  private int[] sensory;
  private int motor;

  /**
   * @param network the network whose parameters are trained
   * @param steps T, steps per episode
   * @param batch episodes side by side
   * @param chunk K, steps per chunk graph: at most the world's {@link Environment#sensingLead()}
   */
  public ChunkedSameDiffKernel(Network network, int steps, int batch, int chunk) {
    if (chunk < 1 || steps < 1 || batch < 1) {
      throw new IllegalArgumentException("steps, batch and chunk length must be at least 1");
    }
    this.network = network;
    this.steps = steps;
    this.batch = batch;
    this.chunk = chunk;
    this.chunks = (steps + chunk - 1) / chunk;
    this.window = Math.max(0, network.spec().training().bpttWindow());
    if (window > 0 && window % chunk != 0) {
      throw new IllegalArgumentException("a BPTT window of " + window + " steps must be a multiple of the " + chunk
          + "-step chunks (see chunkLength)");
    }
    this.starts = new ChunkState[chunks];
    this.drives = new INDArray[chunks];
    // libnd4j's own thread pool splits even [16 × 2261] element-wise ops; on 2 shared cores its
    // barriers made chunks 2-10x slower than one thread (BLAS threads are set apart and unchanged)
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    for (LifPopulation pop : network.populations()) {
      states.add(pop.newState(network.options().precision(), steps, batch));
    }
  }

  /**
   * The chunk length for an episode and a world with this sensing lead: with a truncated-BPTT window,
   * the longest within the lead that divides the window; else the longest that divides the episode
   * (no padding) if it is at least half the lead, else as few chunks as the lead allows, evened out so
   * that the last is padded by fewer steps than there are chunks. The cost is mostly per op and so per
   * step; padded steps cost as much as real ones.
   */
  public static int chunkLength(int steps, int sensingLead, int window) {
    int lead = Math.max(1, Math.min(sensingLead, steps));
    if (window > 0) {
      // window boundaries must fall on chunk boundaries: the longest chunk that divides the window
      for (int k = Math.min(lead, window); k >= 1; k--) {
        if (window % k == 0) {
          return k;
        }
      }
    }
    for (int k = lead; 2 * k >= lead; k--) {
      if (steps % k == 0) {
        return k;
      }
    }
    int count = (steps + lead - 1) / lead;
    return (steps + count - 1) / count;
  }

  public int chunkLength() {
    return chunk;
  }

  @Override
  public Map<String, Double> forward(Environment env, ActivityObjective objective) {
    bind(env);
    forwardGraph.load(network.parameters());
    List<LifPopulation> pops = network.populations();
    int cells = forwardGraph.cells();
    double[][] sensed = new double[sensory.length][];
    for (int i = 0; i < sensory.length; i++) {
      sensed[i] = new double[batch * pops.get(sensory[i]).cells()];
    }
    double[][] rows = new double[pops.size()][];
    double[][] stored = new double[pops.size()][];
    for (int p = 0; p < rows.length; p++) {
      rows[p] = new double[batch * pops.get(p).cells()];
      stored[p] = new double[rows[p].length];
    }
    env.begin();
    objective.begin(steps, batch);
    ChunkState state = forwardGraph.rest();
    for (int c = 0; c < chunks; c++) {
      int first = c * chunk;
      int n = Math.min(chunk, steps - first);
      double[] drive = new double[chunk * batch * cells];
      for (int j = 0; j < n; j++) {
        env.sense(first + j, sensed);
        for (int i = 0; i < sensory.length; i++) {
          int np = pops.get(sensory[i]).cells();
          int to = forwardGraph.offset(sensory[i]);
          for (int b = 0; b < batch; b++) {
            System.arraycopy(sensed[i], b * np, drive, (j * batch + b) * cells + to, np);
          }
        }
      }
      drives[c] = array(drive, chunk, batch, cells);
      starts[c] = state;
      ChunkGraph.Result result = forwardGraph.run(drives[c], state);
      double[] out = flat(result.output());
      for (int j = 0; j < n; j++) {
        int t = first + j;
        for (int p = 0; p < pops.size(); p++) {
          int np = pops.get(p).cells();
          int from = forwardGraph.offset(p);
          for (int b = 0; b < batch; b++) {
            System.arraycopy(out, (j * batch + b) * cells + from, rows[p], b * np, np);
          }
          PopulationState st = states.get(p);
          st.outputTrace().write(t * rows[p].length, rows[p], rows[p].length);
          st.readOutput(t, stored[p]); // the objective sees outputs as stored, as the fused kernel shows them
          objective.observe(p, t, stored[p]);
        }
        env.act(t, rows[motor]);
      }
      state = result.end();
    }
    Map<String, Double> losses = new LinkedHashMap<>(env.endForward());
    losses.putAll(objective.evaluate());
    return losses;
  }

  @Override
  public void backward(Environment env, ActivityObjective objective) {
    if (trainingGraph == null) {
      trainingGraph = new ChunkGraph(network, chunk, batch, true);
    }
    trainingGraph.load(network.parameters());
    List<LifPopulation> pops = network.populations();
    int cells = trainingGraph.cells();
    double[] motorGrad = new double[batch * pops.get(motor).cells()];
    double[][] grad = new double[pops.size()][];
    for (int p = 0; p < grad.length; p++) {
      grad[p] = new double[batch * pops.get(p).cells()];
    }
    double[][] sensoryGrad = new double[sensory.length][];
    for (int i = 0; i < sensory.length; i++) {
      sensoryGrad[i] = new double[batch * pops.get(sensory[i]).cells()];
    }
    ChunkState adjoint = trainingGraph.rest();
    for (int c = chunks - 1; c >= 0; c--) {
      int first = c * chunk;
      int n = Math.min(chunk, steps - first);
      double[] readout = new double[chunk * batch * cells];
      for (int j = n - 1; j >= 0; j--) {
        int t = first + j;
        env.motorGradient(t, motorGrad);
        for (int p = 0; p < pops.size(); p++) {
          if (p == motor) {
            System.arraycopy(motorGrad, 0, grad[p], 0, motorGrad.length);
          } else {
            Arrays.fill(grad[p], 0);
          }
          objective.addGradient(p, t, grad[p]);
          int np = pops.get(p).cells();
          int to = trainingGraph.offset(p);
          for (int b = 0; b < batch; b++) {
            System.arraycopy(grad[p], b * np, readout, (j * batch + b) * cells + to, np);
          }
        }
      }
      ChunkGraph.Adjoint a = trainingGraph.backward(drives[c], starts[c], array(readout, chunk, batch, cells),
          adjoint, network.parameters());
      // truncated BPTT: the state entering a window is a constant of its gradient
      adjoint = window > 0 && first % window == 0 ? trainingGraph.rest() : a.start();
      double[] dDrive = flat(a.drive());
      for (int j = n - 1; j >= 0; j--) {
        for (int i = 0; i < sensory.length; i++) {
          int np = pops.get(sensory[i]).cells();
          int from = trainingGraph.offset(sensory[i]);
          for (int b = 0; b < batch; b++) {
            System.arraycopy(dDrive, (j * batch + b) * cells + from, sensoryGrad[i], b * np, np);
          }
        }
        env.sensoryGradient(first + j, sensoryGrad);
      }
    }
  }

  @Override
  public NetworkActivity activity() {
    return new NetworkActivity(network, List.copyOf(states));
  }

  public Network network() {
    return network;
  }

  private void bind(Environment env) {
    if (env.batch() != batch || env.steps() != steps) {
      throw new IllegalArgumentException("environment has batch " + env.batch() + " x " + env.steps()
          + " steps; kernel expects " + batch + " x " + steps);
    }
    if (chunk > env.sensingLead()) {
      throw new IllegalArgumentException("chunks of " + chunk + " steps are longer than the world can sense ahead ("
          + env.sensingLead() + " steps, set by the motor delay)");
    }
    sensory = env.sensoryPopulations().stream().mapToInt(network::populationIndex).toArray();
    motor = network.populationIndex(env.motorPopulation());
    if (forwardGraph == null) {
      forwardGraph = new ChunkGraph(network, chunk, batch, false);
    }
  }

  private INDArray array(double[] values, long... shape) {
    if (forwardGraph.type() == DataType.DOUBLE) {
      return Nd4j.create(values, shape, 'c');
    }
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return Nd4j.create(f, shape, 'c');
  }

  private static double[] flat(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }
}
