package org.neuromechfly.dmn.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorrelationTest {

  @Test
  void ranksAverageTies() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlation.ranks(new double[] {1, 5, 5, 9}));
    assertArrayEquals(new double[] {3, 1, 2}, Correlation.ranks(new double[] {0.3, -2, 0}));
  }

  /** Values computed with scipy.stats.spearmanr / pearsonr (scipy 1.17.1). */
  @Test
  void matchesScipyOnASmallExample() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {2, 1, 4, 3, 7, 5};
    assertEquals(0.8285714285714287, Correlation.spearman(x, y), 1e-12);
    assertEquals(0.7917946548886294, Correlation.pearson(x, y), 1e-12);
    double[] ties = {1, 1, 2, 2, 3, 3};
    assertEquals(0.956182887467515, Correlation.spearman(ties, y), 1e-12);
  }

  @Test
  void monotoneIsOneAndConstantIsUndefined() {
    double[] x = {1, 2, 3, 10, 100};
    double[] y = Arrays.stream(x).map(Math::log).toArray();
    assertEquals(1.0, Correlation.spearman(x, y), 1e-15);
    assertTrue(Correlation.pearson(x, y) < 1);
    assertTrue(Double.isNaN(Correlation.spearman(x, new double[] {2, 2, 2, 2, 2})));
  }
}
