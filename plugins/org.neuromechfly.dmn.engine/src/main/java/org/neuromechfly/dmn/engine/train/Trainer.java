package org.neuromechfly.dmn.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.network.KernelFactory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.loss.TrajectoryMetrics;
import org.neuromechfly.dmn.engine.synapse.BlasThreads;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.Trajectory;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.TrainingFootprint;
import org.neuromechfly.dmn.model.TrainingSpec;

/**
 * Trains a circuit on its navigation task: per episode a batch of seeded starts runs forward and
 * backward on every shard, gradients are summed in shard order, clipped to a global norm and applied
 * by the configured update rule with the scheduled learning rate. Every {@code checkpointEvery}
 * episodes the held-out starts are evaluated and a checkpoint is written; a non-finite loss or
 * gradient rolls the model back to the last good checkpoint and says so.
 */
public final class Trainer implements AutoCloseable {
  private final CircuitSpec spec;
  private final NavigationTask task;
  private final TrainingSpec training;
  private final TrainOptions options;
  private final int episodes;
  private final TrainingListener listener;
  private final List<Shard> shards = new ArrayList<>();
  private final ExecutorService pool;
  private final UpdateRule rule;
  private final LearningRateSchedule schedule;
  private final CheckpointStore store;
  private final StartPositions heldOut;
  /** Held-out blank trials (clean air) when the task has blank trials, else {@code null}. */
  private final StartPositions heldOutBlank;
  private TrainingState state = new TrainingState();
  private TrainingState lastGood;
  private Map<String, Double> calibration = Map.of();

