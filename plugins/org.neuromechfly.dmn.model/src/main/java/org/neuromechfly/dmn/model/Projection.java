package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Synapses from one population to another.
 *
 * @param source presynaptic population name
 * @param target postsynaptic population name
 * @param connectivity which cells connect (fixed mask)
 * @param sign the fixed sign of every weight
 * @param transmitter the transmitter the sign came from, or {@code null} when the sign was stated
 * @param weight initial magnitudes
 * @param learnable whether weight magnitudes learn
 * @param delay synaptic delay, or {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Projection(
    String source,
    String target,
    Connectivity connectivity,
    Sign sign,
    Transmitter transmitter,
    WeightInit weight,
    boolean learnable,
    Quantity delay) {

  public Projection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(connectivity, "connectivity");
    Objects.requireNonNull(sign, "sign");
    Objects.requireNonNull(weight, "weight");
  }

  /** "PN -> KC", the projection's name in messages and diffs. */
  public String label() {
    return source + " -> " + target;
  }

  public boolean recurrent() {
    return source.equals(target);
  }
}
