package org.neuromechfly.dmn.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.engine.fused.NetworkActivity;
import org.neuromechfly.dmn.engine.fused.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.plot.RunPlots;
import org.neuromechfly.dmn.engine.samediff.ChunkedSameDiffKernel;
import org.neuromechfly.dmn.engine.samediff.SameDiffSupport;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.engine.train.CircuitValidation;
import org.neuromechfly.dmn.engine.train.Evaluation;
import org.neuromechfly.dmn.engine.train.HistoryFiles;
import org.neuromechfly.dmn.engine.train.Trainer;
import org.neuromechfly.dmn.engine.train.TrainerSettings;
import org.neuromechfly.dmn.engine.train.TrainingState;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The engine's entry point for {@code dmn train}: validates the circuit, trains it on its navigation
 * task and leaves a run folder behind —
 *
 * <pre>
 *   circuit.json                the IR trained (CircuitJson)
 *   checkpoint.json, best.json  resumable state; parameters of the best held-out checkpoint
 *   history.csv, history.json   one row per episode: learning rate, loss and components, measures
 *   loss.png, trajectories-before.png, trajectories-after.png, raster-&lt;population&gt;.png
 *   summary.txt, summary.json   held-out success before/after, closest approach, KC activity, timing
 * </pre>
 */
public final class TrainingRun {
  private TrainingRun() {}

  /**
   * Trains a circuit wired by the connectome module ({@code CircuitWiringBuilder.build}).
   *
   * @param wiring the circuit and one wiring per projection
   * @param options run folder, overrides, threads, world settings
   * @param listener progress events (use {@link TrainingListener#NONE} for none)
   * @throws IllegalArgumentException when the circuit cannot be trained, listing every problem
   */
  public static TrainingResult train(CircuitWiring wiring, TrainOptions options, TrainingListener listener) {
    return train(wiring.spec(), wiring.projections().stream().map(EdgeArrays::of).toList(), options, listener);
  }

