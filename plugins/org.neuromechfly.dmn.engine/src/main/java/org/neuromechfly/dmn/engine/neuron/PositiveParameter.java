package org.neuromechfly.dmn.engine.neuron;

/**
 * Keeps a learned quantity above a floor: value = floor + softplus(raw). Training moves {@code raw}
 * freely while the quantity (a time constant) can never reach the floor, let alone turn negative.
 */
public final class PositiveParameter {
  private PositiveParameter() {}

  /** floor + log(1 + e^raw), computed without overflow. */
  public static double value(double raw, double floor) {
    return floor + softplus(raw);
  }

  /** d value / d raw = σ(raw). */
  public static double derivative(double raw) {
    return 1.0 / (1.0 + Math.exp(-raw));
  }

  /** The raw value that gives {@code value}; {@code value} must exceed {@code floor}. */
  public static double raw(double value, double floor) {
    double y = value - floor;
    if (!(y > 0)) {
      throw new IllegalArgumentException("value " + value + " must exceed the floor " + floor);
    }
    // inverse softplus: log(e^y − 1), rewritten to stay finite for large y
    return y > 30 ? y : Math.log(Math.expm1(y));
  }

  static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }
}
