package org.neuromechfly.dmn.engine.train;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.ActivityRecorder;
import org.neuromechfly.dmn.engine.network.EpisodeKernel;
import org.neuromechfly.dmn.engine.network.KernelFactory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * One thread's share of a batch: its own copy of the network (so gradients never race), kernel,
 * world and activity losses. The trainer sums shard gradients in a fixed order, which keeps runs
 * bit-reproducible for a given thread count. The kernel comes from the factory the run was given
 * (the fused BPTT kernel, or the SameDiff chunk graph). A shard may also record its first fly's
 * outputs in every episode (for the rasters), which no kernel needs to keep for it.
 */
final class Shard {
  final Network network;
  final EpisodeKernel kernel;
  final OdourWorld world;
  final ActivityTerms activity;
  /** The first fly's outputs of the last episode, or {@code null} when this shard records none. */
  final ActivityRecorder recorder;
  private final ActivityObjective objective;
  final int batch;

  Shard(CircuitSpec spec, NavigationTask task, List<EdgeArrays> wiring, NetworkOptions options, WorldSettings ws,
      KernelFactory kernels, int batch, boolean recordsFirstFly) {
    this.batch = batch;
    this.network = new Network(spec, wiring, task.dt().si(), options);
    this.world = new OdourWorld(spec, task, ws, batch, PathLosses.of(spec, task, ws));
    this.kernel = kernels.create(network, task.steps(), batch, world.sensingLead());
    this.activity = new ActivityTerms(network, spec.losses());
    this.recorder = recordsFirstFly ? new ActivityRecorder(network, 1) : null;
    this.objective = recorder == null ? activity : activity.observedBy(recorder);
  }

  /** Forward (and backward when {@code learn}) over the given starts; returns the loss components. */
  Map<String, Double> run(StartPositions starts, long noiseSeed, boolean learn) {
    world.setStarts(starts, noiseSeed);
    network.parameters().zeroGradients();
    Map<String, Double> losses = kernel.forward(world, objective);
    if (learn) {
      kernel.backward(world, objective);
    }
    return losses;
  }
}
