package org.neuromechfly.dmn.model;

/** Learning-rate schedules over episodes. */
public enum ScheduleKind {
  CONSTANT,
  STEP,
  COSINE,
  EXPONENTIAL
}
