package org.neuromechfly.dmn.engine.simulate;

/**
 * The spikes of one trial in time order: spike i is cell {@code cell(i)} (index line of the
 * network) at step {@code step(i)}, emitted at the end of that step.
 */
public final class SpikeTrain {
  private final int steps;
  private final int size;
  private final int[] step;
  private final int[] cell;

  SpikeTrain(int steps, int size, int[] step, int[] cell) {
    this.steps = steps;
    this.size = size;
    this.step = step;
    this.cell = cell;
  }

  /** Steps simulated. */
  public int steps() {
    return steps;
  }

  /** Spikes in the trial. */
  public int spikeCount() {
    return step.length;
  }

  public int step(int i) {
    return step[i];
  }

  public int cell(int i) {
    return cell[i];
  }

  /** Spikes per cell of the index line. */
  public int[] counts() {
    int[] counts = new int[size];
    for (int c : cell) {
      counts[c]++;
    }
    return counts;
  }
}
