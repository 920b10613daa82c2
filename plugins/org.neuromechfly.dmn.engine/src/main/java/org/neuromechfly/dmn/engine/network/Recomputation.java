package org.neuromechfly.dmn.engine.network;

/**
 * How the fused kernel keeps what its backward pass reads: the whole episode's record, or checkpoints
 * every {@code segmentSteps} steps from which the backward pass re-runs each segment (gradient
 * checkpointing). Results are the same bits either way; only memory and time differ, which is why this
 * is an engine option and never a setting of the language. By default the choice is
 * {@link org.neuromechfly.dmn.model.TrainingFootprint}'s: the whole record while it fits its budget,
 * else segments of about √(2·T) steps.
 *
 * @param segmentSteps {@code -1}: let the footprint choose; 0: keep the whole record; S ≥ 1: recompute
 *     segments of S steps (S as long as the episode or longer keeps the whole record)
 */
public record Recomputation(int segmentSteps) {

  public Recomputation {
    if (segmentSteps < -1) {
      throw new IllegalArgumentException("segment length must be >= 1 (or 0 for the whole record), not " + segmentSteps);
    }
  }

  /** The footprint's choice (the default). */
  public static Recomputation chosen() {
    return new Recomputation(-1);
  }

  /** The whole record, no recomputation. */
  public static Recomputation none() {
    return new Recomputation(0);
  }

  /** Checkpoints every {@code steps} steps, segments recomputed backward. */
  public static Recomputation segments(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("a recomputed segment has at least 1 step, not " + steps);
    }
    return new Recomputation(steps);
  }

  public boolean isChosen() {
    return segmentSteps < 0;
  }
}
