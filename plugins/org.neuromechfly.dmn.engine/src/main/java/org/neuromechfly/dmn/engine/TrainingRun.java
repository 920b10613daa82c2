package org.neuromechfly.dmn.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.engine.behaviour.BehaviourMeasure;
import org.neuromechfly.dmn.engine.behaviour.WalkingBehaviour;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.plot.BehaviourPlots;
import org.neuromechfly.dmn.engine.plot.RunPlots;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.samediff.ChunkedSameDiffKernel;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.engine.train.CircuitValidation;
import org.neuromechfly.dmn.engine.train.Evaluation;
import org.neuromechfly.dmn.engine.train.HistoryFiles;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.Trainer;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.engine.train.TrainingState;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The engine's entry point for {@code dmn train} and the generated training programs: validates the
 * circuit, trains it on its navigation task with the execution path the model (or the options) names,
 * and leaves a {@link RunFolder} behind. The held-out evaluation "before" is always of the untrained
 * (rate-calibrated) network, also when the run resumes from a checkpoint.
 */
public final class TrainingRun {
  private TrainingRun() {}

  /**
   * Trains a circuit wired by the connectome module ({@code CircuitWiringBuilder.build}).
   *
   * @param wiring the circuit and one wiring per projection
   * @param folder where the run's files go (see {@link RunFolder#fresh}, {@link RunFolder#empty})
   * @param options the run's choices on top of the model's training block
   * @param listener progress events (use {@link TrainingListener#NONE} for none)
   * @throws IllegalArgumentException when the circuit cannot be trained, listing every problem
   */
  public static TrainingResult train(CircuitWiring wiring, RunFolder folder, TrainOptions options,
      TrainingListener listener) {
    return train(wiring.spec(), wiring.projections().stream().map(EdgeArrays::of).toList(), folder, options, listener);
  }

  /**
   * Trains a wired circuit.
   *
   * @param spec the circuit (must declare a navigation task)
   * @param wiring one edge set per projection of {@code spec}, in projection order
   * @param folder where the run's files go
   * @param options the run's choices on top of the model's training block
   * @param listener progress events (use {@link TrainingListener#NONE} for none)
   * @throws IllegalArgumentException when the circuit cannot be trained, listing every problem
   */
  public static TrainingResult train(CircuitSpec spec, List<EdgeArrays> wiring, RunFolder folder, TrainOptions options,
      TrainingListener listener) {
    ExecutionEngine engine = options.engineFor(spec);
    CircuitValidation.require(spec, options.world());
    EngineSupport.require(spec, engine);
    if (engine == ExecutionEngine.SAMEDIFF) {
      listener.message(sameDiffNotice((NavigationTask) spec.task(), spec.training().bpttWindow()));
    }
    TrainingState resumed = options.resumeFrom() == null
        ? null
        : CheckpointStore.read(RunFolder.resumable(options.resumeFrom()));
    folder.create();
    int leftovers = folder.removeInterruptedWrites();
    if (leftovers > 0) {
      listener.message("removed " + leftovers + " temporary file(s) an interrupted write left in " + folder);
    }
    folder.writeText(RunFolder.CIRCUIT, CircuitJson.write(spec));
    writeRunSettings(folder, engine, options, spec);
    try (Trainer session = new Trainer(spec, wiring, options, Engines.of(engine), new CheckpointStore(folder),
        listener)) {
      NavigationTask task = (NavigationTask) spec.task();
      double radius = task.successRadius().si();
      Evaluation before = session.evaluate(session.heldOutStarts());
      Evaluation blankBefore = session.heldOutBlankStarts() == null ? null : session.evaluate(session.heldOutBlankStarts());
      RunPlots.trajectories(before.trajectory(), "Held-out starts before training", radius, task.arenaWidth().si(),
          task.arenaHeight().si(), session.plumePicture(150, 90), folder.file(RunFolder.TRAJECTORIES_BEFORE));
      if (resumed != null) {
        session.resume(resumed);
      }
      long start = System.nanoTime();
      int first = session.state().nextEpisode;
      TrainingState state = session.train();
      double seconds = (System.nanoTime() - start) / 1e9;
      Evaluation blankAfter = session.heldOutBlankStarts() == null ? null : session.evaluate(session.heldOutBlankStarts());
      Evaluation after = session.evaluate(session.heldOutStarts());
      NetworkActivity activity = session.lastActivity();
      RunPlots.trajectories(after.trajectory(), "Held-out starts after training", radius, task.arenaWidth().si(),
          task.arenaHeight().si(), session.plumePicture(150, 90), folder.file(RunFolder.TRAJECTORIES_AFTER));
      writeBehaviour(folder, task, before, blankBefore, after, blankAfter, 10 * options.world().halfSaturation());
      double dt = task.dt().si();
      for (int p = 0; p < activity.populationCount(); p++) {
        RunPlots.raster(activity, p, 100, dt, folder.raster(activity.population(p).name()));
      }
      RunPlots.losses(state.history, folder.file(RunFolder.LOSS_PLOT));
      HistoryFiles.write(folder, state.history);
      if (!folder.hasCheckpoint()) {
        new CheckpointStore(folder).write(state);
      }
      int trained = state.nextEpisode - first;
      double finalLoss = state.history.isEmpty() ? Double.NaN : state.history.get(state.history.size() - 1).loss();
      TrainingResult result = new TrainingResult(folder.path(), state.nextEpisode, finalLoss,
          before.metrics().success(), after.metrics().success(), after.metrics().closestApproach(), state.bestEpisode,
          trained > 0 ? seconds / trained : Double.NaN, after.measures(), folder.file(RunFolder.CHECKPOINT),
          folder.file(RunFolder.BEST));
      writeSummary(folder, spec, result, before, after, session.calibration());
      return result;
    }
  }

