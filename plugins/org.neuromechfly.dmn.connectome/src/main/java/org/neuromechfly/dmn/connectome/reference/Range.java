package org.neuromechfly.dmn.connectome.reference;

import java.util.Objects;

/**
 * A plausible range of a quantity with a typical value and the citation it comes from.
 *
 * @param low lowest plausible value
 * @param high highest plausible value
 * @param typical a representative value inside the range
 * @param source citation, tagged [data], [lit] or [model] as in the reference file
 */
public record Range(double low, double high, double typical, String source) {

  public Range {
    Objects.requireNonNull(source, "source");
    if (!(low <= typical && typical <= high)) {
      throw new IllegalArgumentException(
          "range needs low <= typical <= high, got " + low + ", " + typical + ", " + high);
    }
  }

  /** Whether {@code value} lies within [low, high]. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  /** The same range with every bound multiplied by {@code factor} (unit conversion). */
  public Range scaled(double factor) {
    return new Range(low * factor, high * factor, typical * factor, source);
  }
}
