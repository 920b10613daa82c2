package org.neuromechfly.dmn.engine.neuron;

import org.neuromechfly.dmn.model.ResetMode;

/**
 * One time step of a population of leaky integrate-and-fire cells, forward and backward, as pure
 * functions over {@code [B][N]} rows (B batch elements of N cells, flattened):
 *
 * <pre>
 *   syn[t]  = α · syn[t−1] + I[t]                       (only with a synaptic time constant)
 *   v[t]    = β · u[t−1] + (1 − β) · (syn[t] or I[t]) + (1 − β) · bias
 *   s[t]    = H(v[t] − θ)            spiking;   s[t] = max(0, v[t])  graded
 *   u[t]    = v[t] − θ·s[t]  (subtract)   or   v[t]·(1 − s[t]) + reset·s[t]  (to value)
 * </pre>
 *
 * The reset stays in the gradient (no detach), so {@link #backward} is the exact derivative of
 * {@link #forward} once the step is replaced by the surrogate. Refractoriness is not part of the step:
 * {@link Refractoriness} masks its result afterwards. This is the fused engine's only implementation
 * of the LIF update; {@link LifPopulation} is the stateful wrapper that records it over an episode.
 *
 * <p><b>Loihi mode</b> (cells with {@link LoihiCells}): the same update as Lava's bit-accurate CUBA
 * neuron computes it on integer voltages {@code V = v·scale}:
 *
 * <pre>
 *   a[t] = round(I[t]·scale·(1 − β)/2⁶)                   integer synaptic input (weights are integers)
 *   U[t] = wrap24(U[t−1]·(4096 − iDecay) ≫ 12 + a[t]·2⁶)    U = syn·scale·(1 − β); U = a·2⁶ without τ_syn
 *   V[t] = clip24(V[t−1]·(4096 − vDecay) ≫ 12 + U[t] + biasMant·2⁶)
 *   s[t] = V[t] &gt; vThMant·2⁶,   reset to 0
 * </pre>
 *
 * with β = 1 − vDecay/4096 and α = 1 − iDecay/4096 (the 12-bit decays) and ≫ truncating toward zero.
 * Values are stored divided by the scale, so traces, losses and {@link #backward} work unchanged: the
 * backward pass is that of the float step with the quantised decays, i.e. the rounding of the input,
 * the truncation of the decays, the 24-bit limits and the quantisation of weights and bias (done where
 * they are made, {@code loihi.Loihi2Mode}) pass gradients straight through (straight-through
 * estimator, Bengio et al. 2013).
 */
public final class LifStep {
  private LifStep() {}

