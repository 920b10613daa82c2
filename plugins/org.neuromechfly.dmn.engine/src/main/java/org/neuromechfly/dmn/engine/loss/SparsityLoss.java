package org.neuromechfly.dmn.engine.loss;

import java.util.Arrays;

/**
 * Sparse coding of one population (KC: 5–10 % respond to an odour): per window of {@code window}
 * steps (100 ms), the fraction of cells that fired, against a target fraction. "Fired" is the soft
 * count {@link #softActive}: 1 − exp(−c) for up to {@value #SATURATION} spikes, continued linearly
 * beyond, so a cell that fires tonically still feels the loss (with a purely saturating 1 − exp(−c)
 * the gradient of a cell at 100 Hz is e^−10 and, measured on the example circuit, a tenth of the KCs
 * went tonic mid-training and stayed there: 12–17 % active whatever the weight). The penalty is the
 * squared relative error {@code ((f − f*)/f*)²}, which keeps pulling when activity is far above
 * target (a plain quadratic with a small weight did not, NAVIGATION_NOTES.md).
 *
 * <p>Spikes are counted as the forward pass produces them ({@link #observe}) and each window is
 * scored when its last step arrives, so no record of the episode is needed.
 */
public final class SparsityLoss {
  /** Spike count per window beyond which the soft count grows linearly (its slope stays e^−3). */
  static final double SATURATION = 3;
  private final double weight;
  private final int population;
  private final double target;
  private final int window;
  private int steps;
  private int batch;
  private int cells;
  private double[][][] factor;
  private double[] counts;
  private double total;
  private double active;
  private double measured;

  /**
   * @param weight loss weight
   * @param population index of the population
   * @param target target active fraction (e.g. 0.02)
   * @param window window length in steps
   */
  public SparsityLoss(double weight, int population, double target, int window) {
    this.weight = weight;
    this.population = population;
    this.target = target;
    this.window = Math.max(1, window);
  }

  public int population() {
    return population;
  }

  /** Starts an episode of {@code steps} steps of {@code batch} flies of a population of {@code cells}. */
  public void begin(int steps, int batch, int cells) {
    int windows = (steps + window - 1) / window;
    if (factor == null || factor.length != batch || factor[0].length != windows || cells != this.cells) {
      factor = new double[batch][windows][cells];
      counts = new double[batch * cells];
    }
    this.steps = steps;
    this.batch = batch;
    this.cells = cells;
    total = 0;
    active = 0;
    measured = 0;
  }

  /** Counts the population's output at step t ({@code [B][N]}); steps arrive in order. */
  public void observe(int t, double[] output) {
    if (t % window == 0) {
      Arrays.fill(counts, 0);
    }
    for (int k = 0; k < counts.length; k++) {
      counts[k] += output[k];
    }
    if (t % window == window - 1 || t == steps - 1) {
      score(t / window);
    }
  }

  /** The window's loss and gradient factors, once its spikes are counted. */
  private void score(int w) {
    int windows = factor[0].length;
    double scale = weight / (batch * windows);
    for (int b = 0; b < batch; b++) {
      double f = 0;
      for (int n = 0; n < cells; n++) {
        double c = counts[b * cells + n];
        f += softActive(c);
        active += c >= 0.5 ? 1 : 0;
      }
      f /= cells;
      double rel = (f - target) / target;
      total += scale * rel * rel;
      double g = scale * 2 * rel / target / cells;
      for (int n = 0; n < cells; n++) {
        factor[b][w][n] = g * softActiveSlope(counts[b * cells + n]);
      }
    }
  }

  /** The weighted loss of the episode observed; prepares its gradient. */
  public double evaluate() {
    measured = active / ((double) batch * factor[0].length * cells);
    return total;
  }

  /** How much a cell with {@code count} spikes in a window counts as active (C¹, increasing). */
  static double softActive(double count) {
    return count <= SATURATION
        ? 1 - Math.exp(-count)
        : 1 - Math.exp(-SATURATION) + Math.exp(-SATURATION) * (count - SATURATION);
  }

  static double softActiveSlope(double count) {
    return Math.exp(-Math.min(count, SATURATION));
  }

  /** Fraction of cells that spiked at least once per window, averaged (the reported figure). */
  public double activeFraction() {
    return measured;
  }

  /** Adds d loss / d output at step t. */
  public void addGradient(int t, double[] gradient) {
    int w = t / window;
    for (int b = 0; b < factor.length; b++) {
      double[] f = factor[b][w];
      for (int n = 0; n < cells; n++) {
        gradient[b * cells + n] += f[n];
      }
    }
  }
}
