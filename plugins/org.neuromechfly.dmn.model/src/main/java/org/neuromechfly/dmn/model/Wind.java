package org.neuromechfly.dmn.model;

import java.util.Objects;

/**
 * A steady wind over the arena.
 *
 * @param speed wind speed
 * @param from the direction the wind comes from (the upwind direction), counter-clockwise from +x
 */
public record Wind(Quantity speed, Quantity from) {
  public Wind {
    Objects.requireNonNull(speed, "speed");
    Objects.requireNonNull(from, "from");
  }
}
