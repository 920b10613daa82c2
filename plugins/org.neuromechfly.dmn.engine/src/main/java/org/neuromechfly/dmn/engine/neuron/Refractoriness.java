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

  /** Bit of a step's record byte: the cell was clamped (refractory) in that step. */
  public static final byte CLAMPED = 1;
  /** Bit of a step's record byte: the cell's synaptic current was cleared, its input dropped (freeze). */
  public static final byte CLEARED = 2;
  /**
   * {@code left} of a cell whose frozen period ended in the step before: not refractory, but the
   * input of this step is still dropped, as in {@link #forwardCells} (Brian2's last refractory step).
   */
  static final int ENDED = -1;

  /**
   * Before one forward step of frozen refractory periods ({@link RefractoryMode#FREEZE}): a cell that
   * crossed threshold in the last step, is refractory, or ended its period in the last step loses the
   * input of this step and its synaptic current (Brian2's reset {@code g = 0} and its refractory steps;
   * see {@link #forwardCells}). {@link #forward} records it.
   */
  public static void dropInput(int[] left, double[] input, double[] synaptic, int size) {
    for (int k = 0; k < size; k++) {
      if (left[k] != 0) {
        input[k] = 0;
        synaptic[k] = 0;
      }
    }
  }

  /**
   * Masks one forward step.
   *
   * @param steps refractory period in steps
   * @param freeze whether input is dropped around the period ({@link #dropInput} ran before the step):
   *     the step after a period's last also drops it
   * @param left steps of refractoriness left per cell ({@link #ENDED} after a frozen period), updated
   * @param record receives {@link #CLAMPED} and {@link #CLEARED} bits per cell, at {@code record[base + k]}
   */
  public static void forward(LifCells c, int steps, boolean freeze, int[] left, byte[] record, int base,
      double[] v, double[] out, double[] u, int size) {
    int cells = c.cells;
    double to = c.resetValue;
    double[] theta = c.theta;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        int k = o + n;
        if (left[k] > 0) {
          left[k]--;
          record[base + k] = freeze ? CLAMPED | CLEARED : CLAMPED;
          v[k] = to;
          out[k] = 0;
          u[k] = to;
          if (freeze && left[k] == 0) {
            left[k] = ENDED;
          }
        } else {
          record[base + k] = left[k] == ENDED ? CLEARED : 0;
          left[k] = 0;
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
  public static void backward(byte[] record, int base, double[] gradOutput, double[] carry, int size) {
    for (int k = 0; k < size; k++) {
      if ((record[base + k] & CLAMPED) != 0) {
        gradOutput[k] = 0;
        carry[k] = 0;
      }
    }
  }

  /**
   * Masks one reverse step of the synaptic current: a current cleared in this step is a constant (0),
   * so neither its input nor its value one step earlier gets a gradient through it. Call before
   * {@link LifStep#backwardSynapse} of the same step.
   */
  public static void backwardCleared(byte[] record, int base, double[] gradSynaptic, double[] carry, int size) {
    for (int k = 0; k < size; k++) {
      if ((record[base + k] & CLEARED) != 0) {
        gradSynaptic[k] = 0;
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
