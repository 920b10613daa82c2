package org.neuromechfly.dmn.connectome.wiring;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.synthetic.OlfactoryStatistics;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/** Realises the rule-based connectivities (everything but {@code FromConnectome}) as edge lists. */
final class RuleConnectivity {

  private RuleConnectivity() {}

  static EdgeList realise(
      Connectivity rule, String label, int sources, int targets, SplittableRandom random) {
    if (rule instanceof Connectivity.OneToOne) {
      return oneToOne(label, sources, targets);
    } else if (rule instanceof Connectivity.Dense) {
      return dense(sources, targets);
    } else if (rule instanceof Connectivity.RandomFanIn r) {
      return randomFanIn(label, r.fanIn(), r.ipsilateral(), sources, targets, random);
    } else if (rule instanceof Connectivity.Glomerular g) {
      return glomerular(label, g.glomeruli(), sources, targets);
    }
    throw new IllegalArgumentException(label + ": not a rule-based connectivity: " + rule);
  }

  static EdgeList oneToOne(String label, int sources, int targets) {
    if (sources != targets) {
      throw new ConnectomeException(
          "projection " + label + ": one_to_one needs equal counts, but the source has " + sources
              + " cells and the target " + targets + ". Make the counts equal or use another rule.");
    }
    int[] rowPtr = new int[targets + 1];
    int[] sourceIndex = new int[targets];
    for (int t = 0; t < targets; t++) {
      rowPtr[t + 1] = t + 1;
      sourceIndex[t] = t;
    }
    return new EdgeList(sources, targets, rowPtr, sourceIndex, ones(targets));
  }

  static EdgeList dense(int sources, int targets) {
    int edges = Math.multiplyExact(sources, targets);
    int[] rowPtr = new int[targets + 1];
    int[] sourceIndex = new int[edges];
    for (int t = 0; t < targets; t++) {
      rowPtr[t + 1] = (t + 1) * sources;
      for (int s = 0; s < sources; s++) {
        sourceIndex[t * sources + s] = s;
      }
    }
    return new EdgeList(sources, targets, rowPtr, sourceIndex, ones(edges));
  }

  /**
   * Each target draws {@code fanIn} distinct sources uniformly. A partial Fisher–Yates shuffle over
   * a pool that persists between targets costs O(fanIn) per target and is still uniform, because
   * shuffling any permutation yields a uniform subset. {@code ipsilateral}: both populations are split
   * into a first (left) and second (right) half, and each target draws only from its own side, so a
   * left–right odour contrast survives the projection.
   */
  static EdgeList randomFanIn(
      String label, int fanIn, boolean ipsilateral, int sources, int targets, SplittableRandom random) {
    if (fanIn < 1) {
      throw new ConnectomeException(
          "projection " + label + ": random fan_in " + fanIn + " must be at least 1.");
    }
    int[][] pools = ipsilateral ? new int[][] {range(0, sources / 2), range(sources / 2, sources)} : new int[][] {range(0, sources)};
    int smallest = Arrays.stream(pools).mapToInt(p -> p.length).min().orElse(0);
    if (fanIn > smallest) {
      throw new ConnectomeException(
          "projection " + label + ": random fan_in " + fanIn + " exceeds the " + smallest
              + (ipsilateral ? " source cells on each side" : " source cells")
              + ", so targets cannot draw distinct inputs. Lower fan_in to at most " + smallest + " or use dense.");
    }
    int[] rowPtr = new int[targets + 1];
    int[] sourceIndex = new int[Math.multiplyExact(fanIn, targets)];
    for (int t = 0; t < targets; t++) {
      int[] pool = pools[ipsilateral && t >= targets / 2 ? 1 : 0];
      for (int k = 0; k < fanIn; k++) {
        int j = k + random.nextInt(pool.length - k);
        int swap = pool[k];
        pool[k] = pool[j];
        pool[j] = swap;
      }
      int start = t * fanIn;
      System.arraycopy(pool, 0, sourceIndex, start, fanIn);
      Arrays.sort(sourceIndex, start, start + fanIn);
      rowPtr[t + 1] = start + fanIn;
    }
    return new EdgeList(sources, targets, rowPtr, sourceIndex, ones(sourceIndex.length));
  }

  private static int[] range(int from, int to) {
    int[] cells = new int[to - from];
    Arrays.setAll(cells, i -> from + i);
    return cells;
  }

  /**
   * Splits both populations into {@code glomeruli} contiguous blocks and connects every source of a
   * block to every target of the same block. Cell {@code i} of {@code n} belongs to glomerulus
   * {@code floor(i * g / n)}, so block sizes differ by at most one when counts do not divide (ORN 50
   * → PN 150 with 25 glomeruli: 2 ORNs drive 6 PNs in each). With {@code glomeruli = 0} the count is
   * the synthetic olfactory default (51), lowered to the smaller population so no block is empty.
   */
  static EdgeList glomerular(String label, int glomeruli, int sources, int targets) {
    int g = glomeruli;
    if (g == 0) {
      g = Math.min(OlfactoryStatistics.GLOMERULI, Math.min(sources, targets));
    }
    if (g < 1 || g > Math.min(sources, targets)) {
      throw new ConnectomeException(
          "projection " + label + ": " + glomeruli + " glomeruli cannot be formed from " + sources
              + " source and " + targets + " target cells; every glomerulus needs at least one cell"
              + " on each side. Use between 1 and " + Math.min(sources, targets) + " glomeruli.");
    }
    int[] rowPtr = new int[targets + 1];
    int edges = 0;
    for (int t = 0; t < targets; t++) {
      int k = block(t, g, targets);
      edges += blockStart(k + 1, g, sources) - blockStart(k, g, sources);
      rowPtr[t + 1] = edges;
    }
    int[] sourceIndex = new int[edges];
    for (int t = 0; t < targets; t++) {
      int k = block(t, g, targets);
      int first = blockStart(k, g, sources);
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        sourceIndex[e] = first + (e - rowPtr[t]);
      }
    }
    return new EdgeList(sources, targets, rowPtr, sourceIndex, ones(edges));
  }

  /** The glomerulus of cell {@code i} of {@code n}. */
  static int block(int i, int g, int n) {
    return (int) ((long) i * g / n);
  }

  /** The first cell of glomerulus {@code k}: {@code ceil(k * n / g)}. */
  static int blockStart(int k, int g, int n) {
    return (int) (((long) k * n + g - 1) / g);
  }

  private static float[] ones(int n) {
    float[] ones = new float[n];
    Arrays.fill(ones, 1f);
    return ones;
  }
}
