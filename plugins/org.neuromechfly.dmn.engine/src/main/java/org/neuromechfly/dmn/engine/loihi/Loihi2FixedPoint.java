package org.neuromechfly.dmn.engine.loihi;

import java.util.Arrays;
import org.neuromechfly.dmn.engine.neuron.LoihiCells;

/**
 * The one mapping of a layer's float parameters onto Loihi 2's integers, used by training in Loihi
 * mode ({@link Loihi2Mode}) and by the netx exporter, so that what is trained is what is written.
 *
 * <p>The engine steps {@code v = β·u + (1−β)·(I + bias)}; Loihi steps
 * {@code V = V·(4096 − vDecay) ≫ 12 + U + biasMant·2⁶} with {@code U = Σ w·2⁶} (no synaptic current).
 * With {@code V = v·S} they agree for {@code vDecay = 4096·(1 − β)}, {@code w = W·(1−β)·S/2⁶} and
 * {@code biasMant = bias·(1−β)·S/2⁶}. Per cell, {@code S = 2⁶·vThMant/θ}: one threshold mantissa per
 * layer, per-cell thresholds folded exactly into that cell's weights and bias. The layer's scale is
 * the largest that keeps its weights within an 8-bit mantissa ({@code 2·m}, m in −128..127, as slayer
 * writes them, so that lava-dl derives ≤ 8 weight bits), its biases within 13 bits and voltages up to
 * 4× threshold within 24 bits.
 */
public final class Loihi2FixedPoint {
  /** Largest weight mantissa: weights are {@code 2·m}, m in −128..127 (−256..254). */
  public static final int MAX_WEIGHT_MANTISSA = 127;
  /** bias_mant is 13-bit signed. */
  public static final int MAX_BIAS = 4095;
  /** vThMant is 17-bit unsigned. */
  public static final int MAX_VTH = (1 << 17) - 1;
  /** A layer's threshold sits at most here (4× threshold still fits 24 bits). */
  static final double THRESHOLD_UNITS = 1 << 21;

  private Loihi2FixedPoint() {}

  /** How decay constants follow from τ. */
  public enum DecayRounding {
    /** {@code round(4096·(1 − exp(−dt/τ)))}: the engine's per-step decay. */
    ENGINE_EXACT,
    /** {@code round(4096·dt/τ)}: what slayer writes (forward Euler). */
    SLAYER
  }

  /** The 12-bit voltage decay for τ, 1..4095 (0 would stop input as well as leak, see the class comment). */
  public static int voltageDecay(double tau, double dt, DecayRounding rounding) {
    return (int) Math.min(LoihiCells.DECAY_UNITY - 1, Math.max(1, Math.round(LoihiCells.DECAY_UNITY
        * fraction(tau, dt, rounding))));
  }

  /** The current decay: 4096 without a synaptic current (u lasts one step), else that of τ_syn, 1..4096. */
  public static int currentDecay(double tauSyn, double dt, DecayRounding rounding) {
    if (!(tauSyn > 0)) {
      return LoihiCells.DECAY_UNITY;
    }
    return (int) Math.min(LoihiCells.DECAY_UNITY, Math.max(1, Math.round(LoihiCells.DECAY_UNITY
        * fraction(tauSyn, dt, rounding))));
  }

  private static double fraction(double tau, double dt, DecayRounding rounding) {
    return rounding == DecayRounding.SLAYER ? dt / tau : -Math.expm1(-dt / tau);
  }

  /**
   * A layer's integers (its {@link LoihiCells} for all of its cells) and the map of its weights.
   *
   * @param cells the decays, threshold mantissa, per-cell scale and bias mantissas
   * @param clippedBiases how many biases did not fit 13 bits and were clipped
   * @param raisedThresholds how many thresholds were not positive (or below 1/4096 of the layer's
   *     highest) and were raised to that: Loihi's threshold is unsigned and shared by the layer
   */
  public record Layer(LoihiCells cells, int clippedBiases, int raisedThresholds) {

    /** The integer weight Loihi runs for a float weight {@code w} onto cell {@code cell}: even, −256..254. */
    public int weight(int cell, double w) {
      return (int) (2 * Math.max(-MAX_WEIGHT_MANTISSA - 1, Math.min(MAX_WEIGHT_MANTISSA, mantissa(cell, w))));
    }