  /**
   * @param spec the circuit (must declare a navigation task)
   * @param wiring one edge set per projection of {@code spec}, in projection order
   * @param options the run's choices (episodes, threads, held-out starts, world, numerics, calibration)
   * @param kernels the execution path (see {@code Engines})
   * @param store where checkpoints go, or {@code null} to keep everything in memory
   * @param listener progress events
   */
  public Trainer(CircuitSpec spec, List<EdgeArrays> wiring, TrainOptions options, KernelFactory kernels,
      CheckpointStore store, TrainingListener listener) {
    this.spec = spec;
    this.task = (NavigationTask) spec.task();
    this.training = spec.training();
    this.options = options;
    this.episodes = options.episodesFor(spec);
    this.listener = listener;
    int batch = Math.max(1, training.batch());
    // a fixed number of shards, whatever the threads: the shard sums, and so the run, do not depend on
    // how many cores run them
    int shardCount = TrainOptions.shardsFor(batch);
    NetworkOptions numerics = EpisodeMemory.decide(spec, options.network() != null
        ? options.network()
        : NetworkOptions.training(new SurrogateSpike(training.surrogate(), training.surrogateSlope())), shardCount,
        TrainingFootprint.availableHeap(), options.engineFor(spec) == ExecutionEngine.FUSED ? listener : TrainingListener.NONE);
    for (int s = 0; s < shardCount; s++) {
      int size = TrainOptions.shardSize(batch, shardCount, s);
      shards.add(new Shard(spec, task, wiring, numerics, options.world(), kernels, size, s == 0));
    }
    int threads = Math.min(options.threads(), shardCount);
    BlasThreads.set(1); // the shards are the parallelism: see BlasThreads
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dmn-shard");
      t.setDaemon(true);
      return t;
    });
    this.rule = new UpdateRule(training.optimizer(), master().parameters().learnable());
    this.schedule = new LearningRateSchedule(training.schedule(), training.learningRate(), episodes);
    this.store = store;
    this.heldOut = StartPositions.heldOut(task, options.heldOut(), training.seed());
    int chunk = shards.stream().mapToInt(sh -> sh.batch).sum();
    int blanks = (int) Math.round(options.heldOut() * task.blankTrials() / chunk) * chunk;
    this.heldOutBlank = task.blankTrials() > 0 ? StartPositions.heldOutBlank(task, Math.max(chunk, blanks), training.seed())
        : null;
    Map<String, Double> targets = options.rateTargetsFor(spec);
    if (!targets.isEmpty()) {
      calibration = RateCalibration.calibrate(master(), spec, options.world(), targets, training.seed());
      listener.message("rate calibration: " + RateCalibration.describe(calibration));
      RateCalibration.missed(calibration, targets).forEach(m -> listener.message("rate calibration missed: " + m));
      synchronise();
    }
  }

  /** What the initial rate calibration set and reached (empty without one). */
  public Map<String, Double> calibration() {
    return calibration;
  }

  /** The network whose parameters are trained (shard 0). */
  public Network master() {
    return shards.get(0).network;
  }

  /** Copies the master's parameters to every shard (after changing them outside the trainer). */
  public void resynchronise() {
    synchronise();
  }

  /** Continues from a checkpoint's state (parameters, optimiser, history, episode). */
  public void resume(TrainingState from) {
    master().parameters().restore(from.parameters);
    rule.restore(from.optimizerStep, from.firstMoments, from.secondMoments);
    state = from;
    synchronise();
  }

  /** Trains up to the configured episode count; returns the final state. */
  public TrainingState train() {
    listener.started(state.nextEpisode, episodes, master().parameters().learnableCount());
    lastGood = snapshot();
    int every = Math.max(1, training.checkpointEvery());
    while (state.nextEpisode < episodes) {
      int e = state.nextEpisode;
      EpisodeReport report = episode(e);
      state.nextEpisode = e + 1;
      if (report == null) {
        continue;
      }
      state.history.add(report);
      listener.episode(report);
      if (state.nextEpisode % every == 0 || state.nextEpisode == episodes) {
        checkpoint();
      }
    }
    return state;
  }

  private EpisodeReport episode(int e) {
    long start = System.nanoTime();
    double lr = schedule.at(e);
    StartPositions starts = curriculum(StartPositions.forEpisode(task, totalBatch(), training.seed(), e), e);
    Map<String, Double> losses = runAll(starts, training.seed() * 31 + e, true);
    double loss = losses.values().stream().mapToDouble(Double::doubleValue).sum();
    sumGradients();
    double norm = master().parameters().gradientNorm();
    if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
      rollBack(e, loss, norm);
      return null;
    }
    if (training.clip() > 0 && norm > training.clip()) {
      double scale = training.clip() / norm;
      for (Parameter p : master().parameters().learnable()) {
        double[] g = p.gradient();
        for (int i = 0; i < g.length; i++) {
          g[i] *= scale;
        }
      }
    }
    rule.apply(master().parameters().learnable(), lr);
    synchronise();
    Map<String, Double> measures = new LinkedHashMap<>();
    for (Shard s : shards) {
      s.activity.measured().forEach((k, v) -> measures.merge(k, v * s.batch / totalBatch(), Double::sum));
    }
    measures.put("success", batchSuccess());
    return new EpisodeReport(e, lr, loss, losses, norm, (System.nanoTime() - start) / 1e9, measures);
  }

  private Map<String, Double> runAll(StartPositions starts, long noiseSeed, boolean learn) {
    List<Callable<Map<String, Double>>> jobs = new ArrayList<>();
    int from = 0;
    for (Shard s : shards) {
      StartPositions part = starts.slice(from, from + s.batch);
      long seed = TrainOptions.shardNoiseSeed(noiseSeed, from);
      from += s.batch;
      jobs.add(() -> s.run(part, seed, learn));
    }
    Map<String, Double> total = new LinkedHashMap<>();
    try {
      List<Future<Map<String, Double>>> results = pool.invokeAll(jobs);
      for (int i = 0; i < shards.size(); i++) {
        double share = (double) shards.get(i).batch / starts.size();
        results.get(i).get().forEach((k, v) -> total.merge(k, share * v, Double::sum));
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", ex);
    } catch (ExecutionException ex) {
      throw new IllegalStateException("episode failed: " + ex.getCause().getMessage(), ex.getCause());
    }
    return total;
  }

  /** Master gradient = batch-weighted sum of shard gradients (each shard's loss is a batch mean). */
  private void sumGradients() {
    List<Parameter> master = master().parameters().all();
    double share0 = (double) shards.get(0).batch / totalBatch();
    for (Parameter p : master) {
      double[] g = p.gradient();
      for (int i = 0; i < g.length; i++) {
        g[i] *= share0;
      }
    }
    for (int s = 1; s < shards.size(); s++) {
      List<Parameter> other = shards.get(s).network.parameters().all();
      double share = (double) shards.get(s).batch / totalBatch();
      for (int k = 0; k < master.size(); k++) {
        double[] g = master.get(k).gradient();
        double[] o = other.get(k).gradient();
        for (int i = 0; i < g.length; i++) {
          g[i] += share * o[i];
        }
      }
    }
  }

  private void synchronise() {
    Map<String, double[]> values = master().parameters().snapshot();
    for (Shard s : shards) {
      if (s != shards.get(0)) {
        s.network.parameters().restore(values);
      }
      s.network.prepare();
    }
  }

  private void rollBack(int e, double loss, double norm) {
    resume(copyOf(lastGood));
    state.nextEpisode = e + 1;
    listener.message(String.format(
        "episode %d: loss %s, gradient norm %s - rolled back to the checkpoint of episode %d and skipped it",
        e, loss, norm, lastGood.nextEpisode));
  }

  private void checkpoint() {
    Evaluation ev = evaluate(heldOut);
    listener.evaluated(state.nextEpisode - 1, ev.metrics().success(), ev.metrics().closestApproach());
    boolean best = ev.metrics().success() > state.bestSuccess;
    if (best) {
      state.bestSuccess = ev.metrics().success();
      state.bestEpisode = state.nextEpisode - 1;
    }
    lastGood = snapshot();
    if (store != null) {
      // best.json before checkpoint.json: a run killed between the two writes resumes from the previous
      // checkpoint and writes the same best.json again; the other order would lose best.json for good
      if (best) {
        store.writeBest(lastGood.parameters);
      }
      listener.checkpoint(state.nextEpisode - 1, store.write(lastGood));
    }
  }

  private TrainingState snapshot() {
    TrainingState s = new TrainingState();
    s.nextEpisode = state.nextEpisode;
    s.optimizerStep = rule.step();
    s.parameters = master().parameters().snapshot();
    rule.firstMoments().forEach((k, v) -> s.firstMoments.put(k, v.clone()));
    rule.secondMoments().forEach((k, v) -> s.secondMoments.put(k, v.clone()));
    s.history = new ArrayList<>(state.history);
    s.bestSuccess = state.bestSuccess;
    s.bestEpisode = state.bestEpisode;
    return s;
  }

  private static TrainingState copyOf(TrainingState s) {
    TrainingState c = new TrainingState();
    c.nextEpisode = s.nextEpisode;
    c.optimizerStep = s.optimizerStep;
    s.parameters.forEach((k, v) -> c.parameters.put(k, v.clone()));
    s.firstMoments.forEach((k, v) -> c.firstMoments.put(k, v.clone()));
    s.secondMoments.forEach((k, v) -> c.secondMoments.put(k, v.clone()));
    c.history = new ArrayList<>(s.history);
    c.bestSuccess = s.bestSuccess;
    c.bestEpisode = s.bestEpisode;
    return c;
  }

  /** Forward-only runs over {@code starts} in batch-sized chunks; metrics over all of them. */
  public Evaluation evaluate(StartPositions starts) {
    List<Trajectory> parts = new ArrayList<>();
    Map<String, Double> measures = new LinkedHashMap<>();
    int chunk = totalBatch();
    int chunks = 0;
    for (int from = 0; from + chunk <= starts.size(); from += chunk) {
      runAll(starts.slice(from, from + chunk), training.seed() ^ 0xE7A1L, false);
      for (Shard s : shards) {
        parts.add(s.world.trajectory());
        s.activity.measured().forEach((k, v) -> measures.merge(k, v * s.batch / chunk, Double::sum));
      }
      chunks++;
    }
    if (chunks == 0) {
      throw new IllegalArgumentException(
          "held-out set of " + starts.size() + " starts is smaller than the batch " + chunk);
    }
    final int n = chunks;
    measures.replaceAll((k, v) -> v / n);
    Trajectory all = Evaluation.concat(parts);
    return new Evaluation(all, TrajectoryMetrics.of(all, task.successRadius().si()), measures);
  }

  /**
   * The outputs of the first fly of the last forward pass (for rasters): recorded as the episode runs,
   * since a kernel that recomputes segments keeps no record of the whole episode.
   */
  public org.neuromechfly.dmn.engine.network.NetworkActivity lastActivity() {
    return shards.get(0).recorder.activity();
  }

  /** The plume as the last evaluated flies met it, {@code [ny][nx]} over the arena (for pictures). */
  public double[][] plumePicture(int nx, int ny) {
    return shards.get(0).world.plumePicture(nx, ny);
  }

  public StartPositions heldOutStarts() {
    return heldOut;
  }

  /** Held-out blank trials (clean air), or {@code null} when the task has none. */
  public StartPositions heldOutBlankStarts() {
    return heldOutBlank;
  }

  public TrainingState state() {
    return state;
  }

  /** Success of the episode's flies with odour (blank trials have no source to reach). */
  private double batchSuccess() {
    List<Trajectory> parts = new ArrayList<>();
    for (Shard s : shards) {
      parts.add(s.world.trajectory());
    }
    return TrajectoryMetrics.of(Evaluation.concat(parts), task.successRadius().si()).success();
  }

  private StartPositions curriculum(StartPositions starts, int e) {
    if (options.curriculumEpisodes() <= 0 || e >= options.curriculumEpisodes()) {
      return starts;
    }
    double f = 0.5 + 0.5 * e / options.curriculumEpisodes();
    double sx = task.source().x().si();
    double sy = task.source().y().si();
    double[] x = starts.x().clone();
    double[] y = starts.y().clone();
    for (int b = 0; b < x.length; b++) {
      x[b] = sx + (x[b] - sx) * f;
      y[b] = sy + (y[b] - sy) * f;
    }
    return new StartPositions(x, y, starts.heading(), starts.blank());
  }

  private int totalBatch() {
    return shards.stream().mapToInt(s -> s.batch).sum();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
