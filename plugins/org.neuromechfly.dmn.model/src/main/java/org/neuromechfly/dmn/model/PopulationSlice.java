package org.neuromechfly.dmn.model;

import java.util.Objects;

/** Cells {@code first..last} (inclusive, 0-based) of a population, e.g. {@code DN[0..4]}. */
public record PopulationSlice(String population, int first, int last) {
  public PopulationSlice {
    Objects.requireNonNull(population, "population");
    if (first < 0 || last < first) {
      throw new IllegalArgumentException(
          "invalid slice " + population + "[" + first + ".." + last + "]");
    }
  }

  public int size() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return population + "[" + first + ".." + last + "]";
  }
}
