package org.neuromechfly.dmn.engine.simulate;

import java.util.Locale;

/**
 * How far two simulators' spike counts agree, {@code [trial][neuron]} each: the fraction of neurons
 * whose count is identical in every trial, the fraction of (neuron, trial) counts that are identical,
 * both over the neurons that spiked in either simulator, and the Pearson correlation of the mean
 * rates over those neurons.
 */
public record SpikeCountAgreement(int activeNeurons, double identicalFraction, double identicalPerTrialFraction, double rateCorrelation,
    long spikesA, long spikesB) {

  public static SpikeCountAgreement of(int[][] a, int[][] b) {
    int trials = a.length;
    int cells = a[0].length;
    int active = 0;
    int identical = 0;
    long pairs = 0;
    long identicalPairs = 0;
    double[] ra = new double[cells];
    double[] rb = new double[cells];
    long sa = 0;
    long sb = 0;
    for (int k = 0; k < cells; k++) {
      boolean any = false;
      boolean same = true;
      for (int t = 0; t < trials; t++) {
        any |= a[t][k] > 0 || b[t][k] > 0;
        same &= a[t][k] == b[t][k];
        ra[k] += a[t][k];
        rb[k] += b[t][k];
        sa += a[t][k];
        sb += b[t][k];
      }
      if (any) {
        active++;
        identical += same ? 1 : 0;
        for (int t = 0; t < trials; t++) {
          pairs++;
          identicalPairs += a[t][k] == b[t][k] ? 1 : 0;
        }
      }
    }
    double[] xa = new double[active];
    double[] xb = new double[active];
    int i = 0;
    for (int k = 0; k < cells; k++) {
      if (ra[k] > 0 || rb[k] > 0) {
        xa[i] = ra[k];
        xb[i] = rb[k];
        i++;
      }
    }
    return new SpikeCountAgreement(active, active == 0 ? 1 : identical / (double) active,
        pairs == 0 ? 1 : identicalPairs / (double) pairs, pearson(xa, xb), sa, sb);
  }

  public static double pearson(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  public String describe() {
    return String.format(Locale.ROOT, "agreement over the %d neurons that spiked in either: identical counts in every"
        + " trial for %.2f %% of them, identical (neuron, trial) counts %.3f %%, rate correlation %.6f; spikes %d vs %d",
        activeNeurons, 100 * identicalFraction, 100 * identicalPerTrialFraction, rateCorrelation, spikesA, spikesB);
  }
}
