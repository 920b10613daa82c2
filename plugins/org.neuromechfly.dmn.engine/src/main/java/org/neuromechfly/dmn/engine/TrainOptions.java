package org.neuromechfly.dmn.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.ExecutionEngine;

/**
 * How {@link TrainingRun} runs, on top of the circuit's own training block.
 *
 * @param outDir run folder to create or reuse (checkpoints, history, plots, summary)
 * @param episodes episode count overriding the circuit's, or {@code null}
 * @param resumeDir a run folder whose {@code checkpoint.json} to continue from, or {@code null}
 * @param engine execution path overriding the circuit's, or {@code null}
 * @param threads batch shards trained in parallel (1 = single-threaded, fully reproducible across
 *     machines)
 * @param heldOut number of fixed held-out starts evaluated before and after training
 * @param world odour-world settings
 * @param progressBar whether to draw a console progress bar
 * @param curriculumEpisodes episodes of start-distance curriculum (0 = none)
 * @param rateTargets target mean rates (Hz) per population for the initial rate calibration
 *     ({@link org.neuromechfly.dmn.engine.train.RateCalibration}); empty for none
 */
public record TrainOptions(
    Path outDir,
    Integer episodes,
    Path resumeDir,
    ExecutionEngine engine,
    int threads,
    int heldOut,
    WorldSettings world,
    boolean progressBar,
    int curriculumEpisodes,
    Map<String, Double> rateTargets) {

  public TrainOptions {
    rateTargets = rateTargets == null ? Map.of() : Map.copyOf(rateTargets);
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(world, "world");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, not " + threads);
    }
    if (episodes != null && episodes < 0) {
      throw new IllegalArgumentException("episodes must be >= 0, not " + episodes);
    }
  }

  /** Defaults: the circuit's episodes and engine, one thread, 64 held-out starts, a progress bar. */
  public static TrainOptions of(Path outDir) {
    return new TrainOptions(outDir, null, null, null, 1, 64, WorldSettings.defaults(), true, 0,
        org.neuromechfly.dmn.engine.train.RateCalibration.DEFAULT_TARGETS);
  }

  public TrainOptions withEpisodes(Integer n) {
    return new TrainOptions(outDir, n, resumeDir, engine, threads, heldOut, world, progressBar, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withResume(Path dir) {
    return new TrainOptions(outDir, episodes, dir, engine, threads, heldOut, world, progressBar, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withEngine(ExecutionEngine e) {
    return new TrainOptions(outDir, episodes, resumeDir, e, threads, heldOut, world, progressBar, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withThreads(int n) {
    return new TrainOptions(outDir, episodes, resumeDir, engine, n, heldOut, world, progressBar, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withHeldOut(int n) {
    return new TrainOptions(outDir, episodes, resumeDir, engine, threads, n, world, progressBar, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withWorld(WorldSettings w) {
    return new TrainOptions(outDir, episodes, resumeDir, engine, threads, heldOut, w, progressBar, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withProgressBar(boolean on) {
    return new TrainOptions(outDir, episodes, resumeDir, engine, threads, heldOut, world, on, curriculumEpisodes, rateTargets);
  }

  public TrainOptions withCurriculum(int n) {
    return new TrainOptions(outDir, episodes, resumeDir, engine, threads, heldOut, world, progressBar, n, rateTargets);
  }

  public TrainOptions withRateTargets(Map<String, Double> targets) {
    return new TrainOptions(outDir, episodes, resumeDir, engine, threads, heldOut, world, progressBar, curriculumEpisodes,
        targets);
  }
}
