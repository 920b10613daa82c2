package org.neuromechfly.dmn.engine.synapse;

import org.neuromechfly.dmn.engine.parameter.ParameterSet;

/**
 * A projection as an edge list, walked by source (compressed columns): the forward input and the weight
 * gradient walk only the active sources' columns, the gradient to presynaptic outputs every edge (for
 * a batch, once per sixteen, eight or four flies).
 */
public final class SparseSynapses extends Synapses {
  private final int sources;
  private final int targets;
  /** Column pointers by source. */
  private final int[] colPtr;
  /** Target cell of each edge in column order. */
  private final int[] target;
  /** Wiring-order index of each edge in column order. */
  private final int[] wiringEdge;
  private final double[] w;
  /** The target gradients cell-major for the batched backward pass (reused step to step). */
  private double[] transposed;

  SparseSynapses(
      EdgeArrays edges,
      int sourcePopulation,
      int targetPopulation,
      int delay,
      Magnitude magnitude,
      ParameterSet parameters) {
    super(edges, sourcePopulation, targetPopulation, delay, magnitude, parameters);
    this.sources = edges.sourceCount();
    this.targets = edges.targetCount();
    int m = edges.edgeCount();
    int[] src = edges.sourceIndex();
    colPtr = new int[sources + 1];
    for (int s : src) {
      colPtr[s + 1]++;
    }
    for (int s = 0; s < sources; s++) {
      colPtr[s + 1] += colPtr[s];
    }
    int[] fill = colPtr.clone();
    target = new int[m];
    wiringEdge = new int[m];
    // edges are visited by target in increasing order, so each column stays sorted by target
    for (int e = 0; e < m; e++) {
      int c = fill[src[e]]++;
      target[c] = targetOfEdge[e];
      wiringEdge[c] = e;
    }
    w = new double[m];
  }

  @Override
  protected void load() {
    for (int c = 0; c < w.length; c++) {
      w[c] = forwardWeight(wiringEdge[c]);
    }
  }

