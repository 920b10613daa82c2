package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Initial weight magnitudes of a projection. Magnitudes are drawn non-negative and multiplied by the
 * projection's sign, so a draw never flips Dale's law.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WeightInit.Constant.class, name = "constant"),
  @JsonSubTypes.Type(value = WeightInit.Normal.class, name = "normal"),
  @JsonSubTypes.Type(value = WeightInit.Uniform.class, name = "uniform"),
  @JsonSubTypes.Type(value = WeightInit.Xavier.class, name = "xavier"),
  @JsonSubTypes.Type(value = WeightInit.Kaiming.class, name = "kaiming"),
  @JsonSubTypes.Type(value = WeightInit.SynapseScaled.class, name = "synapses")
})
public sealed interface WeightInit {

  record Constant(double value) implements WeightInit {}

  record Normal(double mean, double std) implements WeightInit {}

  record Uniform(double low, double high) implements WeightInit {}

  /** Glorot uniform over the mask's fan-in and fan-out. */
  record Xavier() implements WeightInit {}

  /** He normal over the mask's fan-in. */
  record Kaiming() implements WeightInit {}

  /**
   * Weight = synapse count × a learnable scale shared per cell-type pair, as in flyvis (Lappalainen et
   * al. 2024).
   */
  record SynapseScaled(double scale) implements WeightInit {}
}
