package org.neuromechfly.dmn.engine.behaviour;

import java.util.ArrayList;
import java.util.List;

/**
 * Odour encounters of one fly as discrete events, defined as Demir et al. (2020, eLife 9:e57524,
 * Methods) define them: the odour at the antennae above a detection threshold for at least 50 ms.
 * The threshold here is ten times the receptors' half-saturation concentration (the odour the ORN
 * model clearly responds to; {@code WorldSettings.halfSaturation}).
 *
 * @param onsets first step of each encounter
 * @param ends step after the last of each encounter
 */
record Encounters(int[] onsets, int[] ends) {
  /** Shortest encounter, seconds (Demir et al. 2020). */
  static final double MIN_DURATION = 0.050;

  static Encounters of(double[] odour, double threshold, double dt) {
    int min = (int) Math.round(MIN_DURATION / dt);
    List<int[]> found = new ArrayList<>();
    int start = -1;
    for (int t = 0; t <= odour.length; t++) {
      boolean on = t < odour.length && odour[t] > threshold;
      if (on && start < 0) {
        start = t;
      } else if (!on && start >= 0) {
        if (t - start >= min) {
          found.add(new int[] {start, t});
        }
        start = -1;
      }
    }
    return new Encounters(found.stream().mapToInt(e -> e[0]).toArray(), found.stream().mapToInt(e -> e[1]).toArray());
  }

  int count() {
    return onsets.length;
  }

  /** For every step: seconds since the last encounter onset at or before it (infinity before the first). */
  double[] sinceOnset(int steps, double dt) {
    double[] since = new double[steps];
    int k = -1;
    for (int t = 0; t < steps; t++) {
      while (k + 1 < onsets.length && onsets[k + 1] <= t) {
        k++;
      }
      since[t] = k < 0 ? Double.POSITIVE_INFINITY : (t - onsets[k]) * dt;
    }
    return since;
  }

  /** For every step: seconds since the end of the last encounter that ended at or before it (infinity if none or inside one). */
  double[] sinceEnd(int steps, double dt) {
    double[] since = new double[steps];
    java.util.Arrays.fill(since, Double.POSITIVE_INFINITY);
    for (int k = 0; k < ends.length; k++) {
      int next = k + 1 < onsets.length ? onsets[k + 1] : steps;
      for (int t = ends[k]; t < Math.min(next, steps); t++) {
        since[t] = (t - ends[k]) * dt;
      }
    }
    return since;
  }
}
