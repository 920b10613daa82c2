package org.neuromechfly.dmn.engine.synapse;

import java.util.Arrays;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * A projection as a masked dense matrix, stored source-major {@code W[j][i]} (zero where the mask has
 * no edge). The forward product and the weight gradient skip silent presynaptic cells (spikes are
 * sparse); the gradient to presynaptic outputs is dense and goes to BLAS for large matrices.
 */
public final class DenseSynapses extends Synapses {
  /** Below this many targets the presynaptic sums loop over sources inside ({@link #presynapticFewTargets}). */
  private static final int FEW_TARGETS = 16;
  private final int sources;
  private final int targets;
  private final int[] densePosition;
  private final double[] w;
  private final BlasProduct blas;
  /** Partial presynaptic sums of one fly (few targets only, else {@code null}). */
  private final double[] partial;
  /**
   * With few targets, each target's weights as a row of its own ({@code [i][j]}, filled by
   * {@link #load}): indexed by the source alone, like {@link #partial}, the inner loop of
   * {@link #presynapticFewTargets} vectorises (see {@code neuron.CellRows}); else {@code null}.
   */
  private final double[][] byTarget;

  DenseSynapses(
      EdgeArrays edges,
      int sourcePopulation,
      int targetPopulation,
      int delay,
      Magnitude magnitude,
      ParameterSet parameters,
      SynapseLayout layout,
      Precision precision) {
    super(edges, sourcePopulation, targetPopulation, delay, magnitude, parameters);
    this.sources = edges.sourceCount();
    this.targets = edges.targetCount();
    this.w = new double[Math.multiplyExact(sources, targets)];
    this.densePosition = new int[edges.edgeCount()];
    int[] src = edges.sourceIndex();
    for (int e = 0; e < densePosition.length; e++) {
      densePosition[e] = src[e] * targets + targetOfEdge[e];
    }
    this.blas = (long) sources * targets >= layout.blasAbove() ? new BlasProduct(sources, targets, precision) : null;
    boolean few = blas == null && targets < FEW_TARGETS;
    this.byTarget = few ? new double[targets][sources] : null;
    this.partial = few ? new double[sources] : null;
  }

  @Override
  protected void load() {
    for (int e = 0; e < densePosition.length; e++) {
      w[densePosition[e]] = forwardWeight(e);
    }
    if (blas != null) {
      blas.load(w);
    }
    if (byTarget != null) {
      for (int i = 0; i < targets; i++) {
        for (int j = 0; j < sources; j++) {
          byTarget[i][j] = w[j * targets + i];
        }
      }
    }
  }

  @Override
  public void forward(double[] source, ActiveCells active, double[] targetInput, int batch) {
    int[] cells = active.indices();
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int k = active.start(b), last = k + active.count(b); k < last; k++) {
        int j = cells[k];
        double o = source[so + j];
        int row = j * targets;
        for (int i = 0; i < targets; i++) {
          targetInput[to + i] += o * w[row + i];
        }
      }
    }
  }

  @Override
  public void backward(double[] source, ActiveCells active, double[] gradTarget, double[] gradSource,
      double[] accumulator, int batch) {
    if (blas != null) {
      blas.multiplyTransposed(gradTarget, gradSource, batch);
    } else {
      presynaptic(gradTarget, gradSource, batch);
    }
    // only active sources contribute to their weights
    int[] cells = active.indices();
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int k = active.start(b), last = k + active.count(b); k < last; k++) {
        int j = cells[k];
        double o = source[so + j];
        int row = j * targets;
        for (int i = 0; i < targets; i++) {
          accumulator[row + i] += o * gradTarget[to + i];
        }
      }
    }
  }

  /**
   * The gradient to presynaptic outputs, {@code Wᵀ·g} for every fly: four sums at a time — four
   * sources of a fly, and for the sources left over (APL → KC has one) four flies of a source — so that
   * four independent additions hide each other's latency (one sum alone waits for every previous
   * addition); each sum still adds its targets in order, as a loop over one source and fly would.
   */
  private void presynaptic(double[] gradTarget, double[] gradSource, int batch) {
    if (targets < FEW_TARGETS) {
      presynapticFewTargets(gradTarget, gradSource, batch);
      return;
    }
    int blocked = sources - sources % 4;
    for (int b = 0; b < batch; b++) {
      int to = b * targets;
      int so = b * sources;
      for (int j = 0; j < blocked; j += 4) {
        int r0 = j * targets;
        int r1 = r0 + targets;
        int r2 = r1 + targets;
        int r3 = r2 + targets;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < targets; i++) {
          double g = gradTarget[to + i];
          s0 += w[r0 + i] * g;
          s1 += w[r1 + i] * g;
          s2 += w[r2 + i] * g;
          s3 += w[r3 + i] * g;
        }
        gradSource[so + j] += s0;
        gradSource[so + j + 1] += s1;
        gradSource[so + j + 2] += s2;
        gradSource[so + j + 3] += s3;
      }
    }
    int flies = batch - batch % 4;
    for (int j = blocked; j < sources; j++) {
      int row = j * targets;
      for (int b = 0; b < flies; b += 4) {
        int t0 = b * targets;
        int t1 = t0 + targets;
        int t2 = t1 + targets;
        int t3 = t2 + targets;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < targets; i++) {
          double wi = w[row + i];
          s0 += wi * gradTarget[t0 + i];
          s1 += wi * gradTarget[t1 + i];
          s2 += wi * gradTarget[t2 + i];
          s3 += wi * gradTarget[t3 + i];
        }
        gradSource[b * sources + j] += s0;
        gradSource[(b + 1) * sources + j] += s1;
        gradSource[(b + 2) * sources + j] += s2;
        gradSource[(b + 3) * sources + j] += s3;
      }
      for (int b = flies; b < batch; b++) {
        int to = b * targets;
        double sum = 0;
        for (int i = 0; i < targets; i++) {
          sum += w[row + i] * gradTarget[to + i];
        }
        gradSource[b * sources + j] += sum;
      }
    }
  }

  /**
   * {@link #presynaptic} for a handful of targets (KC → APL has one): a loop over the targets per
   * source would be entered and left thousands of times per step for one or two additions each, so
   * the sources are the inner loop instead, their partial sums kept in a row that starts at zero and
   * takes the targets in order: the same additions in the same order.
   */
  private void presynapticFewTargets(double[] gradTarget, double[] gradSource, int batch) {
    for (int b = 0; b < batch; b++) {
      int to = b * targets;
      int so = b * sources;
      Arrays.fill(partial, 0);
      for (int i = 0; i < targets; i++) {
        double g = gradTarget[to + i];
        double[] row = byTarget[i];
        for (int j = 0; j < sources; j++) {
          partial[j] += row[j] * g;
        }
      }
      for (int j = 0; j < sources; j++) {
        gradSource[so + j] += partial[j];
      }
    }
  }

  @Override
  public double[] newAccumulator() {
    return new double[w.length];
  }

  @Override
  public void finishBackward(double[] accumulator) {
    beginEdgeGradients();
    for (int e = 0; e < densePosition.length; e++) {
      addEdgeGradient(e, accumulator[densePosition[e]]);
    }
    endEdgeGradients();
  }
}
