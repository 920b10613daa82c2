package org.neuromechfly.dmn.engine.train;

import org.neuromechfly.dmn.model.Schedule;

/**
 * The learning rate of an episode: linear warm-up over {@code warmup} episodes, then constant, step
 * decay ({@code gamma} every {@code stepEvery}), cosine to zero over the remaining episodes, or
 * exponential decay ({@code gamma} per episode). A pure function of the episode, so resumed runs see
 * the same rates.
 */
public final class LearningRateSchedule {
  private final Schedule schedule;
  private final double base;
  private final int episodes;

  public LearningRateSchedule(Schedule schedule, double base, int episodes) {
    this.schedule = schedule;
    this.base = base;
    this.episodes = episodes;
  }

  public double at(int episode) {
    int warm = Math.max(0, schedule.warmup());
    if (episode < warm) {
      return base * (episode + 1) / (warm + 1);
    }
    int e = episode - warm;
    return switch (schedule.kind()) {
      case CONSTANT -> base;
      case STEP -> base * Math.pow(schedule.gamma(), schedule.stepEvery() > 0 ? e / schedule.stepEvery() : 0);
      case COSINE -> {
        int span = Math.max(1, episodes - warm);
        yield base * 0.5 * (1 + Math.cos(Math.PI * Math.min(e, span) / span));
      }
      case EXPONENTIAL -> base * Math.pow(schedule.gamma(), e);
    };
  }
}
