package org.neuromechfly.dmn.engine.parameter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named block of trainable (or frozen) numbers with its gradient accumulator. Values are stored in
 * the parametrisation the optimiser sees (raw, unconstrained); the owners map them to physical values.
 */
public final class Parameter {
  private final String name;
  private final double[] value;
  private final double[] gradient;
  private final boolean learnable;

  public Parameter(String name, double[] initial, boolean learnable) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = initial.clone();
    this.gradient = new double[initial.length];
    this.learnable = learnable;
  }

  public String name() {
    return name;
  }

  /** The live raw values (mutated by the optimiser). */
  public double[] value() {
    return value;
  }

  /** The live gradient accumulator, d loss / d raw value. */
  public double[] gradient() {
    return gradient;
  }

  public boolean learnable() {
    return learnable;
  }

  public int size() {
    return value.length;
  }

  public void zeroGradient() {
    Arrays.fill(gradient, 0.0);
  }

  @Override
  public String toString() {
    return "Parameter[" + name + ", " + value.length + (learnable ? ", learnable]" : ", frozen]");
  }
}
