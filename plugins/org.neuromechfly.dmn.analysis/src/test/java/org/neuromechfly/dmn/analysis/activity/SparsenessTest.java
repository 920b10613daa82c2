package org.neuromechfly.dmn.analysis.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparsenessTest {
  @Test
  void trevesRollsRunsFromEvenToSingleWindow() {
    assertEquals(0.0, ActivityAnalysis.trevesRolls(new double[] {3, 3, 3, 3}), 1e-15);
    assertEquals(1.0, ActivityAnalysis.trevesRolls(new double[] {0, 0, 5, 0}), 1e-15);
    // two of four windows alike: (1 - (2/4)^2 / (2/4)) / (1 - 1/4) = (1 - 0.5) / 0.75
    assertEquals(2.0 / 3.0, ActivityAnalysis.trevesRolls(new double[] {1, 0, 1, 0}), 1e-15);
    assertTrue(Double.isNaN(ActivityAnalysis.trevesRolls(new double[] {0, 0, 0})));
  }

  @Test
  void theStrongestStretchIsFound() {
    double[][][] drive = new double[2][10][2];
    drive[1][6][0] = 1;
    drive[1][7][1] = 2;
    drive[0][2][0] = 2.5;
    int[] start = ActivityAnalysis.strongestStretch(drive, 3);
    assertEquals(1, start[0], "episode");
    assertEquals(5, start[1], "the first window holding both steps 6 and 7");
  }
}
