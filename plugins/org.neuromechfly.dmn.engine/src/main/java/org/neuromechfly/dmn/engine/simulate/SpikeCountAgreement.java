package org.neuromechfly.dmn.engine.simulate;

import java.util.Locale;
import org.neuromechfly.dmn.engine.stats.Correlation;

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
        pairs == 0 ? 1 : identicalPairs / (double) pairs, Correlation.pearson(xa, xb), sa, sb);
  }

  public String describe() {
    return String.format(Locale.ROOT, "agreement over the %d neurons that spiked in either: identical counts in every"
        + " trial for %.2f %% of them, identical (neuron, trial) counts %.3f %%, rate correlation %.6f; spikes %d vs %d",
        activeNeurons, 100 * identicalFraction, 100 * identicalPerTrialFraction, rateCorrelation, spikesA, spikesB);
  }
}
