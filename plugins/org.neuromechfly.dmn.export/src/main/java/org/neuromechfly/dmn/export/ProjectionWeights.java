package org.neuromechfly.dmn.export;

import java.util.Objects;
import org.neuromechfly.dmn.model.Projection;

/**
 * The effective signed weights of one projection on its fixed edges (compressed rows by target, as
 * the connectome module's {@code EdgeList}), and its delay in steps (at least one, as in the engine).
 *
 * @param projection the IR projection
 * @param sourceCount presynaptic cells
 * @param targetCount postsynaptic cells
 * @param rowPtr {@code targetCount + 1} offsets
 * @param sourceIndex presynaptic cell of each edge
 * @param weights signed effective weight of each edge
 * @param delaySteps transmission delay in steps, ≥ 1
 */
public record ProjectionWeights(
    Projection projection,
    int sourceCount,
    int targetCount,
    int[] rowPtr,
    int[] sourceIndex,
    double[] weights,
    int delaySteps) {

  public ProjectionWeights {
    Objects.requireNonNull(projection, "projection");
    if (rowPtr.length != targetCount + 1 || sourceIndex.length != weights.length) {
      throw new IllegalArgumentException(projection.label() + ": inconsistent edge arrays");
    }
    if (delaySteps < 1) {
      throw new IllegalArgumentException(projection.label() + ": delay must be >= 1 step");
    }
  }

  /** Builds the edges of the non-zero entries of a dense {@code [target][source]} matrix. */
  public static ProjectionWeights fromDense(Projection projection, double[][] dense, int sourceCount, int delaySteps) {
    int targets = dense.length;
    int nonZero = 0;
    for (double[] row : dense) {
      for (double v : row) {
        nonZero += v != 0 ? 1 : 0;
      }
    }
    int[] rowPtr = new int[targets + 1];
    int[] src = new int[nonZero];
    double[] w = new double[nonZero];
    int e = 0;
    for (int t = 0; t < targets; t++) {
      if (dense[t].length != sourceCount) {
        throw new IllegalArgumentException(projection.label() + ": row " + t + " has " + dense[t].length
            + " columns, expected " + sourceCount);
      }
      for (int s = 0; s < sourceCount; s++) {
        if (dense[t][s] != 0) {
          src[e] = s;
          w[e++] = dense[t][s];
        }
      }
      rowPtr[t + 1] = e;
    }
    return new ProjectionWeights(projection, sourceCount, targetCount(dense), rowPtr, src, w, delaySteps);
  }

  private static int targetCount(double[][] dense) {
    return dense.length;
  }

  public String label() {
    return projection.label();
  }

  public String source() {
    return projection.source();
  }

  public String target() {
    return projection.target();
  }

  public int edgeCount() {
    return weights.length;
  }

  /** Dense {@code [target][source]} matrix, zero where no edge exists — NIR's (out, in) orientation. */
  public double[][] dense() {
    double[][] d = new double[targetCount][sourceCount];
    for (int t = 0; t < targetCount; t++) {
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        d[t][sourceIndex[e]] = weights[e];
      }
    }
    return d;
  }
}
