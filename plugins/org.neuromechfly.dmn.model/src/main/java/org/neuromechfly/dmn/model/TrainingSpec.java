package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Training settings.
 *
 * @param optimizer update rule
 * @param learningRate base learning rate
 * @param schedule learning-rate schedule
 * @param episodes training episodes (optimizer steps)
 * @param batch episodes simulated in parallel per step
 * @param clip global gradient-norm clip, or 0 for none
 * @param seed seed for connectivity draws, initial weights and start positions
 * @param checkpointEvery episodes between checkpoints
 * @param bpttWindow truncation window in steps, or 0 for full BPTT
 * @param engine execution path
 * @param surrogate surrogate gradient of the spike
 * @param surrogateSlope steepness β of the surrogate
 * @param target hardware the model is trained for, or {@code null} for the engine's float arithmetic
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSpec(
    Optimizer optimizer,
    double learningRate,
    Schedule schedule,
    int episodes,
    int batch,
    double clip,
    long seed,
    int checkpointEvery,
    int bpttWindow,
    ExecutionEngine engine,
    SurrogateKind surrogate,
    double surrogateSlope,
    TrainingTarget target) {

  /** Settings for float training (no hardware target). */
  public TrainingSpec(Optimizer optimizer, double learningRate, Schedule schedule, int episodes, int batch,
      double clip, long seed, int checkpointEvery, int bpttWindow, ExecutionEngine engine, SurrogateKind surrogate,
      double surrogateSlope) {
    this(optimizer, learningRate, schedule, episodes, batch, clip, seed, checkpointEvery, bpttWindow, engine,
        surrogate, surrogateSlope, null);
  }

  public TrainingSpec {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(surrogate, "surrogate");
  }

  public static TrainingSpec defaults() {
    return new TrainingSpec(
        Optimizer.ADAM,
        1e-3,
        Schedule.constant(),
        100,
        16,
        5.0,
        42,
        10,
        0,
        ExecutionEngine.FUSED,
        SurrogateKind.FAST_SIGMOID,
        5.0);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a spec; used by the compiler and by command-line overrides. */
  public static final class Builder {
    private Optimizer optimizer;
    private double learningRate;
    private Schedule schedule;
    private int episodes;
    private int batch;
    private double clip;
    private long seed;
    private int checkpointEvery;
    private int bpttWindow;
    private ExecutionEngine engine;
    private SurrogateKind surrogate;
    private double surrogateSlope;
    private TrainingTarget target;

    private Builder(TrainingSpec t) {
      optimizer = t.optimizer;
      learningRate = t.learningRate;
      schedule = t.schedule;
      episodes = t.episodes;
      batch = t.batch;
      clip = t.clip;
      seed = t.seed;
      checkpointEvery = t.checkpointEvery;
      bpttWindow = t.bpttWindow;
      engine = t.engine;
      surrogate = t.surrogate;
      surrogateSlope = t.surrogateSlope;
      target = t.target;
    }

    public Builder optimizer(Optimizer value) {
      optimizer = value;
      return this;
    }

    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    public Builder schedule(Schedule value) {
      schedule = value;
      return this;
    }

    public Builder episodes(int value) {
      episodes = value;
      return this;
    }

    public Builder batch(int value) {
      batch = value;
      return this;
    }

    public Builder clip(double value) {
      clip = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder checkpointEvery(int value) {
      checkpointEvery = value;
      return this;
    }

    public Builder bpttWindow(int value) {
      bpttWindow = value;
      return this;
    }

    public Builder engine(ExecutionEngine value) {
      engine = value;
      return this;
    }

    public Builder surrogate(SurrogateKind kind, double slope) {
      surrogate = kind;
      surrogateSlope = slope;
      return this;
    }

    /** The hardware trained for, or {@code null} for float training. */
    public Builder target(TrainingTarget value) {
      target = value;
      return this;
    }

    public TrainingSpec build() {
      return new TrainingSpec(optimizer, learningRate, schedule, episodes, batch, clip, seed, checkpointEvery,
          bpttWindow, engine, surrogate, surrogateSlope, target);
    }
  }
}