    /** Whether {@code w} onto {@code cell} lies beyond the 8-bit mantissa (and {@link #weight} clips it). */
    public boolean clips(int cell, double w) {
      long m = mantissa(cell, w);
      return m > MAX_WEIGHT_MANTISSA || m < -MAX_WEIGHT_MANTISSA - 1;
    }

    private long mantissa(int cell, double w) {
      return Math.round(w * leak() * cells.scale()[cell] / 128);
    }

    /** An integer weight onto {@code cell} in the engine's units (what the integer weight means). */
    public double value(int cell, int integer) {
      return integer * 64.0 / (leak() * cells.scale()[cell]);
    }

    /** The threshold Loihi applies to {@code cell}, in the engine's units. */
    public double threshold(int cell) {
      return cells.vThMant() * 64.0 / cells.scale()[cell];
    }

    /** The bias Loihi adds to {@code cell}, in the engine's units. */
    public double bias(int cell) {
      return cells.biasMant()[cell] * 64.0 / (leak() * cells.scale()[cell]);
    }

    /** 1 − β of the quantised voltage decay. */
    public double leak() {
      return cells.vDecay() / (double) LoihiCells.DECAY_UNITY;
    }

    /** The cells {@code from..from+count−1} of the layer (one population's share). */
    public LoihiCells slice(int from, int count) {
      return new LoihiCells(cells.vDecay(), cells.iDecay(), cells.vThMant(),
          Arrays.copyOfRange(cells.scale(), from, from + count), Arrays.copyOfRange(cells.biasMant(), from, from + count));
    }
  }

  /**
   * Maps one layer.
   *
   * @param dt the step, seconds
   * @param tauMem the layer's membrane time constant, seconds
   * @param tauSyn its synaptic time constant, seconds, or 0 for none
   * @param theta threshold per cell
   * @param bias bias per cell, engine units
   * @param maxIncoming largest |weight| onto each cell, engine units (0 for none)
   * @param rounding decay formula
   */
  public static Layer layer(double dt, double tauMem, double tauSyn, double[] theta, double[] bias, double[] maxIncoming,
      DecayRounding rounding) {
    int n = theta.length;
    int vDecay = voltageDecay(tauMem, dt, rounding);
    int iDecay = currentDecay(tauSyn, dt, rounding);
    double leak = vDecay / (double) LoihiCells.DECAY_UNITY;
    double top = 0;
    for (double t : theta) {
      if (Double.isFinite(t)) {
        top = Math.max(top, t);
      }
    }
    top = top > 0 ? top : 1;
    theta = theta.clone();
    int raised = 0;
    for (int i = 0; i < n; i++) {
      if (!(theta[i] >= top / LoihiCells.DECAY_UNITY) || !Double.isFinite(theta[i])) {
        theta[i] = top / LoihiCells.DECAY_UNITY;
        raised++;
      }
    }
    // per normalised unit of the layer's highest threshold; cell i runs at top/θ_i of it
    double scale = THRESHOLD_UNITS / top;
    for (int i = 0; i < n; i++) {
      double fold = top / theta[i];
      double w = maxIncoming[i] * leak * fold;
      if (w > 0) {
        scale = Math.min(scale, 2.0 * MAX_WEIGHT_MANTISSA * 64 / w);
      }
      double b = Math.abs(bias[i]) * leak * fold;
      if (b > 0) {
        scale = Math.min(scale, MAX_BIAS * 64.0 / b);
      }
    }
    int vth = (int) Math.max(1, Math.min(MAX_VTH, Math.round(top * scale / 64)));
    double[] cellScale = new double[n];
    int[] biasMant = new int[n];
    int clipped = 0;
    for (int i = 0; i < n; i++) {
      cellScale[i] = 64.0 * vth / theta[i];
      long b = Math.round(bias[i] * leak * cellScale[i] / 64);
      if (Math.abs(b) > MAX_BIAS) {
        clipped++;
        b = Math.max(-MAX_BIAS - 1, Math.min(MAX_BIAS, b));
      }
      biasMant[i] = (int) b;
    }
    return new Layer(new LoihiCells(vDecay, iDecay, vth, cellScale, biasMant), clipped, raised);
  }
}
