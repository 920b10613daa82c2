package org.neuromechfly.dmn.connectome.graph;

import java.util.Arrays;

/**
 * The fixed connectivity of one projection in compressed sparse rows by target: the edges into target
 * {@code t} are {@code rowPtr[t] .. rowPtr[t+1]-1}, sorted by source index, with no duplicates. The
 * engine uses the layout directly for sparse kernels and {@link #denseMask()} for dense ones.
 *
 * <p>The record takes ownership of its arrays without copying them (a FlyWire-scale projection has
 * millions of edges); callers must not modify them afterwards. {@link #equals} compares contents.
 *
 * @param sourceCount cells in the presynaptic population
 * @param targetCount cells in the postsynaptic population
 * @param rowPtr {@code targetCount + 1} offsets into the edge arrays, starting at 0
 * @param sourceIndex presynaptic cell of each edge
 * @param synapses synapse count of each edge (1 for rule-based edges), always &gt; 0
 */
public record EdgeList(
    int sourceCount, int targetCount, int[] rowPtr, int[] sourceIndex, float[] synapses) {

  public EdgeList {
    if (sourceCount < 0 || targetCount < 0) {
      throw new IllegalArgumentException(
          "negative population size: " + sourceCount + " -> " + targetCount);
    }
    if (rowPtr == null || sourceIndex == null || synapses == null) {
      throw new IllegalArgumentException("rowPtr, sourceIndex and synapses must not be null");
    }
    if (rowPtr.length != targetCount + 1) {
      throw new IllegalArgumentException(
          "rowPtr has " + rowPtr.length + " entries, expected targetCount + 1 = " + (targetCount + 1));
    }
    if (sourceIndex.length != synapses.length) {
      throw new IllegalArgumentException(
          "sourceIndex has " + sourceIndex.length + " edges but synapses " + synapses.length);
    }
    if (rowPtr[0] != 0 || rowPtr[targetCount] != sourceIndex.length) {
      throw new IllegalArgumentException(
          "rowPtr must run from 0 to the edge count " + sourceIndex.length);
    }
    for (int t = 0; t < targetCount; t++) {
      checkRow(t, rowPtr, sourceIndex, synapses, sourceCount);
    }
  }

  private static void checkRow(
      int t, int[] rowPtr, int[] sourceIndex, float[] synapses, int sourceCount) {
    if (rowPtr[t + 1] < rowPtr[t]) {
      throw new IllegalArgumentException("rowPtr decreases at target " + t);
    }
    int previous = -1;
    for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
      int s = sourceIndex[e];
      if (s < 0 || s >= sourceCount) {
        throw new IllegalArgumentException(
            "edge " + e + " into target " + t + ": source " + s + " outside 0.." + (sourceCount - 1));
      }
      if (s <= previous) {
        throw new IllegalArgumentException(
            "edges into target " + t + " are not sorted by source or repeat source " + s);
      }
      if (!(synapses[e] > 0) || Float.isInfinite(synapses[e])) {
        throw new IllegalArgumentException(
            "edge " + s + " -> " + t + " has synapse count " + synapses[e] + "; counts must be > 0");
      }
      previous = s;
    }
  }

  /**
   * Builds the edge list of the non-zero entries of a dense matrix.
   *
   * @param sourceCount columns
   * @param targetCount rows
   * @param dense row-major {@code [target][source]} synapse counts; zero means no edge
   */
  public static EdgeList fromDense(int sourceCount, int targetCount, float[] dense) {
    if (dense.length != (long) sourceCount * targetCount) {
      throw new IllegalArgumentException(
          "dense matrix has " + dense.length + " entries, expected " + targetCount + " x " + sourceCount);
    }
    int nonZero = 0;
    for (float v : dense) {
      if (v != 0) {
        nonZero++;
      }
    }
    int[] rowPtr = new int[targetCount + 1];
    int[] sources = new int[nonZero];
    float[] counts = new float[nonZero];
    int e = 0;
    for (int t = 0; t < targetCount; t++) {
      for (int s = 0; s < sourceCount; s++) {
        float v = dense[t * sourceCount + s];
        if (v != 0) {
          sources[e] = s;
          counts[e++] = v;
        }
      }
      rowPtr[t + 1] = e;
    }
    return new EdgeList(sourceCount, targetCount, rowPtr, sources, counts);
  }

  /** An edge list without edges. */
  public static EdgeList empty(int sourceCount, int targetCount) {
    return new EdgeList(sourceCount, targetCount, new int[targetCount + 1], new int[0], new float[0]);
  }

  /** Number of edges (connected cell pairs). */
  public int edgeCount() {
    return sourceIndex.length;
  }

  /** Fraction of all source × target pairs that are connected; 0 for an empty population. */
  public float density() {
    long pairs = (long) sourceCount * targetCount;
    return pairs == 0 ? 0f : (float) ((double) edgeCount() / pairs);
  }

  /** Row-major {@code [target][source]} mask: 1 where an edge exists, else 0. */
  public float[] denseMask() {
    float[] mask = new float[Math.multiplyExact(sourceCount, targetCount)];
    for (int t = 0; t < targetCount; t++) {
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        mask[t * sourceCount + sourceIndex[e]] = 1f;
      }
    }
    return mask;
  }

  /** Row-major {@code [target][source]} synapse counts, 0 where no edge exists. */
  public float[] denseSynapses() {
    float[] dense = new float[Math.multiplyExact(sourceCount, targetCount)];
    for (int t = 0; t < targetCount; t++) {
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        dense[t * sourceCount + sourceIndex[e]] = synapses[e];
      }
    }
    return dense;
  }

  /** Number of edges into each target cell. */
  public int[] fanIn() {
    int[] fanIn = new int[targetCount];
    for (int t = 0; t < targetCount; t++) {
      fanIn[t] = rowPtr[t + 1] - rowPtr[t];
    }
    return fanIn;
  }

  /** Number of edges out of each source cell. */
  public int[] fanOut() {
    int[] fanOut = new int[sourceCount];
    for (int s : sourceIndex) {
      fanOut[s]++;
    }
    return fanOut;
  }

  /** Target cell of every edge, the COO companion of {@link #sourceIndex()}. */
  public int[] targetIndex() {
    int[] targets = new int[edgeCount()];
    for (int t = 0; t < targetCount; t++) {
      Arrays.fill(targets, rowPtr[t], rowPtr[t + 1], t);
    }
    return targets;
  }

  /** Total synapse count over all edges. */
  public double totalSynapses() {
    double sum = 0;
    for (float s : synapses) {
      sum += s;
    }
    return sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeList o
        && sourceCount == o.sourceCount
        && targetCount == o.targetCount
        && Arrays.equals(rowPtr, o.rowPtr)
        && Arrays.equals(sourceIndex, o.sourceIndex)
        && Arrays.equals(synapses, o.synapses);
  }

  @Override
  public int hashCode() {
    int h = 31 * sourceCount + targetCount;
    h = 31 * h + Arrays.hashCode(rowPtr);
    h = 31 * h + Arrays.hashCode(sourceIndex);
    return 31 * h + Arrays.hashCode(synapses);
  }

  @Override
  public String toString() {
    return "EdgeList[" + sourceCount + " -> " + targetCount + ", " + edgeCount() + " edges]";
  }
}
