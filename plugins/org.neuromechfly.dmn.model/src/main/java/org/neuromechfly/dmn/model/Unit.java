package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Units a {@code .circuit} quantity may carry, each with its dimension and its factor to SI. Units are
 * data, not grammar keywords, so names such as {@code s} or {@code m} stay usable as identifiers.
 */
public enum Unit {
  SECOND("s", Dimension.TIME, 1.0, "sec"),
  MILLISECOND("ms", Dimension.TIME, 1e-3, "msec"),
  MICROSECOND("us", Dimension.TIME, 1e-6, "µs"),
  METRE("m", Dimension.LENGTH, 1.0),
  CENTIMETRE("cm", Dimension.LENGTH, 1e-2),
  MILLIMETRE("mm", Dimension.LENGTH, 1e-3),
  MICROMETRE("um", Dimension.LENGTH, 1e-6, "µm"),
  HERTZ("Hz", Dimension.FREQUENCY, 1.0, "hz"),
  KILOHERTZ("kHz", Dimension.FREQUENCY, 1e3, "khz"),
  METRE_PER_SECOND("m/s", Dimension.SPEED, 1.0),
  MILLIMETRE_PER_SECOND("mm/s", Dimension.SPEED, 1e-3),
  DEGREE("deg", Dimension.ANGLE, Math.PI / 180.0, "°"),
  RADIAN("rad", Dimension.ANGLE, 1.0),
  DEGREE_PER_SECOND("deg/s", Dimension.ANGULAR_SPEED, Math.PI / 180.0),
  RADIAN_PER_SECOND("rad/s", Dimension.ANGULAR_SPEED, 1.0),
  SQUARE_MILLIMETRE_PER_SECOND("mm2/s", Dimension.DIFFUSIVITY, 1e-6),
  SQUARE_CENTIMETRE_PER_SECOND("cm2/s", Dimension.DIFFUSIVITY, 1e-4),
  SQUARE_METRE_PER_SECOND("m2/s", Dimension.DIFFUSIVITY, 1.0),
  VOLT("V", Dimension.VOLTAGE, 1.0),
  MILLIVOLT("mV", Dimension.VOLTAGE, 1e-3, "mv"),
  PERCENT("%", Dimension.RATIO, 1e-2),
  FRACTION("fraction", Dimension.RATIO, 1.0);

  private final String symbol;
  private final Dimension dimension;
  private final double toSi;
  private final List<String> aliases;

  Unit(String symbol, Dimension dimension, double toSi, String... aliases) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.toSi = toSi;
    this.aliases = List.of(aliases);
  }

  @JsonValue
  public String symbol() {
    return symbol;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** Multiply a value in this unit by this factor to get SI. */
  public double toSi() {
    return toSi;
  }

  @JsonCreator
  static Unit fromJson(String symbol) {
    return bySymbol(symbol).orElseThrow(() -> new IllegalArgumentException("unknown unit " + symbol));
  }

  /** Finds a unit by its symbol or an alias, exactly as written. */
  public static Optional<Unit> bySymbol(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(u -> u.symbol.equals(text) || u.aliases.contains(text))
        .findFirst();
  }

  /** Symbols of every unit of a dimension, for messages and content assist. */
  public static List<String> symbolsOf(Dimension dimension) {
    return Arrays.stream(values()).filter(u -> u.dimension == dimension).map(Unit::symbol).toList();
  }
}
