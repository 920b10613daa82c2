package org.neuromechfly.dmn.connectome.graph;

import java.util.Arrays;

/**
 * Collects edges in any order, with repeats, and builds the sorted, duplicate-free {@link EdgeList}:
 * synapse counts of repeated (source, target) pairs are summed, as when a connectome lists one row
 * per (pre, post, roi) and a projection takes several rois.
 */
public final class EdgeListBuilder {

  private final int sourceCount;
  private final int targetCount;
  private int[] targets = new int[64];
  private int[] sources = new int[64];
  private float[] synapses = new float[64];
  private int size;

  public EdgeListBuilder(int sourceCount, int targetCount) {
    this.sourceCount = sourceCount;
    this.targetCount = targetCount;
  }

  /** Adds {@code count} synapses from {@code source} to {@code target}. */
  public EdgeListBuilder add(int source, int target, float count) {
    if (source < 0 || source >= sourceCount || target < 0 || target >= targetCount) {
      throw new IndexOutOfBoundsException(
          "edge " + source + " -> " + target + " outside " + sourceCount + " x " + targetCount);
    }
    if (size == targets.length) {
      int capacity = Math.max(64, size + (size >> 1));
      targets = Arrays.copyOf(targets, capacity);
      sources = Arrays.copyOf(sources, capacity);
      synapses = Arrays.copyOf(synapses, capacity);
    }
    targets[size] = target;
    sources[size] = source;
    synapses[size++] = count;
    return this;
  }

  /** Builds the edge list keeping only pairs whose summed count is at least {@code minSynapses}. */
  public EdgeList build(double minSynapses) {
    // Counting sort by target, then per-row sort by source on (source, count bits) packed in a long.
    int[] rowStart = new int[targetCount + 1];
    for (int i = 0; i < size; i++) {
      rowStart[targets[i] + 1]++;
    }
    for (int t = 0; t < targetCount; t++) {
      rowStart[t + 1] += rowStart[t];
    }
    long[] packed = new long[size];
    int[] fill = Arrays.copyOf(rowStart, targetCount);
    for (int i = 0; i < size; i++) {
      packed[fill[targets[i]]++] =
          ((long) sources[i] << 32) | (Float.floatToRawIntBits(synapses[i]) & 0xffffffffL);
    }
    int[] rowPtr = new int[targetCount + 1];
    int[] outSources = new int[size];
    float[] outCounts = new float[size];
    int e = 0;
    for (int t = 0; t < targetCount; t++) {
      Arrays.sort(packed, rowStart[t], rowStart[t + 1]);
      int i = rowStart[t];
      while (i < rowStart[t + 1]) {
        int source = (int) (packed[i] >>> 32);
        double sum = 0;
        for (; i < rowStart[t + 1] && (int) (packed[i] >>> 32) == source; i++) {
          sum += Float.intBitsToFloat((int) packed[i]);
        }
        if (sum >= minSynapses && sum > 0) {
          outSources[e] = source;
          outCounts[e++] = (float) sum;
        }
      }
      rowPtr[t + 1] = e;
    }
    return new EdgeList(
        sourceCount, targetCount, rowPtr, Arrays.copyOf(outSources, e), Arrays.copyOf(outCounts, e));
  }
}
