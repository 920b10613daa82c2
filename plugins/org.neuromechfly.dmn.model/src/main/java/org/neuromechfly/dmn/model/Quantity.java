package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A number with a unit, as written in the model; {@link #si()} gives the value in SI. Keeping the
 * written unit lets generators and diffs speak the modeller's language ("20 ms", not "0.02").
 */
@JsonIgnoreProperties(value = "si", allowGetters = true)
public record Quantity(double value, Unit unit) {

  public Quantity {
    Objects.requireNonNull(unit, "unit");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("quantity value must be finite: " + value);
    }
  }

  public static Quantity of(double value, Unit unit) {
    return new Quantity(value, unit);
  }

  /**
   * A quantity as people type it on a command line: a number and a unit symbol, with or without a space
   * ({@code 1 ms}, {@code 0.1ms}, {@code 1e-4 s}).
   *
   * @throws IllegalArgumentException naming what is wrong, for text that is not a number with a known unit
   */
  public static Quantity parse(String text) {
    String t = text == null ? "" : text.strip();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)").matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + t + "' is not a number with a unit, e.g. '1 ms'");
    }
    double value = Double.parseDouble(m.group(1));
    if (m.group(2).isEmpty()) {
      throw new IllegalArgumentException("'" + t + "' has no unit; write it with one, e.g. '" + m.group(1) + " ms'");
    }
    Unit unit = Unit.bySymbol(m.group(2)).orElseThrow(() -> new IllegalArgumentException(
        "'" + m.group(2) + "' in '" + t + "' is not a unit we know"));
    return new Quantity(value, unit);
  }

  /** The value in SI units (seconds, metres, hertz, radians, volts, fraction). */
  @JsonProperty("si")
  public double si() {
    return value * unit.toSi();
  }

  public Dimension dimension() {
    return unit.dimension();
  }

  /** This quantity expressed in another unit of the same dimension. */
  public double in(Unit other) {
    if (other.dimension() != unit.dimension()) {
      throw new IllegalArgumentException(
          "cannot express " + this + " in " + other.symbol() + ": different dimension");
    }
    return si() / other.toSi();
  }

  @Override
  public String toString() {
    return NumberText.format(value) + (unit == Unit.PERCENT ? " %" : " " + unit.symbol());
  }
}
