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
