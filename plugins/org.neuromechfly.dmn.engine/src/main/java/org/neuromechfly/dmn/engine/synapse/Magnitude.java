package org.neuromechfly.dmn.engine.synapse;

import org.neuromechfly.dmn.engine.neuron.PositiveParameter;

/**
 * How a raw trainable number becomes a non-negative weight magnitude. The effective weight is
 * {@code sign × magnitude(raw)}, so no update can flip a projection's sign (Dale's law).
 */
public enum Magnitude {
  /** |raw|: gradients of equal size for small and large weights. */
  ABS,
  /** softplus(raw): smooth, never exactly zero. */
  SOFTPLUS;

  public double value(double raw) {
    return this == ABS ? Math.abs(raw) : PositiveParameter.value(raw, 0);
  }

  public double derivative(double raw) {
    return this == ABS ? (raw >= 0 ? 1 : -1) : PositiveParameter.derivative(raw);
  }

  /** A raw value with the given magnitude (≥ 0). */
  public double raw(double magnitude) {
    return this == ABS ? magnitude : PositiveParameter.raw(Math.max(magnitude, 1e-6), 0);
  }
}
