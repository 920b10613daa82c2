package org.neuromechfly.dmn.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The few statistics the benchmarks report: medians of rounds, per-round ratios, relative differences. */
public final class Statistics {
  private Statistics() {}

  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> c = new ArrayList<>(values);
    c.sort(Double::compare);
    int n = c.size();
    return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
  }

  /**
   * The median over rounds of {@code numerator[r] / denominator[r]}: with contenders alternated round by
   * round, a load change hits both sides of each ratio alike.
   */
  public static double medianRatio(List<Double> numerator, List<Double> denominator) {
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < Math.min(numerator.size(), denominator.size()); r++) {
      ratios.add(numerator.get(r) / denominator.get(r));
    }
    return median(ratios);
  }

  /** ‖x − reference‖ / ‖reference‖, or ‖x − reference‖ when the reference is zero. */
  public static double relativeDifference(double[] x, double[] reference) {
    if (x.length != reference.length) {
      throw new IllegalArgumentException("lengths differ: " + x.length + " and " + reference.length);
    }
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      diff += (x[i] - reference[i]) * (x[i] - reference[i]);
      norm += reference[i] * reference[i];
    }
    return norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
  }
}
