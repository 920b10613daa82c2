package org.neuromechfly.dmn.engine.neuron;

/**
 * The refractory period as a mask over an ordinary {@link LifStep} (the shape of Norse's
 * {@code lif_refrac}): after the step, a cell still refractory is clamped — membrane held at the reset
 * value, no output — and a cell whose membrane crossed threshold starts a new period. The clamp is a
 * constant for the gradient, so backward the mask zeroes the gradients that reach a clamped cell
 * before the ordinary reverse step runs. The trigger is the threshold crossing itself, so that a
 * network with smooth (surrogate) outputs, used for finite-difference checks, refracts exactly where
 * the spiking one does.
 */
public final class Refractoriness {
  private Refractoriness() {}

  /**
   * Masks one forward step.
   *
   * @param steps refractory period in steps
   * @param left steps of refractoriness left per cell, updated
   * @param clamped receives 1 where a cell was clamped, at {@code clamped[base + k]}
   */
  public static void forward(LifCells c, int steps, int[] left, byte[] clamped, int base,
      double[] v, double[] out, double[] u, int size) {
    int cells = c.cells;
    double to = c.resetValue;
    double[] theta = c.theta;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        int k = o + n;
        if (left[k] > 0) {
          left[k]--;
          clamped[base + k] = 1;
          v[k] = to;
          out[k] = 0;
          u[k] = to;
        } else {
          clamped[base + k] = 0;
          if (!c.graded && v[k] > theta[n]) {
            left[k] = steps;
          }
        }
      }
    }
  }

  /**
   * Masks one reverse step: a clamped cell passes no gradient to its membrane, threshold, decay,
   * bias or drive. Call before {@link LifStep#backward} of the same step.
   */
  public static void backward(byte[] clamped, int base, double[] gradOutput, double[] carry, int size) {
    for (int k = 0; k < size; k++) {
      if (clamped[base + k] != 0) {
        gradOutput[k] = 0;
        carry[k] = 0;
      }
    }
  }
}