  private static String sameDiffNotice(NavigationTask task, int window) {
    int k = ChunkedSameDiffKernel.chunkLength(task.steps(), OdourWorld.sensingLead(task), window);
    return String.format(Locale.ROOT, "SameDiff engine: one graph of %d steps (at most the %s motor delay"
        + " + 1 step), run %d times per episode forward and again backward, the state passed between chunks"
        + " (exact BPTT); expect ~20x the fused kernel's time per episode, more on a busy machine (engine README)",
        k, task.motorDelay(), (task.steps() + k - 1) / k);
  }

  /** {@code behaviour.json} and its figures: the held-out flies' walking beside real flies'. */
  private static void writeBehaviour(RunFolder folder, NavigationTask task, Evaluation before, Evaluation blankBefore,
      Evaluation after, Evaluation blankAfter, double encounterThreshold) {
    double radius = task.successRadius().si();
    Map<String, List<BehaviourMeasure>> phases = new LinkedHashMap<>();
    phases.put("before training", WalkingBehaviour.of(before.trajectory(),
        blankBefore == null ? null : blankBefore.trajectory(), radius, encounterThreshold));
    phases.put("after training", WalkingBehaviour.of(after.trajectory(),
        blankAfter == null ? null : blankAfter.trajectory(), radius, encounterThreshold));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("encounterThreshold", encounterThreshold);
    json.put("before", phases.get("before training"));
    json.put("after", phases.get("after training"));
    CheckpointStore.writeJson(folder.file(RunFolder.BEHAVIOUR), json);
    BehaviourPlots.groundSpeed(WalkingBehaviour.groundSpeeds(before.trajectory()),
        WalkingBehaviour.groundSpeeds(after.trajectory()), task.maxSpeed().si(), folder.file(RunFolder.BEHAVIOUR_SPEED));
    BehaviourPlots.contrasts(phases, folder.file(RunFolder.BEHAVIOUR_CONTRASTS));
  }

  /** {@code run.json}: what the model does not say about this run. */
  private static void writeRunSettings(RunFolder folder, ExecutionEngine engine, TrainOptions options, CircuitSpec spec) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("engine", engine.name().toLowerCase(Locale.ROOT));
    run.put("episodes", options.episodesFor(spec));
    run.put("threads", options.threads());
    run.put("heldOutStarts", options.heldOut());
    if (options.resumeFrom() != null) {
      run.put("resumedFrom", options.resumeFrom().toString());
    }
    try {
      folder.writeText(RunFolder.RUN, CircuitJson.pretty(run));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeSummary(RunFolder folder, CircuitSpec spec, TrainingResult r, Evaluation before,
      Evaluation after, Map<String, Double> calibration) {
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
      folder.writeText(RunFolder.SUMMARY_JSON, CircuitJson.pretty(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder txt = new StringBuilder();
    s.forEach((k, v) -> txt.append(String.format(Locale.ROOT, "%-26s %s%n", k, v)));
    folder.writeText(RunFolder.SUMMARY_TXT, txt.toString());
  }
}
