package org.neuromechfly.dmn.engine.fused;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.EpisodeKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.ActiveCells;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * Forward over an episode keeping the states BPTT needs, then the exact backward pass through time
 * with the same surrogate, closed-loop with an {@link Environment}. Because every projection delays
 * by at least one step, each step first gathers all synaptic input from the recorded past and then
 * advances all populations; the world is consulted once per step, so any sensorimotor delay of one
 * step or more is honoured. With a BPTT window (the training block's {@code bptt window N}) the
 * backward pass is truncated: the state entering each window of N steps — membranes, synaptic
 * currents, the outputs delayed projections still carry, and the world's own state — is a constant
 * for the gradient of the losses inside it. What is kept for the backward pass is a {@link History}:
 * the whole record, or, for long episodes, checkpoints from which each segment is re-run backward
 * (the network options' {@link Recomputation}; the same bits either way). One kernel serves one batch
 * size and episode length; it is not thread-safe (run one per thread over disjoint batch shards).
 */
public final class BpttKernel implements EpisodeKernel {
  private final Network network;
  private final int steps;
  private final int batch;
  private final History history;
  private final double[][] input;
  private final double[][] gradInput;
  private final double[][][] gradOutput;
  private final double[][] slice;
  /** The non-zero entries of each cached slice. */
  private final ActiveCells[] sliceActive;
  private final int[] sliceStep;
  private final double[][] accumulators;
  private final int ring;
  /** Truncated BPTT window in steps (0: exact BPTT over the whole episode). */
  private final int window;
  /** Where gradients to outputs before a window's start go (discarded). */
  private final double[][] discard;
  /** Indices of the world's sensory populations, in its order. */
  private int[] sensory;
  private int motor;

  /**
   * Whether a kernel of {@code steps} × {@code batch} on {@code network} would keep the whole record by
   * the footprint's choice (it fits the memory budget), decided without allocating anything.
   */
  public static boolean keepsWholeRecord(Network network, int steps, int batch) {
    return History.wholeRecordChosen(network, steps, batch);
  }

  /** A kernel that keeps what the network options' {@link Recomputation} says. */
  public BpttKernel(Network network, int steps, int batch) {
    this(network, steps, batch, network.options().recomputation());
  }

  /** A kernel that keeps the whole record or recomputes segments as {@code recomputation} says. */
  public BpttKernel(Network network, int steps, int batch, Recomputation recomputation) {
    this.network = network;
    this.steps = steps;
    this.batch = batch;
    List<LifPopulation> pops = network.populations();
    history = History.of(network, steps, batch, recomputation);
    input = new double[pops.size()][];
    gradInput = new double[pops.size()][];
    slice = new double[pops.size()][];
    sliceActive = new ActiveCells[pops.size()];
    sliceStep = new int[pops.size()];
    ring = network.maxDelay() + 1;
    gradOutput = new double[pops.size()][ring][];
    window = network.spec().training().bpttWindow();
    discard = new double[pops.size()][];
    for (int p = 0; p < pops.size(); p++) {
      int n = batch * pops.get(p).cells();
      input[p] = new double[n];
      gradInput[p] = new double[n];
      slice[p] = new double[n];
      sliceActive[p] = new ActiveCells(pops.get(p).cells(), batch);
      discard[p] = window > 0 ? new double[n] : null;
      for (int r = 0; r < ring; r++) {
        gradOutput[p][r] = new double[n];
      }
    }
    accumulators = new double[network.synapses().size()][];
  }

  /**
   * Runs the closed loop forward and evaluates the losses.
   *
   * @return weighted loss components (world first, then activity terms)
   */
  @Override
  public Map<String, Double> forward(Environment env, ActivityObjective objective) {
    checkEnvironment(env);
    List<LifPopulation> pops = network.populations();
    for (int p = 0; p < pops.size(); p++) {
      pops.get(p).begin(history.state(p));
    }
    Arrays.fill(sliceStep, -1);
    env.begin();
    objective.begin(steps, batch);
    double[][] external = new double[sensory.length][];
    for (int i = 0; i < sensory.length; i++) {
      external[i] = new double[input[sensory[i]].length];
    }
    double[] motorOut = new double[batch * pops.get(motor).cells()];
    for (int t = 0; t < steps; t++) {
      env.sense(t, external);
      history.beforeStep(t, external);
      step(t, external);
      for (int p = 0; p < pops.size(); p++) {
        objective.observe(p, t, outputAt(p, t));
      }
      copyOutput(motor, t, motorOut);
      env.act(t, motorOut);
    }
    Map<String, Double> losses = new LinkedHashMap<>(env.endForward());
    losses.putAll(objective.evaluate());
    return losses;
  }

  /**
   * One step of every population: synaptic input from the recorded outputs of earlier steps, plus the
   * world's drive, then the LIF update. The forward pass and a segment's recomputation both run it, so
   * the two give the same bits.
   */
  private void step(int t, double[][] external) {
    for (double[] in : input) {
      Arrays.fill(in, 0);
    }
    for (Synapses s : network.synapses()) {
      int from = t - s.delay();
      if (from >= 0) {
        int src = s.sourcePopulation();
        s.forward(outputAt(src, from), sliceActive[src], input[s.targetPopulation()], batch);
      }
    }
    for (int i = 0; i < sensory.length; i++) {
      double[] in = input[sensory[i]];
      double[] ext = external[i];
      for (int k = 0; k < in.length; k++) {
        in[k] += ext[k];
      }
    }
    List<LifPopulation> pops = network.populations();
    for (int p = 0; p < pops.size(); p++) {
      pops.get(p).forward(t, input[p], history.state(p));
    }
  }

  /** Backpropagates through the episode last run by {@link #forward}; adds to parameter gradients. */
  @Override
  public void backward(Environment env, ActivityObjective objective) {
    List<LifPopulation> pops = network.populations();
    List<Synapses> syn = network.synapses();
    for (int p = 0; p < pops.size(); p++) {
      pops.get(p).beginBackward(history.state(p));
      for (double[] g : gradOutput[p]) {
        Arrays.fill(g, 0);
      }
    }
    for (int q = 0; q < syn.size(); q++) {
      accumulators[q] = syn.get(q).newAccumulator();
    }
    Arrays.fill(sliceStep, -1);
    double[] motorGrad = new double[batch * pops.get(motor).cells()];
    double[][] sensoryGradient = new double[sensory.length][];
    History.Replay replay = this::step;
    for (int t = steps - 1; t >= 0; t--) {
      // a re-run step's outputs are those of the forward pass, so slices cached from it stay valid
      history.beforeBackwardStep(t, replay);
      int slot = t % ring;
      env.motorGradient(t, motorGrad);
      double[] gm = gradOutput[motor][slot];
      for (int i = 0; i < gm.length; i++) {
        gm[i] += motorGrad[i];
      }
      for (int p = 0; p < pops.size(); p++) {
        objective.addGradient(p, t, gradOutput[p][slot]);
        pops.get(p).backward(t, gradOutput[p][slot], gradInput[p], history.state(p));
      }
      for (int i = 0; i < sensory.length; i++) {
        sensoryGradient[i] = gradInput[sensory[i]];
      }
      env.sensoryGradient(t, sensoryGradient);
      for (int q = 0; q < syn.size(); q++) {
        Synapses s = syn.get(q);
        int from = t - s.delay();
        if (from >= 0) {
          int src = s.sourcePopulation();
          // truncated BPTT: what reaches back before the window's start is dropped
          double[] gradSource = window > 0 && from < t - t % window ? discard[src] : gradOutput[src][from % ring];
          s.backward(outputAt(src, from), sliceActive[src], gradInput[s.targetPopulation()], gradSource,
              accumulators[q], batch);
        }
      }
      for (int p = 0; p < pops.size(); p++) {
        Arrays.fill(gradOutput[p][slot], 0);
      }
      if (window > 0 && t > 0 && t % window == 0) {
        // the state entering the window is a constant for its gradient
        for (int p = 0; p < pops.size(); p++) {
          pops.get(p).cutBackward(history.state(p));
        }
      }
    }
    for (int p = 0; p < pops.size(); p++) {
      pops.get(p).finishBackward(history.state(p));
    }
    for (int q = 0; q < syn.size(); q++) {
      syn.get(q).finishBackward(accumulators[q]);
    }
  }

  /**
   * What the last forward pass recorded, when the kernel keeps the whole record; a kernel that
   * recomputes segments keeps none (watch the outputs with an
   * {@link org.neuromechfly.dmn.engine.network.ActivityRecorder} instead).
   *
   * @throws IllegalStateException when the kernel recomputes segments
   */
  @Override
  public NetworkActivity activity() {
    return history.activity(network);
  }

  /** Steps per recomputed segment, or 0 when the kernel keeps the whole record. */
  public int segmentSteps() {
    return history.segmentSteps();
  }

  /** Bytes kept for the backward pass: the record, or checkpoints, one segment and the sensory drive. */
  public long historyBytes() {
    return history.bytes();
  }

  public Network network() {
    return network;
  }

  private void checkEnvironment(Environment env) {
    if (env.batch() != batch || env.steps() != steps) {
      throw new IllegalArgumentException(
          "environment has batch " + env.batch() + " x " + env.steps() + " steps; kernel expects "
              + batch + " x " + steps);
    }
    sensory = env.sensoryPopulations().stream().mapToInt(network::populationIndex).toArray();
    motor = network.populationIndex(env.motorPopulation());
  }

  /**
   * Output of population p at step t, {@code [B][N]}, from the trace (cached for the current step, with
   * its non-zero entries in {@code sliceActive[p]}).
   */
  private double[] outputAt(int p, int t) {
    if (sliceStep[p] != t) {
      copyOutput(p, t, slice[p]);
      sliceActive[p].find(slice[p]);
      sliceStep[p] = t;
    }
    return slice[p];
  }

  private void copyOutput(int p, int t, double[] into) {
    history.state(p).readOutput(t, into);
  }
}
