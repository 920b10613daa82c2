package org.neuromechfly.dmn.engine.network;

/**
 * Watches an episode's outputs as the forward pass produces them, step by step, so that what it
 * gathers (spike counts, a recording) needs no record of the whole episode: a kernel that recomputes
 * segments keeps none.
 */
public interface ActivityObserver {

  /** Starts an episode of {@code steps} steps of {@code batch} flies; forgets the last one. */
  void begin(int steps, int batch);

  /**
   * The output of one population at step t, {@code [B][N]}, as the kernel stores it (in its record's
   * precision); steps arrive in order, every population once per step. The row is the kernel's and
   * changes after the call: copy what is kept.
   */
  void observe(int population, int t, double[] output);
}
