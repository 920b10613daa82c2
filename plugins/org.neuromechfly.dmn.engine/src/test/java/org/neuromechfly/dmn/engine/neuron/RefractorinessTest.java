package org.neuromechfly.dmn.engine.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * Training and simulation must run the same frozen refractory periods (Shiu et al.'s and Brian2's:
 * input dropped and the synaptic current cleared from the spike to the step after the period): the
 * whole-population step the fused kernel trains gives the bits of the cell-by-cell step that
 * {@code dmn simulate} runs and that agrees with Brian2.
 */
class RefractorinessTest {
  private static final int CELLS = 60;
  private static final int PERIOD = 3;

  @Test
  void trainedFrozenPeriodsGiveTheBitsOfSimulatedOnes() {
    LifCells c = shiuCells();
    SplittableRandom random = new SplittableRandom(7);
    int[] all = IntStream.range(0, CELLS).toArray();
    double[] synTrained = new double[CELLS];
    double[] uTrained = new double[CELLS];
    double[] vTrained = new double[CELLS];
    double[] outTrained = new double[CELLS];
    int[] leftTrained = new int[CELLS];
    double[] synSimulated = new double[CELLS];
    double[] uSimulated = new double[CELLS];
    double[] vSimulated = new double[CELLS];
    double[] outSimulated = new double[CELLS];
    int[] leftSimulated = new int[CELLS];
    byte[] rule = new byte[CELLS];
    byte[] record = new byte[CELLS];
    long spikes = 0;
    long dropped = 0;
    long dropsAfterPeriod = 0;
    for (int t = 0; t < 2_000; t++) {
      double[] input = new double[CELLS];
      for (int k = 0; k < CELLS; k++) {
        input[k] = random.nextDouble() < 0.3 ? random.nextDouble(-2, 12) : 0;
      }
      double[] trainedInput = input.clone();
      Refractoriness.dropInput(leftTrained, trainedInput, synTrained, CELLS);
      LifStep.forward(c, trainedInput, synTrained, uTrained, vTrained, outTrained, CELLS);
      Refractoriness.forward(c, PERIOD, true, leftTrained, record, 0, vTrained, outTrained, uTrained, CELLS);

      double[] before = uSimulated.clone();
      LifStep.forwardCells(c, 0, all, CELLS, input, rule, synSimulated, uSimulated, vSimulated, outSimulated);
      Refractoriness.forwardCells(c, RefractoryMode.FREEZE, 0, all, CELLS, PERIOD, null, leftSimulated, rule, before,
          vSimulated, outSimulated, uSimulated);

      assertArrayEquals(synSimulated, synTrained, 0.0, "synaptic current, step " + t);
      assertArrayEquals(vSimulated, vTrained, 0.0, "membrane, step " + t);
      assertArrayEquals(outSimulated, outTrained, 0.0, "spikes, step " + t);
      assertArrayEquals(uSimulated, uTrained, 0.0, "membrane after reset, step " + t);
      for (int k = 0; k < CELLS; k++) {
        spikes += (long) outTrained[k];
        dropped += (record[k] & Refractoriness.CLEARED) != 0 && input[k] != 0 ? 1 : 0;
        dropsAfterPeriod += record[k] == Refractoriness.CLEARED ? 1 : 0;
      }
    }
    assertTrue(spikes > 1_000 && dropped > 1_000 && dropsAfterPeriod > 500,
        spikes + " spikes, " + dropped + " inputs dropped, " + dropsAfterPeriod + " steps after a period");
  }

  private static LifCells shiuCells() {
    LifCells c = new LifCells(CELLS, false, ResetMode.ZERO, 0,
        new SpikeFunction(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 4.0), false), true);
    for (int n = 0; n < CELLS; n++) {
      c.beta[n] = Math.exp(-1.0 / 20);
      c.leak[n] = 1 - c.beta[n];
      c.alpha[n] = Math.exp(-1.0 / 5);
      c.theta[n] = 1.0;
    }
    return c;
  }
}
