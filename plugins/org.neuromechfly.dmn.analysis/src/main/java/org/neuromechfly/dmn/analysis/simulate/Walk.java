package org.neuromechfly.dmn.analysis.simulate;

import java.util.List;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
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
 * @param activity every population's spikes and membranes, {@code [T][B][N]}
 * @param trajectory every fly's path
 * @param sensory the sensory populations, in the order the world fills them
 * @param drive {@code [population][B][T][channel]}: the input current the world wrote into each
 *     sensory population (per cell, or the mean of each half for large populations)
 * @param starts the starts walked from
 * @param dt the step, seconds
 */
public record Walk(NetworkActivity activity, Trajectory trajectory, List<String> sensory, double[][][][] drive,
    StartPositions starts, double dt) {

  /** Walks {@code network} (trained or not) from the first {@code count} held-out starts. */
  public static Walk heldOut(CircuitSpec spec, Network network, int count) {
    NavigationTask task = (NavigationTask) spec.task();
    WorldSettings settings = WorldSettings.defaults();
    OdourWorld world = new OdourWorld(spec, task, settings, count, PathLosses.of(spec, task, settings));
    List<String> sensory = world.sensoryPopulations();
    int[] cells = sensory.stream().mapToInt(p -> spec.population(p).map(Population::count).orElseThrow()).toArray();
    SensoryRecorder recorder = new SensoryRecorder(world, cells);
    StartPositions starts =
        StartPositions.heldOut(task, Math.max(64, count), spec.training().seed()).slice(0, count);
    world.setStarts(starts, spec.training().seed() ^ 0xE7A1L);
    BpttKernel kernel = new BpttKernel(network, task.steps(), count);
    kernel.forward(recorder, ActivityObjective.NONE);
    return new Walk(kernel.activity(), world.trajectory(), sensory, recorder.drive, starts, task.dt().si());
  }
}
