package org.neuromechfly.dmn.engine.neuron;

import org.neuromechfly.dmn.model.RefractoryMode;

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

  /**
   * Masks one step of {@link LifStep#forwardCells} for the same cells. A cell with steps left is
   * refractory this step: {@link RefractoryMode#CLAMP} holds it at the reset value, as
   * {@link #forward}; {@link RefractoryMode#FREEZE} keeps the membrane it had before the step
   * ({@code before}) and drops the input that reaches it ({@link LifStep#CLEAR} for the next step:
   * the synaptic input of Brian2's refractory steps is lost, measured against Brian2 2.5 with
   * Shiu et al.'s equations, {@code method='linear'}). A crossing starts a period of
   * {@code period[cell]} steps ({@code steps} when {@code period} is null); under FREEZE it also
   * clears the synaptic current with the next step's input ({@link LifStep#CLEAR}), as Brian2's
   * reset {@code g = 0} after that step's synaptic events.
   * State arrays are indexed {@code offset + cell}, as in {@link LifStep#forwardCells}.
   *
   * @param rule how each cell's synaptic current advances next step, updated (FREEZE only; may be
   *     null under CLAMP)
   */
  public static void forwardCells(LifCells c, RefractoryMode mode, int offset, int[] cells, int count, int steps,
      int[] period, int[] left, byte[] rule, double[] before, double[] v, double[] out, double[] u) {
    double to = c.resetValue;
    boolean freeze = mode == RefractoryMode.FREEZE;
    for (int i = 0; i < count; i++) {
      int n = cells[i];
      int k = offset + n;
      if (left[k] > 0) {
        left[k]--;
        out[k] = 0;
        if (freeze) {
          v[k] = before[k];
          u[k] = before[k];
          rule[k] = LifStep.CLEAR;
        } else {
          v[k] = to;
          u[k] = to;
        }
      } else {
        if (freeze) {
          rule[k] = LifStep.DECAY;
        }
        if (!c.graded && v[k] > c.theta[n]) {
          left[k] = period == null ? steps : period[k];
          if (freeze) {
            rule[k] = LifStep.CLEAR;
          }
        }
      }
    }
  }
}
