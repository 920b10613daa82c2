package org.neuromechfly.dmn.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.stats.Correlation;

class ShufflesTest {

  @Test
  void shufflesKeepEachTargetsCountsAndDetectPartnerSpecificAgreement() {
    SplittableRandom random = new SplittableRandom(3);
    int targets = 200;
    int fanIn = 6;
    double[] counts = new double[targets * fanIn];
    int[] target = new int[counts.length];
    double[] learned = new double[counts.length];
    double[] cellDrive = new double[counts.length];
    for (int t = 0; t < targets; t++) {
      double level = 1 + random.nextInt(20); // cells differ in overall input
      for (int k = 0; k < fanIn; k++) {
        int e = t * fanIn + k;
        target[e] = t;
        counts[e] = level + random.nextInt(10);
        learned[e] = counts[e] + random.nextDouble(); // knows each partner's count
        cellDrive[e] = level + random.nextDouble(); // knows only the cell's overall input
      }
    }
    Shuffles.Statistic spearman = Correlation::spearman;
    Shuffles.Test partner = Shuffles.test(learned, counts, target, spearman, 200, 1);
    Shuffles.Test drive = Shuffles.test(cellDrive, counts, target, spearman, 200, 1);
    // both correlate with the counts...
    assertTrue(partner.observed() > 0.9 && drive.observed() > 0.5, partner + " " + drive);
    // ...but only the partner-specific weights beat the degree-preserving shuffles
    assertTrue(partner.p() < 0.01 && partner.observed() > partner.nullHigh(), partner.toString());
    assertTrue(drive.p() > 0.05, drive.toString());
    assertTrue(drive.nullLow() < drive.observed() && drive.observed() < drive.nullHigh(), drive.toString());
    // the same seed gives the same null
    assertEquals(partner, Shuffles.test(learned, counts, target, spearman, 200, 1));
  }

  @Test
  void shufflesPermuteWithinTargetsOnly() {
    double[] counts = {1, 2, 3, 10, 20, 30};
    int[] target = {0, 0, 0, 1, 1, 1};
    double[] captured = new double[6];
    Shuffles.nullDistribution(new double[6], counts, target, (v, c) -> {
      System.arraycopy(c, 0, captured, 0, 6);
      return 0;
    }, 5, 9);
    double[] first = Arrays.copyOfRange(captured, 0, 3);
    double[] second = Arrays.copyOfRange(captured, 3, 6);
    Arrays.sort(first);
    Arrays.sort(second);
    assertArrayEquals(new double[] {1, 2, 3}, first);
    assertArrayEquals(new double[] {10, 20, 30}, second);
  }
}
