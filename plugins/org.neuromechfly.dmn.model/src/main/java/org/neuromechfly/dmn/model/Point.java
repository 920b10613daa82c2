package org.neuromechfly.dmn.model;

import java.util.Objects;

/** A position in the arena, as two lengths. */
public record Point(Quantity x, Quantity y) {
  public Point {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
  }
}
