package org.neuromechfly.dmn.engine.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.neuromechfly.dmn.engine.fused.NetworkOptions;
import org.neuromechfly.dmn.engine.world.WorldSettings;

/**
 * How a run trains, beyond the IR's training block.
 *
 * @param episodes episodes to train in total (including those before a resume)
 * @param threads batch shards run in parallel (each shard simulates batch/threads flies)
 * @param heldOut number of fixed held-out starts for evaluation
 * @param world odour-world settings
 * @param network engine settings (precision, surrogate, layout)
 * @param outDir run folder for checkpoints, or {@code null} to keep everything in memory
 * @param curriculumEpisodes episodes over which start positions move from halfway to the source out
 *     to the task's start region (0: no curriculum)
 * @param rateTargets target mean rates (Hz) per population name for {@link RateCalibration} before
 *     the first episode; empty for none
 */
public record TrainerSettings(
    int episodes,
    int threads,
    int heldOut,
    WorldSettings world,
    NetworkOptions network,
    Path outDir,
    int curriculumEpisodes,
    Map<String, Double> rateTargets) {

  /** Without rate calibration. */
  public TrainerSettings(int episodes, int threads, int heldOut, WorldSettings world, NetworkOptions network,
      Path outDir, int curriculumEpisodes) {
    this(episodes, threads, heldOut, world, network, outDir, curriculumEpisodes, Map.of());
  }

  public TrainerSettings {
    rateTargets = rateTargets == null ? Map.of() : Map.copyOf(rateTargets);
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(network, "network");
    if (episodes < 0 || threads < 1 || heldOut < 0) {
      throw new IllegalArgumentException("episodes, heldOut >= 0 and threads >= 1 required");
    }
  }
}
