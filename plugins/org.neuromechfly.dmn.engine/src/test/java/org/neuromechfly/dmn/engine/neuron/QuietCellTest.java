package org.neuromechfly.dmn.engine.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * Whether a cell left alone can still reach threshold decides when event-driven simulation may stop
 * stepping it; the answer must be that of stepping it, for states near and far from threshold and
 * for synaptic time constants shorter (Shiu et al.'s 5 ms against 20 ms) and longer than the membrane's.
 */
class QuietCellTest {

  @Test
  void canCrossAgreesWithSteppingTheCellForward() {
    SplittableRandom random = new SplittableRandom(3);
    int decided = 0;
    int crossing = 0;
    for (double[] taus : new double[][] {{20, 5}, {10, 30}}) {
      LifCells c = cells(taus[0], taus[1]);
      for (int trial = 0; trial < 20_000; trial++) {
        double u = random.nextDouble(-0.5, 1.0);
        double s = random.nextDouble() < 0.2 ? random.nextDouble(-0.5, 0.05) : random.nextDouble(0, 4);
        boolean stepped = reachesThreshold(c, u, s, 0.0);
        boolean predicted = QuietCell.canCross(c, 0, u, s, 0.0);
        if (Math.abs(peak(c, u, s) - c.theta[0]) > 1e-9) { // ties are rounding's to decide
          assertEquals(stepped, predicted, "u " + u + ", s " + s + ", taus " + taus[0] + "/" + taus[1]);
          decided++;
          crossing += stepped ? 1 : 0;
        }
      }
    }
    assertTrue(decided > 39_000 && crossing > 2_000 && crossing < decided - 2_000,
        decided + " decided, " + crossing + " crossing");
  }

  @Test
  void lookedUpPowersGiveTheBitsOfComputedOnes() {
    LifCells c = cells(20, 5);
    DecayPowers powers = DecayPowers.of(c, 1000);
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 5_000; trial++) {
      int k = random.nextInt(1, 1500); // beyond the table too
      double[] u = {random.nextDouble(-1, 1)};
      double[] s = {random.nextDouble() < 0.3 ? 0 : random.nextDouble(-1, 3)};
      double[] uLooked = u.clone();
      double[] sLooked = s.clone();
      QuietCell.advance(c, 0, k, u, s, 0);
      QuietCell.advance(c, 0, k, uLooked, sLooked, 0, powers);
      assertEquals(u[0], uLooked[0], 0.0);
      assertEquals(s[0], sLooked[0], 0.0);
    }
  }

  @Test
  void cellsWithTheirOwnDecaysHaveNoSharedPowers() {
    LifCells c = new LifCells(2, false, ResetMode.ZERO, 0,
        new SpikeFunction(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 4.0), false), true);
    c.beta[0] = 0.99;
    c.beta[1] = 0.98;
    assertEquals(null, DecayPowers.of(c, 10));
    c.beta[1] = 0.99;
    assertEquals(10, DecayPowers.of(c, 10).steps());
  }

  private static boolean reachesThreshold(LifCells c, double u, double s, double margin) {
    return peak(c, u, s) > c.theta[0] - margin;
  }

  /** The highest membrane over the next 20,000 quiet steps, stepped one by one. */
  private static double peak(LifCells c, double u, double s) {
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 20_000; k++) {
      s = LifStep.decayed(c.alpha[0], s, 0);
      u = LifStep.integrated(c.beta[0], u, c.leak[0], s, c.bias[0]);
      best = Math.max(best, u);
    }
    return best;
  }

  private static LifCells cells(double tauMemMs, double tauSynMs) {
    LifCells c = new LifCells(1, false, ResetMode.ZERO, 0,
        new SpikeFunction(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 4.0), false), true);
    double dt = 0.1;
    c.beta[0] = Math.exp(-dt / tauMemMs);
    c.leak[0] = 1 - c.beta[0];
    c.alpha[0] = Math.exp(-dt / tauSynMs);
    c.theta[0] = 1.0;
    c.bias[0] = 0.0;
    return c;
  }
}
