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
    double surrogateSlope) {

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
}
