package org.neuromechfly.dmn.analysis.simulate;

import java.util.List;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.ActivityRecorder;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.Trajectory;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;

/**
 * The circuit walking in its odour world, forward only (the engine's fused kernel, no gradients), from
 * the first {@code count} of the run's fixed held-out starts with the held-out evaluation's plume seed.
 *
 * @param activity every population's outputs (spikes, graded values), {@code [T][B][N]}, and their
 *     membranes when the walk was asked to keep them
 * @param trajectory every fly's path
 * @param sensory the sensory populations, in the order the world fills them
 * @param drive {@code [population][B][T][channel]}: the input current the world wrote into each
 *     sensory population (per cell, or the mean of each half for large populations)
 * @param starts the starts walked from
 * @param dt the step, seconds
 */
public record Walk(NetworkActivity activity, Trajectory trajectory, List<String> sensory, double[][][][] drive,
    StartPositions starts, double dt) {

  /** Walks {@code network} (trained or not) from the first {@code count} held-out starts; outputs only. */
  public static Walk heldOut(CircuitSpec spec, Network network, int count) {
    return heldOut(spec, network, count, false, network.options().recomputation());
  }

  /**
   * Walks {@code network} from the first {@code count} held-out starts, keeping the membranes too when
   * asked. Outputs are recorded as the walk runs, so a kernel that recomputes segments (the choice for
   * long episodes of large circuits, where the whole record would not fit) walks as well; membranes
   * need the whole record, and when it does not fit the walk says so before running.
   *
   * @param recomputation what the kernel keeps (the network's own choice, or one a test imposes)
   * @throws IllegalArgumentException membranes asked of a kernel that would recompute segments
   */
  public static Walk heldOut(CircuitSpec spec, Network network, int count, boolean membranes, Recomputation recomputation) {
    NavigationTask task = (NavigationTask) spec.task();
    BpttKernel kernel = new BpttKernel(network, task.steps(), count, recomputation);
    if (membranes && kernel.segmentSteps() > 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "the membranes of %d flies over %,d steps of %,d cells need the episode's whole record, which would not fit"
              + " in this Java VM's memory (at most %,d MB); record fewer starts (--starts), leave out membrane,"
              + " or give Java more memory (DMN_JAVA_OPTS=-Xmx…)", count, task.steps(),
          network.populations().stream().mapToInt(org.neuromechfly.dmn.engine.neuron.LifPopulation::cells).sum(),
          Runtime.getRuntime().maxMemory() >> 20));
    }
    WorldSettings settings = WorldSettings.defaults();
    OdourWorld world = new OdourWorld(spec, task, settings, count, PathLosses.of(spec, task, settings));
    List<String> sensory = world.sensoryPopulations();
    int[] cells = sensory.stream().mapToInt(p -> spec.population(p).map(Population::count).orElseThrow()).toArray();
    SensoryRecorder recorder = new SensoryRecorder(world, cells);
    StartPositions starts =
        StartPositions.heldOut(task, Math.max(64, count), spec.training().seed()).slice(0, count);
    world.setStarts(starts, spec.training().seed() ^ 0xE7A1L);
    NetworkActivity activity;
    if (membranes) {
      kernel.forward(recorder, ActivityObjective.NONE);
      activity = kernel.activity();
    } else {
      ActivityRecorder outputs = new ActivityRecorder(network, count);
      kernel.forward(recorder, ActivityObjective.NONE.observedBy(outputs));
      activity = outputs.activity();
    }
    return new Walk(activity, world.trajectory(), sensory, recorder.drive, starts, task.dt().si());
  }
}
