package org.neuromechfly.dmn.engine.neuron;

/**
 * One fly's row of a population, copied out of the {@code [B][N]} arrays, for {@link LifStep#backward}.
 *
 * <p>Why rows: Java 17's C2 compiler runs a loop in SIMD lanes only when it can prove that no store in it
 * aliases a load at another offset. A loop over a batch row ({@code x[o + n]}) that also reads a per-cell
 * constant ({@code θ[n]}) of the same element type gives it no such proof (the two could be one array), so
 * every LIF loop ran scalar. Over these rows every array is indexed by {@code n} alone and the loops
 * vectorise; the arithmetic, and so every bit, is unchanged.
 */
public final class CellRows {
  final double[] v;
  final double[] s;
  final double[] before;
  final double[] gradOutput;
  final double[] carry;
  /** The surrogate derivative, then d loss / d v. */
  final double[] g;
  final double[] drive;

  public CellRows(int cells) {
    v = new double[cells];
    s = new double[cells];
    before = new double[cells];
    gradOutput = new double[cells];
    carry = new double[cells];
    g = new double[cells];
    drive = new double[cells];
  }
}
