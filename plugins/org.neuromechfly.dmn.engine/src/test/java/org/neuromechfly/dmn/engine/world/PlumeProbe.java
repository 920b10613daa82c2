package org.neuromechfly.dmn.engine.world;

import java.util.Locale;

/**
 * Manual experiment (not a test): statistics of the puff plume at fixed points downwind of the source
 * — intermittency, encounter rate and duration as Demir et al. 2020 define them — to choose the
 * example's plume settings. Args: wind(mm/s) rate(Hz) sigma(mm) spread(mm2/s) meander(mm/s) threshold.
 */
public final class PlumeProbe {
  public static void main(String[] args) {
    double wind = arg(args, 0, 150) * 1e-3;
    double rate = arg(args, 1, 10);
    double sigma = arg(args, 2, 4) * 1e-3;
    double spread = arg(args, 3, 50) * 1e-6;
    double meander = arg(args, 4, 15) * 1e-3;
    double threshold = arg(args, 5, 1e-3);
    double dt = 1e-3;
    int steps = 5000;
    int flies = 16;
    PuffField field = new PuffField(0.27, 0.09, wind, 0, rate, sigma, spread, meander, 0.3, 0.18, dt);
    double[] distances = {0.01, 0.03, 0.05, 0.08, 0.12};
    double[] offsets = {0, 0.005, 0.01, 0.02};
    for (double lateral : offsets) {
      for (double d : distances) {
        field.begin(flies, steps, 7);
        double[][] c = new double[flies][steps];
        for (int t = 0; t < steps; t++) {
          field.advance(t);
          for (int b = 0; b < flies; b++) {
            c[b][t] = field.concentration(b, 0.27 - d, 0.09 + lateral, null);
          }
        }
        double above = 0;
        int encounters = 0;
        double duration = 0;
        double mean = 0;
        for (int b = 0; b < flies; b++) {
          int run = 0;
          for (int t = 0; t <= steps; t++) {
            boolean on = t < steps && c[b][t] > threshold;
            if (t < steps) {
              mean += c[b][t];
            }
            if (on) {
              run++;
              above++;
            } else {
              if (run >= 50) {
                encounters++;
                duration += run;
              }
              run = 0;
            }
          }
        }
        System.out.printf(Locale.ROOT, "lateral %4.0f mm  downwind %4.0f mm: intermittency %.3f  encounters %.2f Hz"
            + "  mean duration %5.0f ms  mean c %.2e%n", lateral * 1e3, d * 1e3, above / (flies * steps),
            encounters / (flies * steps * dt), encounters == 0 ? 0 : duration / encounters, mean / (flies * steps));
      }
    }
  }

  private static double arg(String[] a, int i, double d) {
    return a.length > i ? Double.parseDouble(a[i]) : d;
  }
}