  @Override
  public void forward(double[] source, ActiveCells active, double[] targetInput, int batch) {
    int[] cells = active.indices();
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int i = active.start(b), last = i + active.count(b); i < last; i++) {
        int j = cells[i];
        double o = source[so + j];
        for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
          targetInput[to + target[c]] += o * w[c];
        }
      }
    }
  }

  @Override
  public void backward(double[] source, ActiveCells active, double[] gradTarget, double[] gradSource,
      double[] accumulator, int batch) {
    if (batch == 1) {
      backwardOne(source, gradTarget, gradSource, accumulator);
      return;
    }
    presynapticBlocked(gradTarget, gradSource, batch);
    // the weights: only active sources contribute, fly after fly, so each edge adds its flies in order
    int[] cells = active.indices();
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int i = active.start(b), last = i + active.count(b); i < last; i++) {
        int j = cells[i];
        double o = source[so + j];
        for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
          accumulator[c] += o * gradTarget[to + target[c]];
        }
      }
    }
  }

  private void backwardOne(double[] source, double[] gradTarget, double[] gradSource, double[] accumulator) {
    for (int j = 0; j < sources; j++) {
      double o = source[j];
      double sum = 0;
      int end = colPtr[j + 1];
      if (o == 0) { // a silent source gets a gradient but contributes none to its weights
        for (int c = colPtr[j]; c < end; c++) {
          sum += w[c] * gradTarget[target[c]];
        }
      } else {
        for (int c = colPtr[j]; c < end; c++) {
          double g = gradTarget[target[c]];
          sum += w[c] * g;
          accumulator[c] += o * g;
        }
      }
      gradSource[j] += sum;
    }
  }

  /**
   * The gradient to presynaptic outputs for the whole batch in one pass over the edges: the target
   * gradients are laid out cell-major ({@code [N][B]}), so an edge's weight and target are loaded once
   * per sixteen (then eight, then four) flies and its batch row is contiguous, and the sums stay in
   * registers.
   * Every sum adds its terms in edge order, so the bits are those of {@link #backwardOne} run fly by
   * fly.
   */
  private void presynapticBlocked(double[] gradTarget, double[] gradSource, int batch) {
    double[] byCell = cellMajor(gradTarget, batch);
    int sixteens = batch - batch % 16;
    int eights = batch - batch % 8;
    int blocked = batch - batch % 4;
    for (int j = 0; j < sources; j++) {
      int start = colPtr[j];
      int end = colPtr[j + 1];
      for (int b0 = 0; b0 < sixteens; b0 += 16) {
        sixteenFlies(j, start, end, byCell, batch, b0, gradSource);
      }
      for (int b0 = sixteens; b0 < eights; b0 += 8) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int c = start; c < end; c++) {
          double wc = w[c];
          int row = target[c] * batch + b0;
          s0 += wc * byCell[row];
          s1 += wc * byCell[row + 1];
          s2 += wc * byCell[row + 2];
          s3 += wc * byCell[row + 3];
          s4 += wc * byCell[row + 4];
          s5 += wc * byCell[row + 5];
          s6 += wc * byCell[row + 6];
          s7 += wc * byCell[row + 7];
        }
        int at = b0 * sources + j;
        gradSource[at] += s0;
        gradSource[at + sources] += s1;
        gradSource[at + 2 * sources] += s2;
        gradSource[at + 3 * sources] += s3;
        gradSource[at + 4 * sources] += s4;
        gradSource[at + 5 * sources] += s5;
        gradSource[at + 6 * sources] += s6;
        gradSource[at + 7 * sources] += s7;
      }
      for (int b0 = eights; b0 < blocked; b0 += 4) { // the trainer's shards of four flies
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int c = start; c < end; c++) {
          double wc = w[c];
          int row = target[c] * batch + b0;
          s0 += wc * byCell[row];
          s1 += wc * byCell[row + 1];
          s2 += wc * byCell[row + 2];
          s3 += wc * byCell[row + 3];
        }
        int at = b0 * sources + j;
        gradSource[at] += s0;
        gradSource[at + sources] += s1;
        gradSource[at + 2 * sources] += s2;
        gradSource[at + 3 * sources] += s3;
      }
      for (int b = blocked; b < batch; b++) {
        double sum = 0;
        for (int c = start; c < end; c++) {
          sum += w[c] * byCell[target[c] * batch + b];
        }
        gradSource[b * sources + j] += sum;
      }
    }
  }

  /** Source j's sums for flies {@code [b0, b0 + 16)}: one pass over its edges (16 sums fit the registers). */
  private void sixteenFlies(int j, int start, int end, double[] byCell, int batch, int b0, double[] gradSource) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    double s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
    for (int c = start; c < end; c++) {
      double wc = w[c];
      int row = target[c] * batch + b0;
      s0 += wc * byCell[row];
      s1 += wc * byCell[row + 1];
      s2 += wc * byCell[row + 2];
      s3 += wc * byCell[row + 3];
      s4 += wc * byCell[row + 4];
      s5 += wc * byCell[row + 5];
      s6 += wc * byCell[row + 6];
      s7 += wc * byCell[row + 7];
      s8 += wc * byCell[row + 8];
      s9 += wc * byCell[row + 9];
      s10 += wc * byCell[row + 10];
      s11 += wc * byCell[row + 11];
      s12 += wc * byCell[row + 12];
      s13 += wc * byCell[row + 13];
      s14 += wc * byCell[row + 14];
      s15 += wc * byCell[row + 15];
    }
    int at = b0 * sources + j;
    gradSource[at] += s0;
    gradSource[at + sources] += s1;
    gradSource[at + 2 * sources] += s2;
    gradSource[at + 3 * sources] += s3;
    gradSource[at + 4 * sources] += s4;
    gradSource[at + 5 * sources] += s5;
    gradSource[at + 6 * sources] += s6;
    gradSource[at + 7 * sources] += s7;
    gradSource[at + 8 * sources] += s8;
    gradSource[at + 9 * sources] += s9;
    gradSource[at + 10 * sources] += s10;
    gradSource[at + 11 * sources] += s11;
    gradSource[at + 12 * sources] += s12;
    gradSource[at + 13 * sources] += s13;
    gradSource[at + 14 * sources] += s14;
    gradSource[at + 15 * sources] += s15;
  }

  /** {@code [B][N]} as {@code [N][B]}, in a buffer kept for the next step. */
  private double[] cellMajor(double[] byBatch, int batch) {
    int n = batch * targets;
    if (transposed == null || transposed.length != n) {
      transposed = new double[n];
    }
    // written row by row (each read stream advances one value per row), not fly by fly, which would
    // scatter every write to another cache line
    for (int i = 0; i < targets; i++) {
      int row = i * batch;
      for (int b = 0, from = i; b < batch; b++, from += targets) {
        transposed[row + b] = byBatch[from];
      }
    }
    return transposed;
  }

  @Override
  public double[] newAccumulator() {
    return new double[w.length];
  }

  @Override
  public void finishBackward(double[] accumulator) {
    beginEdgeGradients();
    for (int c = 0; c < w.length; c++) {
      addEdgeGradient(wiringEdge[c], accumulator[c]);
    }
    endEdgeGradients();
  }
}
