package org.neuromechfly.dmn.engine.loss;

import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.PopulationState;

/**
 * Keeps spiking populations economical and biological: the mean spike output (an L1 term) plus the
 * squared relative violation of a firing-rate band per cell, {@code (relu(low − r)/low)² +
 * (relu(r − high)/high)²}, averaged over cells and batch. Graded populations are exempt.
 */
public final class ActivityLoss {
  private final double weight;
  private final double low;
  private final double high;
  private final double dt;
  private double[][] perCell;
  private double perSpike;

  /**
   * @param weight loss weight
   * @param low lowest acceptable rate, Hz
   * @param high highest acceptable rate, Hz
   * @param dt step, seconds
   */
  public ActivityLoss(double weight, double low, double high, double dt) {
    this.weight = weight;
    this.low = low;
    this.high = high;
    this.dt = dt;
  }

  /** Evaluates the term and prepares its gradient; returns the weighted loss. */
  public double evaluate(NetworkActivity activity) {
    int pops = activity.populationCount();
    long cellsTotal = 0;
    for (int p = 0; p < pops; p++) {
      if (!activity.population(p).graded()) {
        cellsTotal += activity.state(p).cells();
      }
    }
    perCell = new double[pops][];
    if (cellsTotal == 0) {
      return 0;
    }
    PopulationState any = activity.state(0);
    int steps = any.steps();
    int batch = any.batch();
    double duration = steps * dt;
    double norm = weight / ((double) cellsTotal * batch);
    perSpike = norm / steps;
    double total = 0;
    for (int p = 0; p < pops; p++) {
      if (activity.population(p).graded()) {
        continue;
      }
      PopulationState st = activity.state(p);
      int cells = st.cells();
      perCell[p] = new double[batch * cells];
      double[] counts = new double[batch * cells];
      double[] row = new double[counts.length];
      // time-major sweep: the trace is [T][B][N], so this reads it sequentially
      for (int t = 0; t < steps; t++) {
        st.outputTrace().read(t * counts.length, row, counts.length);
        for (int k = 0; k < counts.length; k++) {
          counts[k] += row[k];
        }
      }
      for (int k = 0; k < counts.length; k++) {
        double count = counts[k];
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
    double[] c = perCell[p];
    if (c == null) {
      return;
    }
    for (int i = 0; i < c.length; i++) {
      gradient[i] += perSpike + c[i];
    }
  }
}
