package org.neuromechfly.dmn.engine.stats;

import java.util.Arrays;

/**
 * Pearson and Spearman correlation. Spearman is Pearson on ranks, ties given their average rank (the
 * usual definition, as in scipy.stats.spearmanr); a constant variable has no correlation (NaN).
 */
public final class Correlation {
  private Correlation() {}

  /** Pearson's r of {@code x} and {@code y} (equal lengths); NaN when either is constant or n &lt; 2. */
  public static double pearson(double[] x, double[] y) {
    int n = x.length;
    if (n != y.length) {
      throw new IllegalArgumentException(n + " x values for " + y.length + " y values");
    }
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
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** Spearman's ρ of {@code x} and {@code y}. */
  public static double spearman(double[] x, double[] y) {
    return pearson(ranks(x), ranks(y));
  }

  /** Ranks 1..n, ties averaged. */
  public static double[] ranks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }
}
