package org.neuromechfly.dmn.engine.loss;

import java.util.List;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;

/**
 * Keeps spiking populations economical and biological: the mean spike output (an L1 term) plus the
 * squared relative violation of a firing-rate band per cell, {@code (relu(low − r)/low)² +
 * (relu(r − high)/high)²}, averaged over cells and batch. Graded populations are exempt. Spikes are
 * counted as the forward pass produces them ({@link #observe}), so no record of the episode is needed.
 */
public final class ActivityLoss {
  private final double weight;
  private final double low;
  private final double high;
  private final double dt;
  private final List<LifPopulation> populations;
  private double[][] counts;
  private double[][] perCell;
  private int steps;
  private int batch;
  private double perSpike;

  /**
   * @param weight loss weight
   * @param low lowest acceptable rate, Hz
   * @param high highest acceptable rate, Hz
   * @param dt step, seconds
   * @param populations the network's populations, in order
   */
  public ActivityLoss(double weight, double low, double high, double dt, List<LifPopulation> populations) {
    this.weight = weight;
    this.low = low;
    this.high = high;
    this.dt = dt;
    this.populations = List.copyOf(populations);
  }

  /** Starts an episode of {@code steps} steps of {@code batch} flies. */
  public void begin(int steps, int batch) {
    if (counts == null || this.batch != batch) {
      counts = new double[populations.size()][];
      perCell = new double[populations.size()][];
      for (int p = 0; p < counts.length; p++) {
        if (!populations.get(p).graded()) {
          counts[p] = new double[batch * populations.get(p).cells()];
          perCell[p] = new double[counts[p].length];
        }
      }
    }
    for (double[] c : counts) {
      if (c != null) {
        java.util.Arrays.fill(c, 0);
      }
    }
    this.steps = steps;
    this.batch = batch;
  }

  /** Counts population p's output at step t ({@code [B][N]}); steps arrive in order. */
  public void observe(int p, double[] output) {
    double[] c = counts[p];
    if (c == null) {
      return;
    }
    for (int k = 0; k < c.length; k++) {
      c[k] += output[k];
    }
  }

  /** The weighted loss of the episode observed; prepares its gradient. */
  public double evaluate() {
    long cellsTotal = 0;
    for (LifPopulation pop : populations) {
      if (!pop.graded()) {
        cellsTotal += pop.cells();
      }
    }
    if (cellsTotal == 0) {
      return 0;
    }
    double duration = steps * dt;
    double norm = weight / ((double) cellsTotal * batch);
    perSpike = norm / steps;
    double total = 0;
    for (int p = 0; p < counts.length; p++) {
      if (counts[p] == null) {
        continue;
      }
      for (int k = 0; k < counts[p].length; k++) {
        double count = counts[p][k];
        double rate = count / duration;
        total += perSpike * count;
        double g = 0;
        if (low > 0 && rate < low) {
          double v = (low - rate) / low;
          total += norm * v * v;
          g = -norm * 2 * v / low;
        } else if (high > 0 && rate > high) {
          double v = (rate - high) / high;
          total += norm * v * v;
          g = norm * 2 * v / high;
        }
        perCell[p][k] = g / duration;
      }
    }
    return total;
  }

  /** Adds d loss / d output of population p at any step (the term is time-invariant per episode). */
  public void addGradient(int p, double[] gradient) {
    double[] c = perCell == null ? null : perCell[p];
    if (c == null) {
      return;
    }
    for (int i = 0; i < c.length; i++) {
      gradient[i] += perSpike + c[i];
    }
  }
}
