package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The task the circuit is trained on. New worlds add a record here and an environment in the engine. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "task")
@JsonSubTypes({@JsonSubTypes.Type(value = NavigationTask.class, name = "navigation"),
    @JsonSubTypes.Type(value = StimulusExperiment.class, name = "experiment")})
public sealed interface TaskSpec permits NavigationTask, StimulusExperiment {
  /** Simulation steps per episode. */
  int steps();

  /** Simulation time step. */
  Quantity dt();
}
