package org.neuromechfly.dmn.export.loihi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpikeAgreementTest {

  private static SpikeAgreement measure(boolean[][] a, boolean[][] b) {
    SpikeAgreement.Counter c = new SpikeAgreement.Counter();
    c.add(a.length, 1, a[0].length, (t, e, n) -> a[t][n], (t, e, n) -> b[t][n]);
    return c.result("x", 1);
  }

  @Test
  void shiftsOfOneStepCountAsMatches() {
    boolean[][] a = new boolean[6][1];
    boolean[][] b = new boolean[6][1];
    a[1][0] = true;
    a[4][0] = true;
    b[2][0] = true; // one step late
    var ag = measure(a, b);
    assertEquals(2, ag.modelSpikes());
    assertEquals(1, ag.bundleSpikes());
    assertEquals(0.5, ag.countAgreement(), 1e-12);
    assertEquals(2.0 / 3.0, ag.matchedWithinOneStep(), 1e-12);
  }

  @Test
  void coincidenceFactorIsOneForIdenticalTrainsAndNearZeroForIndependentOnes() {
    SplittableRandom r = new SplittableRandom(3);
    int steps = 20000;
    boolean[][] a = new boolean[steps][5];
    boolean[][] b = new boolean[steps][5];
    for (int t = 0; t < steps; t++) {
      for (int n = 0; n < 5; n++) {
        a[t][n] = r.nextDouble() < 0.03;
        b[t][n] = r.nextDouble() < 0.03;
      }
    }
    assertEquals(1.0, measure(a, a).coincidence(), 1e-12);
    double independent = measure(a, b).coincidence();
    assertTrue(Math.abs(independent) < 0.05, "independent trains: " + independent);
    assertTrue(measure(a, b).countAgreement() > 0.9, "same rates: counts agree although spikes do not");
  }

  @Test
  void silenceOnBothSidesHasNoMeasures() {
    var ag = measure(new boolean[10][2], new boolean[10][2]);
    assertEquals(SpikeAgreement.SILENT, ag.status());
    assertNull(ag.countAgreement());
    assertNull(ag.coincidence());
  }
}
