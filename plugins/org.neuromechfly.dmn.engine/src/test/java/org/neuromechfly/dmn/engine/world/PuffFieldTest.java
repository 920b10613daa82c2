package org.neuromechfly.dmn.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The puff plume: reproducible, intermittent where a plume should be, with an exact gradient. */
class PuffFieldTest {
  private static final double DT = 1e-3;

  private static PuffField field() {
    return new PuffField(0.27, 0.09, 0.15, 0, 5, 0.005, 30e-6, 0.015, 0.3, 0.18, DT);
  }

  private static double[] series(PuffField f, int fly, double x, double y, int steps) {
    double[] c = new double[steps];
    for (int t = 0; t < steps; t++) {
      f.advance(t);
      c[t] = f.concentration(fly, x, y, null);
    }
    return c;
  }

  @Test
  void theSameSeedGivesTheSamePlumeAndFliesGetTheirOwn() {
    PuffField a = field();
    PuffField b = field();
    a.begin(2, 2000, 5);
    b.begin(2, 2000, 5);
    double[] fly0 = series(a, 0, 0.22, 0.09, 2000);
    double[] again = series(b, 0, 0.22, 0.09, 2000);
    assertEquals(java.util.Arrays.toString(fly0), java.util.Arrays.toString(again));
    double differs = 0;
    PuffField d = field();
    d.begin(2, 2000, 5);
    for (int t = 0; t < 2000; t++) {
      d.advance(t);
      differs += Math.abs(d.concentration(0, 0.22, 0.09, null) - d.concentration(1, 0.22, 0.09, null));
    }
    assertTrue(differs > 0, "each fly has its own plume");
  }

  @Test
  void odourArrivesAsEncountersOnTheCentrelineAndNotFarToTheSide() {
    PuffField f = field();
    f.begin(8, 5000, 3);
    int above = 0;
    int onsets = 0;
    int aside = 0;
    for (int b = 0; b < 8; b++) {
      PuffField g = field();
      g.begin(8, 5000, 3);
      boolean on = false;
      for (int t = 0; t < 5000; t++) {
        g.advance(t);
        boolean now = g.concentration(b, 0.22, 0.09, null) > 1e-3;
        above += now ? 1 : 0;
        onsets += now && !on ? 1 : 0;
        on = now;
        aside += g.concentration(b, 0.24, 0.13, null) > 1e-3 ? 1 : 0;
      }
    }
    double intermittency = above / (8.0 * 5000);
    double rate = onsets / (8 * 5.0);
    assertTrue(intermittency > 0.1 && intermittency < 0.6, "centreline intermittency " + intermittency);
    assertTrue(rate > 1 && rate < 8, "encounters per second " + rate);
    assertEquals(0, aside, "40 mm to the side, 30 mm downwind, there is no odour");
  }

  @Test
  void theGradientIsTheDerivativeOfTheConcentration() {
    PuffField f = field();
    f.begin(1, 1000, 9);
    SplittableRandom r = new SplittableRandom(1);
    double[] g = new double[2];
    int checked = 0;
    for (int t = 0; t < 1000; t++) {
      f.advance(t);
      double x = 0.18 + 0.08 * r.nextDouble();
      double y = 0.07 + 0.04 * r.nextDouble();
      double c = f.concentration(0, x, y, g);
      if (c <= 1e-4) {
        continue;
      }
      double h = 1e-7;
      double dx = (f.concentration(0, x + h, y, null) - f.concentration(0, x - h, y, null)) / (2 * h);
      double dy = (f.concentration(0, x, y + h, null) - f.concentration(0, x, y - h, null)) / (2 * h);
      assertEquals(dx, g[0], 1e-5 * Math.max(1, Math.abs(dx)));
      assertEquals(dy, g[1], 1e-5 * Math.max(1, Math.abs(dy)));
      checked++;
    }
    assertTrue(checked > 50, "points inside the plume: " + checked);
  }
}
