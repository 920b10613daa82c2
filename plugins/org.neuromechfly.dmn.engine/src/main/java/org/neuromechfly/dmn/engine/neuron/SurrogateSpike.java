package org.neuromechfly.dmn.engine.neuron;

import java.util.Objects;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * The spike nonlinearity of a LIF cell: a Heaviside step forward, the derivative of a smooth surrogate
 * backward. Each surrogate is defined by a smooth function {@link #smooth(double)} with value 1/2 at the
 * threshold; {@link #derivative(double)} is its exact derivative, so the pair can be checked by finite
 * differences and a test-only "smooth" network can replace the step by {@link #smooth(double)}.
 *
 * <p>Conventions (x = v − θ, β = slope):
 *
 * <ul>
 *   <li>SIGMOID: f = σ(βx), f′ = β σ(βx)(1 − σ(βx)).
 *   <li>FAST_SIGMOID (SuperSpike): f = ½ + x / (1 + β|x|), f′ = 1 / (1 + β|x|)².
 *   <li>ARCTAN: f = ½ + atan(πβx/2)/π, f′ = (β/2) / (1 + (πβx/2)²).
 * </ul>
 *
 * @param kind surrogate shape
 * @param slope steepness β, &gt; 0
 */
public record SurrogateSpike(SurrogateKind kind, double slope) {

  public SurrogateSpike {
    Objects.requireNonNull(kind, "kind");
    if (!(slope > 0) || Double.isInfinite(slope)) {
      throw new IllegalArgumentException("surrogate slope must be positive and finite: " + slope);
    }
  }

  /** The forward spike: 1 when the membrane is above threshold, else 0. */
  public static double step(double x) {
    return x > 0 ? 1.0 : 0.0;
  }

  /** The smooth function whose derivative is the surrogate gradient. */
  public double smooth(double x) {
    return switch (kind) {
      case SIGMOID -> 1.0 / (1.0 + Math.exp(-slope * x));
      case FAST_SIGMOID -> 0.5 + x / (1.0 + slope * Math.abs(x));
      case ARCTAN -> 0.5 + Math.atan(Math.PI * slope * x / 2.0) / Math.PI;
    };
  }

  /** d smooth / dx: what backpropagation uses in place of the step's derivative. */
  public double derivative(double x) {
    return switch (kind) {
      case SIGMOID -> {
        double s = 1.0 / (1.0 + Math.exp(-slope * x));
        yield slope * s * (1.0 - s);
      }
      case FAST_SIGMOID -> {
        double d = 1.0 + slope * Math.abs(x);
        yield 1.0 / (d * d);
      }
      case ARCTAN -> {
        double z = Math.PI * slope * x / 2.0;
        yield (slope / 2.0) / (1.0 + z * z);
      }
    };
  }

  /**
   * {@code out[n] = derivative(v[n] − θ[n])} for one row of {@code cells} cells; the shape switch is
   * outside the loop, and the fast sigmoid's loop vectorises (see {@link CellRows}).
   */
  public void derivatives(double[] v, double[] theta, double[] out, int cells) {
    switch (kind) {
      case FAST_SIGMOID -> {
        for (int n = 0; n < cells; n++) {
          double d = 1.0 + slope * Math.abs(v[n] - theta[n]);
          out[n] = 1.0 / (d * d);
        }
      }
      default -> {
        for (int n = 0; n < cells; n++) {
          out[n] = derivative(v[n] - theta[n]);
        }
      }
    }
  }
}
