package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** One weighted component of the training loss. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "term")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LossTerm.Navigation.class, name = "navigation"),
  @JsonSubTypes.Type(value = LossTerm.Energy.class, name = "energy"),
  @JsonSubTypes.Type(value = LossTerm.Sparsity.class, name = "sparsity"),
  @JsonSubTypes.Type(value = LossTerm.Activity.class, name = "activity")
})
public sealed interface LossTerm {
  double weight();

  /** Distance to the goal over the episode, with a bonus inside the goal radius. */
  record Navigation(double weight, Quantity goalRadius) implements LossTerm {
    public Navigation {
      Objects.requireNonNull(goalRadius, "goalRadius");
    }
  }

  /** Movement cost ∝ velocity². */
  record Energy(double weight) implements LossTerm {}

  /** Fraction of active cells of a population against a target fraction (KC sparse coding). */
  record Sparsity(double weight, String population, Quantity target) implements LossTerm {
    public Sparsity {
      Objects.requireNonNull(population, "population");
      Objects.requireNonNull(target, "target");
    }
  }

  /** L1 on spikes plus penalties for firing rates outside a band. */
  record Activity(double weight, Quantity low, Quantity high) implements LossTerm {
    public Activity {
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }
  }
}