  /**
   * Advances one step.
   *
   * @param input synaptic plus external input current (without the bias)
   * @param synaptic the synaptic current, updated in place (ignored without a synaptic time constant)
   * @param u membrane after the previous step's reset, updated in place to this step's
   * @param v receives the membrane before reset
   * @param out receives the output (spike, or rectified membrane for graded cells)
   */
  public static void forward(
      LifCells c, double[] input, double[] synaptic, double[] u, double[] v, double[] out, int size) {
    if (c.loihi != null) {
      forwardLoihi(c, input, synaptic, u, v, out, size);
      return;
    }
    int cells = c.cells;
    double[] drive = input;
    if (c.synaptic) {
      double[] alpha = c.alpha;
      for (int o = 0; o < size; o += cells) {
        for (int n = 0; n < cells; n++) {
          synaptic[o + n] = decayed(alpha[n], synaptic[o + n], input[o + n]);
        }
      }
      drive = synaptic;
    }
    double[] beta = c.beta;
    double[] leak = c.leak;
    double[] bias = c.bias;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        v[o + n] = integrated(beta[n], u[o + n], leak[n], drive[o + n], bias[n]);
      }
    }
    emit(c, v, out, size);
    reset(c, v, out, u, size);
  }

  /** How a cell's synaptic current advances in a step of {@link #forwardCells}. */
  public static final byte DECAY = 0;
  /**
   * A spike in the previous step cleared the current, and with it the input of this step; or the
   * previous step was frozen by refractoriness, which drops input ({@link Refractoriness#forwardCells}).
   */
  public static final byte CLEAR = 2;

  /**
   * The step for some cells only, state indexed by cell ({@code cells[0..count)} of a population):
   * event-driven simulation ({@code engine.simulate}) steps just the cells that can change. The same
   * arithmetic as {@link #forward}; {@code rule[cell]} ({@link #DECAY}, {@link #CLEAR},
   * or {@code rule == null} for decay everywhere) is how the synaptic current advances, which
   * {@link Refractoriness#forwardCells} sets for the next step. State arrays may hold several
   * populations: cell n of this one is at {@code offset + n}. Graded cells are not supported.
   */
  public static void forwardCells(LifCells c, int offset, int[] cells, int count, double[] input, byte[] rule,
      double[] synaptic, double[] u, double[] v, double[] out) {
    if (c.graded) {
      throw new IllegalArgumentException("graded cells are not stepped cell by cell");
    }
    double[] alpha = c.alpha;
    double[] beta = c.beta;
    double[] leak = c.leak;
    double[] bias = c.bias;
    double[] theta = c.theta;
    for (int i = 0; i < count; i++) {
      int n = cells[i];
      int k = offset + n;
      double drive = input[k];
      if (c.synaptic) {
        byte r = rule == null ? DECAY : rule[k];
        drive = synaptic[k] = r == DECAY ? decayed(alpha[n], synaptic[k], drive) : 0;
      }
      double vk = integrated(beta[n], u[k], leak[n], drive, bias[n]);
      double s = c.spike.smooth() ? c.spike.value(vk - theta[n]) : spike(vk, theta[n]);
      v[k] = vk;
      out[k] = s;
      u[k] = c.resetMode == ResetMode.SUBTRACT ? subtracted(vk, theta[n], s) : resetTo(vk, s, c.resetValue);
    }
  }

  /** The Heaviside spike: 1 above threshold. */
  static double spike(double v, double theta) {
    return v > theta ? 1.0 : 0.0;
  }

  /** Subtractive reset of a membrane {@code v} that emitted {@code s}. */
  static double subtracted(double v, double theta, double s) {
    return v - theta * s;
  }

  /** Loihi's reset of a membrane {@code v} that emitted {@code s}: to 0. */
  static double loihiReset(double v, double s) {
    return s != 0 ? 0 : v;
  }

  /** Reset to a value of a membrane {@code v} that emitted {@code s}. */
  static double resetTo(double v, double s, double to) {
    return v * (1 - s) + to * s;
  }

  /** The synaptic current after a step: decayed, plus this step's input. */
  static double decayed(double alpha, double synaptic, double input) {
    return alpha * synaptic + input;
  }

  /** The membrane before reset: the leak towards the drive and the bias. */
  static double integrated(double beta, double u, double leak, double drive, double bias) {
    return beta * u + leak * (drive + bias);
  }

  /** {@link #forward} in Loihi mode: Lava's integer arithmetic, values stored in normalised units. */
  private static void forwardLoihi(
      LifCells c, double[] input, double[] synaptic, double[] u, double[] v, double[] out, int size) {
    LoihiCells h = c.loihi;
    int cells = c.cells;
    long threshold = (long) h.vThMant() << 6;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        int k = o + n;
        double scale = h.scale()[n];
        double currentScale = scale * c.leak[n];
        long a = Math.round(input[k] * currentScale / 64);
        long current = a << 6;
        if (c.synaptic) {
          current = LoihiCells.wrapCurrent(LoihiCells.decay(Math.round(synaptic[k] * currentScale), h.iDecay()) + current);
          synaptic[k] = current / currentScale;
        } else {
          current = LoihiCells.wrapCurrent(current);
        }
        long volt = LoihiCells.clipVoltage(
            LoihiCells.decay(Math.round(u[k] * scale), h.vDecay()) + current + ((long) h.biasMant()[n] << 6));
        v[k] = volt / scale;
        out[k] = volt > threshold ? 1.0 : 0.0;
      }
    }
    reset(c, v, out, u, size);
  }

  /** The output of membrane values {@code v}: spikes (or their smooth surrogate), or max(0, v). */
  static void emit(LifCells c, double[] v, double[] out, int size) {
    int cells = c.cells;
    double[] theta = c.theta;
    if (c.graded) {
      for (int k = 0; k < size; k++) {
        out[k] = Math.max(0, v[k]);
      }
    } else if (c.spike.smooth()) {
      for (int o = 0; o < size; o += cells) {
        for (int n = 0; n < cells; n++) {
          out[o + n] = c.spike.value(v[o + n] - theta[n]);
        }
      }
    } else {
      for (int o = 0; o < size; o += cells) {
        for (int n = 0; n < cells; n++) {
          out[o + n] = spike(v[o + n], theta[n]);
        }
      }
    }
  }

  /**
   * The membrane after the reset, {@code u} from {@code v} and the output {@code s}, over {@code [B][N]}
   * (the forward step; the backward step reconstructs u[t−1] row by row with the same rule).
   */
  static void reset(LifCells c, double[] v, double[] s, double[] u, int size) {
    int cells = c.cells;
    if (c.loihi != null) { // Loihi spikes and resets v to 0, whatever the cell was declared as
      for (int k = 0; k < size; k++) {
        u[k] = loihiReset(v[k], s[k]);
      }
    } else if (c.graded) {
      System.arraycopy(v, 0, u, 0, size);
    } else if (c.resetMode == ResetMode.SUBTRACT) {
      double[] theta = c.theta;
      for (int o = 0; o < size; o += cells) {
        for (int n = 0; n < cells; n++) {
          u[o + n] = subtracted(v[o + n], theta[n], s[o + n]);
        }
      }
    } else {
      double to = c.resetValue;
      for (int k = 0; k < size; k++) {
        u[k] = resetTo(v[k], s[k], to);
      }
    }
  }

  /**
   * One reverse step of the membrane: from d loss / d output at step t and the membrane carry from
   * step t+1 to d loss / d drive at step t (the synaptic current, or the input without one); updates
   * the carry to step t−1 and accumulates the per-cell gradients of β, θ and the bias. Runs fly by fly
   * over {@link CellRows} (so that the loops vectorise); per-cell gradients add flies in batch order.
   *
   * @param v membrane before reset at step t
   * @param s output at step t
   * @param vBefore membrane before reset at step t−1 (zeros at t = 0)
   * @param sBefore output at step t−1 (zeros at t = 0); with {@code vBefore} it gives the membrane after
   *     the reset at step t−1, which the β gradient needs
   * @param gradOutput d loss / d output at step t
   * @param carry d loss / d membrane-after-reset of step t from step t+1, updated to step t−1's
   * @param rows row buffers of this population's size
   * @param gradDrive receives d loss / d drive at step t
   */
  public static void backward(LifCells c, double[] v, double[] s, double[] vBefore, double[] sBefore,
      double[] gradOutput, double[] carry, CellRows rows, double[] gradDrive, CellGradients acc, int size) {
    int cells = c.cells;
    for (int o = 0; o < size; o += cells) {
      System.arraycopy(vBefore, o, rows.v, 0, cells);
      System.arraycopy(sBefore, o, rows.s, 0, cells);
      resetRow(c, rows.v, rows.s, rows.before);
      System.arraycopy(v, o, rows.v, 0, cells);
      System.arraycopy(s, o, rows.s, 0, cells);
      System.arraycopy(gradOutput, o, rows.gradOutput, 0, cells);
      System.arraycopy(carry, o, rows.carry, 0, cells);
      membraneGradient(c, rows, acc);
      driveGradient(c, rows, acc);
      System.arraycopy(rows.carry, 0, carry, o, cells);
      System.arraycopy(rows.drive, 0, gradDrive, o, cells);
    }
  }

  /** {@link #reset} of one fly's row. */
  private static void resetRow(LifCells c, double[] v, double[] s, double[] u) {
    int cells = c.cells;
    if (c.loihi != null) {
      for (int n = 0; n < cells; n++) {
        u[n] = loihiReset(v[n], s[n]);
      }
    } else if (c.graded) {
      System.arraycopy(v, 0, u, 0, cells);
    } else if (c.resetMode == ResetMode.SUBTRACT) {
      double[] theta = c.theta;
      for (int n = 0; n < cells; n++) {
        u[n] = subtracted(v[n], theta[n], s[n]);
      }
    } else {
      double to = c.resetValue;
      for (int n = 0; n < cells; n++) {
        u[n] = resetTo(v[n], s[n], to);
      }
    }
  }

  /** d loss / d v of one fly into {@code rows.g}, through the output and the reset; accumulates θ's gradient. */
  private static void membraneGradient(LifCells c, CellRows rows, CellGradients acc) {
    int cells = c.cells;
    double[] v = rows.v;
    double[] s = rows.s;
    double[] gOut = rows.gradOutput;
    double[] carry = rows.carry;
    double[] g = rows.g;
    boolean loihi = c.loihi != null; // Loihi mode: every cell spikes and resets to 0
    if (c.graded && !loihi) {
      for (int n = 0; n < cells; n++) {
        g[n] = carry[n] + (v[n] > 0 ? gOut[n] : 0);
      }
      return;
    }
    double[] theta = c.theta;
    double[] sd = g; // the surrogate derivative, read before g overwrites it, element by element
    c.spike.surrogate().derivatives(v, theta, sd, cells);
    double[] gTheta = acc.threshold;
    if (c.resetMode == ResetMode.SUBTRACT && !loihi) {
      for (int n = 0; n < cells; n++) {
        double gv = carry[n];
        double gs = gOut[n] - theta[n] * gv;
        gTheta[n] += -gs * sd[n] - gv * s[n];
        g[n] = gv + gs * sd[n];
      }
    } else {
      double to = loihi ? 0 : c.resetValue;
      for (int n = 0; n < cells; n++) {
        double gv = carry[n];
        double gs = gOut[n] + gv * (to - v[n]);
        gTheta[n] += -gs * sd[n];
        g[n] = gv * (1 - s[n]) + gs * sd[n];
      }
    }
  }

  /** From d loss / d v of one fly to d loss / d drive and the carry to step t−1; accumulates β's and the bias's. */
  private static void driveGradient(LifCells c, CellRows rows, CellGradients acc) {
    int cells = c.cells;
    double[] g = rows.g;
    double[] before = rows.before;
    double[] v = rows.v;
    double[] carry = rows.carry;
    double[] drive = rows.drive;
    double[] beta = c.beta;
    double[] leak = c.leak;
    double[] gBeta = acc.beta;
    double[] gBias = acc.bias;
    // two loops, not one: the compiler unrolls (and so vectorises) only loops with a small body
    for (int n = 0; n < cells; n++) {
      gBeta[n] += g[n] * (before[n] - v[n]) / leak[n];
    }
    for (int n = 0; n < cells; n++) {
      double gv = g[n];
      double d = gv * leak[n];
      gBias[n] += d;
      carry[n] = gv * beta[n];
      drive[n] = d;
    }
  }

  /**
   * One reverse step of the synaptic current (cells with a synaptic time constant): turns d loss /
   * d synaptic current at step t (in {@code grad}, from {@link #backward}) into d loss / d input,
   * carrying the current's own gradient to step t−1 and accumulating the gradient of α.
   *
   * @param synapticBefore synaptic current at step t−1 (zeros at t = 0)
   * @param carry d loss / d synaptic current of step t from step t+1, updated to step t−1's
   */
  public static void backwardSynapse(
      LifCells c, double[] synapticBefore, double[] grad, double[] carry, CellGradients acc, int size) {
    int cells = c.cells;
    double[] alpha = c.alpha;
    double[] gAlpha = acc.alpha;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        int k = o + n;
        double gs = grad[k] + carry[k];
        gAlpha[n] += gs * synapticBefore[k];
        carry[k] = gs * alpha[n];
        grad[k] = gs;
      }
    }
  }
}