  /**
   * Trains a wired circuit.
   *
   * @param spec the circuit (must declare a navigation task)
   * @param wiring one edge set per projection of {@code spec}, in projection order
   * @param options run folder, overrides, threads, world settings
   * @param listener progress events (use {@link TrainingListener#NONE} for none)
   * @throws IllegalArgumentException when the circuit cannot be trained, listing every problem
   */
  public static TrainingResult train(
      CircuitSpec spec, List<EdgeArrays> wiring, TrainOptions options, TrainingListener listener) {
    ExecutionEngine engine = options.engine() != null ? options.engine() : spec.training().engine();
    // the run's circuit.json records the engine that trained it; the trainer's shards read it there
    CircuitSpec run = withOverrides(spec, options.episodes(), engine);
    CircuitValidation.require(run, options.world());
    if (engine == ExecutionEngine.SAMEDIFF) {
      SameDiffSupport.require(run);
      listener.message(sameDiffNotice((NavigationTask) run.task()));
    }
    Path dir = options.outDir();
    createDirectories(dir);
    write(dir.resolve("circuit.json"), CircuitJson.write(run));
    TrainingSpec t = run.training();
    TrainerSettings settings = new TrainerSettings(t.episodes(), options.threads(), options.heldOut(),
        options.world(), NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope())), dir,
        options.curriculumEpisodes(), options.rateTargets());
    try (ProgressReporter progress = new ProgressReporter(listener, options.progressBar());
        Trainer session = new Trainer(run, wiring, settings, progress)) {
      if (options.resumeDir() != null) {
        session.resume(CheckpointStore.read(options.resumeDir()));
      }
      double radius = options.world().successRadius();
      Evaluation before = session.evaluate(session.heldOutStarts());
      RunPlots.trajectories(before.trajectory(), "Held-out starts before training", radius,
          dir.resolve("trajectories-before.png"));
      long start = System.nanoTime();
      int first = session.state().nextEpisode;
      TrainingState state = session.train();
      double seconds = (System.nanoTime() - start) / 1e9;
      Evaluation after = session.evaluate(session.heldOutStarts());
      NetworkActivity activity = session.lastActivity();
      RunPlots.trajectories(after.trajectory(), "Held-out starts after training", radius,
          dir.resolve("trajectories-after.png"));
      double dt = ((NavigationTask) run.task()).dt().si();
      for (int p = 0; p < activity.populationCount(); p++) {
        RunPlots.raster(activity, p, 200, dt, dir.resolve("raster-" + activity.population(p).name() + ".png"));
      }
      RunPlots.losses(state.history, dir.resolve("loss.png"));
      HistoryFiles.write(dir, state.history);
      Path checkpoint = dir.resolve(CheckpointStore.CHECKPOINT);
      if (!Files.exists(checkpoint)) {
        new CheckpointStore(dir).write(state);
      }
      int trained = state.nextEpisode - first;
      double finalLoss = state.history.isEmpty() ? Double.NaN : state.history.get(state.history.size() - 1).loss();
      TrainingResult result = new TrainingResult(dir, state.nextEpisode, finalLoss, before.metrics().success(),
          after.metrics().success(), after.metrics().closestApproach(), state.bestEpisode,
          trained > 0 ? seconds / trained : Double.NaN, after.measures(), checkpoint, dir.resolve(CheckpointStore.BEST));
      writeSummary(dir, run, result, before, after, session.calibration());
      return result;
    }
  }

  private static String sameDiffNotice(NavigationTask task) {
    int k = ChunkedSameDiffKernel.chunkLength(task.steps(), OdourWorld.sensingLead(task));
    return String.format(Locale.ROOT, "SameDiff engine: one graph of %d steps (at most the %s motor delay"
        + " + 1 step), run %d times per episode forward and again backward, the state passed between chunks"
        + " (exact BPTT); expect ~20x the fused kernel's time per episode, more on a busy machine (engine README)",
        k, task.motorDelay(), (task.steps() + k - 1) / k);
  }

  private static CircuitSpec withOverrides(CircuitSpec spec, Integer episodes, ExecutionEngine engine) {
    TrainingSpec t = spec.training();
    if ((episodes == null || episodes == t.episodes()) && engine == t.engine()) {
      return spec;
    }
    TrainingSpec n = new TrainingSpec(t.optimizer(), t.learningRate(), t.schedule(),
        episodes == null ? t.episodes() : episodes, t.batch(), t.clip(), t.seed(), t.checkpointEvery(),
        t.bpttWindow(), engine, t.surrogate(), t.surrogateSlope());
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), spec.populations(),
        spec.projections(), spec.task(), spec.losses(), n, spec.exports());
  }

  private static void writeSummary(Path dir, CircuitSpec spec, TrainingResult r, Evaluation before, Evaluation after,
      Map<String, Double> calibration) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("circuit", spec.name());
    s.put("episodes", r.episodes());
    s.put("heldOutStarts", after.trajectory().batch());
    s.put("successBefore", r.successBefore());
    s.put("successAfter", r.successAfter());
    s.put("closestApproachBeforeMm", before.metrics().closestApproach() * 1e3);
    s.put("closestApproachAfterMm", r.closestApproachAfter() * 1e3);
    s.put("pathEfficiencyAfter", after.metrics().pathEfficiency());
    s.put("meanSpeedAfterMmPerS", after.metrics().meanSpeed() * 1e3);
    s.put("bestEpisode", r.bestEpisode());
    s.put("finalLoss", r.finalLoss());
    s.put("secondsPerEpisode", r.secondsPerEpisode());
    s.put("measuresAfter", r.measures());
    s.put("rateCalibration", calibration);
    try {
      write(dir.resolve("summary.json"), CircuitJson.pretty(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder txt = new StringBuilder();
    s.forEach((k, v) -> txt.append(String.format(Locale.ROOT, "%-26s %s%n", k, v)));
    write(dir.resolve("summary.txt"), txt.toString());
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run folder " + dir, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
