package org.neuromechfly.dmn.engine.neuron;

/**
 * The integers one population has on Loihi 2 (its share of a netx layer), which put
 * {@link LifStep#forward} into Loihi mode: the step then computes Lava's bit-accurate CUBA neuron —
 * 24-bit current u and voltage v, 12-bit decays that truncate toward zero, integer synaptic input and
 * bias, reset to zero — on integer voltages {@code V = v·scale}, and stores the result in the
 * engine's normalised units so that the backward pass, traces and losses stay as they are.
 *
 * @param vDecay voltage decay, 12-bit: v ← v·(4096 − vDecay) ≫ 12
 * @param iDecay current decay, 1..4096 (4096: no synaptic current; netx writes du = iDecay − 1)
 * @param vThMant threshold mantissa: a spike when V &gt; vThMant·2⁶
 * @param scale integer voltage units per normalised unit, per cell (64·vThMant/θ, so θ is exact)
 * @param biasMant bias mantissa per cell (exponent 6), 13-bit signed
 */
public record LoihiCells(int vDecay, int iDecay, int vThMant, double[] scale, int[] biasMant) {
  /** 2¹²: decays are fractions of it. */
  public static final int DECAY_UNITY = 4096;
  /** u and v are 24-bit: |u| wraps and |v| saturates at 2²³. */
  public static final long STATE_LIMIT = 1L << 23;

  public LoihiCells {
    if (scale.length != biasMant.length) {
      throw new IllegalArgumentException("scale and bias of different lengths");
    }
  }

  /** {@code x·(4096 − decay) ≫ 12}, truncating toward zero as Lava does. */
  public static long decay(long x, int decay) {
    long p = x * (DECAY_UNITY - decay);
    return Long.signum(p) * (Math.abs(p) >> 12);
  }

  /** A 24-bit current after adding input: values beyond ±2²³ wrap around. */
  public static long wrapCurrent(long u) {
    if (u > STATE_LIMIT) {
      return u - 2 * STATE_LIMIT;
    }
    if (u <= -STATE_LIMIT) {
      return u + 2 * STATE_LIMIT;
    }
    return u;
  }

  /** A 24-bit voltage: saturates at ±(2²³ − 1). */
  public static long clipVoltage(long v) {
    return Math.max(-STATE_LIMIT + 1, Math.min(STATE_LIMIT - 1, v));
  }
}
