package org.neuromechfly.dmn.benchmarks.engine;

import java.util.Map;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.ActivityRecorder;
import org.neuromechfly.dmn.engine.network.EpisodeKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.train.UpdateRule;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Optimizer;

/**
 * A network in the odour world with fixed starts, and the training step every engine benchmark times:
 * closed-loop forward over the episode, BPTT, and Adam with learning rate 0, so that every round sees
 * the same parameters. Activity losses (sparsity, rate band) are left out, so that the PyTorch
 * references, which implement navigation and energy only, train the identical model.
 */
public final class ClosedLoop {
  final CircuitSpec spec;
  final NavigationTask task;
  final WorldSettings settings;
  final Network network;
  final OdourWorld world;
  final StartPositions starts;
  private final UpdateRule adam;

  /** One timed step: wall-clock seconds and the episode's loss. */
  record Step(double seconds, double loss) {}

  /**
   * One training step timed phase by phase, seconds: forward, backward, and the update — Adam and the
   * weights recomputed from the raw parameters, as the trainer does after every step — and the loss.
   */
  public record PhasedStep(double forward, double backward, double update, double loss) {
    public double seconds() {
      return forward + backward + update;
    }
  }

  /** A timed piece of work that returns a loss. */
  @FunctionalInterface
  interface Episode {
    double run();
  }

  /** The network in a world of {@code spec}'s batch, starts drawn for episode {@code episode} of the seed. */
  ClosedLoop(CircuitSpec spec, Network network, WorldSettings settings, long seed, int episode) {
    this(spec, network, settings,
        StartPositions.forEpisode((NavigationTask) spec.task(), spec.training().batch(), seed, episode), 1);
  }

  /** The network in a world of these starts (as many as {@code spec}'s batch) and plume-noise seed. */
  ClosedLoop(CircuitSpec spec, Network network, WorldSettings settings, StartPositions starts, long noiseSeed) {
    this.spec = spec;
    this.task = (NavigationTask) spec.task();
    this.settings = settings;
    this.network = network;
    this.world = new OdourWorld(spec, task, settings, spec.training().batch(), PathLosses.of(spec, task, settings));
    this.starts = starts;
    world.setStarts(starts, noiseSeed);
    this.adam = new UpdateRule(Optimizer.ADAM, network.parameters().learnable());
  }

  /** The example's seed and the first episode's starts. */
  public ClosedLoop(CircuitSpec spec, Network network, WorldSettings settings) {
    this(spec, network, settings, spec.training().seed(), 0);
  }

  /** Forward and backward of {@code kernel} in this world; returns the loss. Gradients are zeroed first. */
  double forwardBackward(EpisodeKernel kernel) {
    network.parameters().zeroGradients();
    double loss = total(kernel.forward(world, ActivityObjective.NONE));
    kernel.backward(world, ActivityObjective.NONE);
    return loss;
  }

  /** One training step of {@code kernel}, Adam update included, timed. */
  Step trainingStep(EpisodeKernel kernel) {
    return time(() -> forwardBackward(kernel));
  }

  /**
   * One training step of {@code kernel} with each phase timed on its own (the same work as
   * {@link #trainingStep}); {@code watch} observes the forward pass's outputs ({@link ActivityObjective#NONE}
   * for none).
   */
  public PhasedStep phasedStep(EpisodeKernel kernel, ActivityObjective watch) {
    network.parameters().zeroGradients();
    long t0 = System.nanoTime();
    double loss = total(kernel.forward(world, watch));
    long t1 = System.nanoTime();
    kernel.backward(world, watch);
    long t2 = System.nanoTime();
    adam.apply(network.parameters().learnable(), 0.0);
    network.prepare();
    long t3 = System.nanoTime();
    return new PhasedStep((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, loss);
  }

  /** Times {@code episode} followed by the (zero-rate) Adam update, as one training step. */
  Step time(Episode episode) {
    long t0 = System.nanoTime();
    double loss = episode.run();
    adam.apply(network.parameters().learnable(), 0.0);
    return new Step((System.nanoTime() - t0) / 1e9, loss);
  }

  /**
   * The activity of an episode of {@code kernel} in this world, every fly: its whole record of the last
   * episode, or, when it recomputes segments and keeps none, a recording of one more forward pass.
   */
  NetworkActivity activity(BpttKernel kernel) {
    if (kernel.segmentSteps() == 0) {
      return kernel.activity();
    }
    ActivityRecorder all = new ActivityRecorder(network, spec.training().batch());
    kernel.forward(world, ActivityObjective.NONE.observedBy(all));
    return all.activity();
  }

  static double total(Map<String, Double> losses) {
    return losses.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
