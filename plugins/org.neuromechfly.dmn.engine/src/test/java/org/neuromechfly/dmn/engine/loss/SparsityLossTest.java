package org.neuromechfly.dmn.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The soft active count: a fraction for sparse cells, a gradient that never vanishes for tonic ones. */
class SparsityLossTest {

  @Test
  void slopeIsTheDerivativeOfTheSoftCountEverywhere() {
    double h = 1e-6;
    for (double c = 0.05; c < 12; c += 0.173) {
      double fd = (SparsityLoss.softActive(c + h) - SparsityLoss.softActive(c - h)) / (2 * h);
      assertEquals(fd, SparsityLoss.softActiveSlope(c), 1e-8, "at " + c + " spikes");
    }
    // C1 across the switch to linear growth
    double s = SparsityLoss.SATURATION;
    assertEquals(SparsityLoss.softActive(s - 1e-9), SparsityLoss.softActive(s + 1e-9), 1e-8);
    assertEquals(SparsityLoss.softActiveSlope(s - 1e-9), SparsityLoss.softActiveSlope(s + 1e-9), 1e-8);
  }

  @Test
  void sparseCellsCountAsAFractionAndTonicCellsKeepAGradient() {
    assertEquals(0, SparsityLoss.softActive(0), 0);
    assertEquals(1 - Math.exp(-1), SparsityLoss.softActive(1), 1e-15);
    assertTrue(SparsityLoss.softActive(2) < 1);
    // a cell at 100 Hz fires 10 spikes per 100 ms window; 1 - exp(-c) would give it e^-10 of slope
    double tonic = SparsityLoss.softActiveSlope(10);
    assertTrue(tonic >= Math.exp(-SparsityLoss.SATURATION) - 1e-15, "tonic slope " + tonic);
    assertTrue(tonic > 400 * Math.exp(-10));
  }
}
