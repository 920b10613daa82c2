package org.neuromechfly.dmn.model;

import java.util.Objects;

/**
 * A learning-rate schedule.
 *
 * @param kind shape of the schedule
 * @param warmup episodes of linear warm-up before it
 * @param stepEvery episodes between decays ({@link ScheduleKind#STEP})
 * @param gamma decay factor per step or per episode ({@link ScheduleKind#STEP}, {@link
 *     ScheduleKind#EXPONENTIAL})
 */
public record Schedule(ScheduleKind kind, int warmup, int stepEvery, double gamma) {
  public Schedule {
    Objects.requireNonNull(kind, "kind");
  }

  public static Schedule constant() {
    return new Schedule(ScheduleKind.CONSTANT, 0, 0, 1.0);
  }
}
