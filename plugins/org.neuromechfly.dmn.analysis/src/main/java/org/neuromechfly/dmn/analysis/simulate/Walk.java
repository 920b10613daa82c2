package org.neuromechfly.dmn.analysis.simulate;

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
 * the first {@code count} of the run's fixed held-out starts with the evaluation's noise seed, so it
 * walks as the held-out evaluation of training did.
 *
 * @param activity every population's spikes and membranes, {@code [T][B][N]}
 * @param trajectory every fly's path
 * @param drive {@code [B][T][2]}: mean input current the world wrote into the left and right half of
 *     the sensory population
 * @param starts the starts walked from
 * @param dt the step, seconds
 */
public record Walk(NetworkActivity activity, Trajectory trajectory, double[][][] drive, StartPositions starts, double dt) {

  /** Seed of the held-out starts' world noise, as the trainer's evaluation uses it. */
  static long evaluationNoise(CircuitSpec spec) {
    return spec.training().seed() ^ 0xE7A1L;
  }

  /** Walks {@code network} (trained or not) from the first {@code count} held-out starts. */
  public static Walk heldOut(CircuitSpec spec, Network network, int count) {
    NavigationTask task = (NavigationTask) spec.task();
    WorldSettings settings = WorldSettings.defaults();
    OdourWorld world = new OdourWorld(spec, task, settings, count, PathLosses.of(spec, task, settings));
    int sensoryCells = spec.population(world.sensoryPopulation()).map(Population::count).orElseThrow();
    SensoryRecorder recorder = new SensoryRecorder(world, sensoryCells);
    StartPositions starts =
        StartPositions.heldOut(task, Math.max(64, count), spec.training().seed()).slice(0, count);
    world.setStarts(starts, evaluationNoise(spec));
    BpttKernel kernel = new BpttKernel(network, task.steps(), count);
    kernel.forward(recorder, ActivityObjective.NONE);
    return new Walk(kernel.activity(), world.trajectory(), recorder.drive, starts, task.dt().si());
  }
}
