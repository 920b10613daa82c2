package org.neuromechfly.dmn.engine.synapse;

/**
 * The cells of a population whose output is non-zero at one step, fly by fly, in increasing order.
 * Spikes are sparse (a few per cent of cells per step), and the forward input and the weight gradient
 * only see active presynaptic cells: found once per population and step, these lists spare every
 * projection from the population a scan of all its cells in every fly.
 */
public final class ActiveCells {
  private final int cells;
  private final int batch;
  /** Fly b's active cells at {@code [b·cells, b·cells + count[b])}. */
  private final int[] index;
  private final int[] count;

  public ActiveCells(int cells, int batch) {
    this.cells = cells;
    this.batch = batch;
    this.index = new int[Math.multiplyExact(cells, batch)];
    this.count = new int[batch];
  }

  /** The lists of an output {@code [B][N]}: every entry that is not zero (NaN counts as active). */
  public static ActiveCells of(double[] output, int cells, int batch) {
    return new ActiveCells(cells, batch).find(output);
  }

  /** Finds the non-zero entries of {@code output} ({@code [B][N]}), replacing the lists. */
  public ActiveCells find(double[] output) {
    for (int b = 0; b < batch; b++) {
      int o = b * cells;
      int n = o;
      int j = 0;
      for (int end = cells - cells % 4; j < end; j += 4) {
        // most cells are silent: four at a time, and only a group with a spike is walked
        if (output[o + j] == 0 & output[o + j + 1] == 0 & output[o + j + 2] == 0 & output[o + j + 3] == 0) {
          continue;
        }
        for (int k = j; k < j + 4; k++) {
          index[n] = k;
          n += output[o + k] != 0 ? 1 : 0; // no branch to mispredict within the group
        }
      }
      for (; j < cells; j++) {
        index[n] = j;
        n += output[o + j] != 0 ? 1 : 0;
      }
      count[b] = n - o;
    }
    return this;
  }

  /** Active cells of fly {@code b}. */
  public int count(int b) {
    return count[b];
  }

  /** Where fly {@code b}'s list starts in {@link #indices()}. */
  public int start(int b) {
    return b * cells;
  }

  /** The lists, fly b's at {@code [start(b), start(b) + count(b))}; read only. */
  public int[] indices() {
    return index;
  }
}
