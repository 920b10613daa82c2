package org.neuromechfly.dmn.engine.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * {@link LifStep#backward} runs fly by fly over copied rows (so that Java 17's compiler vectorises it);
 * this checks it against the element-by-element derivative of the step written out plainly, over a batch
 * of three flies of 37 cells (not a multiple of any vector width) with different constants per cell:
 * every gradient must be the same bits, including the per-cell sums that add the flies in order and the
 * membrane after the previous step's reset, which the step rebuilds from that step's membrane and output.
 */
class LifStepBackwardTest {
  private static final int CELLS = 37;
  private static final int BATCH = 3;

  @ParameterizedTest
  @CsvSource({"SUBTRACT, FAST_SIGMOID, false", "ZERO, SIGMOID, false", "SUBTRACT, ARCTAN, false",
      "ZERO, FAST_SIGMOID, true"})
  void rowByRowGivesTheBitsOfTheElementwiseDerivative(ResetMode reset, SurrogateKind kind, boolean graded) {
    Random random = new Random(7);
    SurrogateSpike surrogate = new SurrogateSpike(kind, 4);
    LifCells c = new LifCells(CELLS, graded, reset, 0, new SpikeFunction(surrogate, false), false);
    for (int n = 0; n < CELLS; n++) {
      c.beta[n] = 0.8 + 0.19 * random.nextDouble();
      c.leak[n] = 1 - c.beta[n];
      c.theta[n] = 0.5 + random.nextDouble();
      c.bias[n] = random.nextGaussian();
    }
    int size = BATCH * CELLS;
    double[] v = gaussian(random, size);
    double[] s = new double[size];
    for (int k = 0; k < size; k++) {
      s[k] = graded ? Math.max(0, v[k]) : v[k] > c.theta[k % CELLS] ? 1 : 0;
    }
    double[] vBefore = gaussian(random, size);
    double[] sBefore = new double[size];
    double[] before = new double[size]; // the membrane after the reset at t − 1, as the forward step leaves it
    for (int k = 0; k < size; k++) {
      int n = k % CELLS;
      sBefore[k] = graded ? Math.max(0, vBefore[k]) : vBefore[k] > c.theta[n] ? 1 : 0;
      before[k] = graded ? vBefore[k]
          : reset == ResetMode.SUBTRACT ? vBefore[k] - c.theta[n] * sBefore[k]
          : vBefore[k] * (1 - sBefore[k]) + c.resetValue * sBefore[k];
    }
    double[] gradOutput = gaussian(random, size);
    double[] carry = gaussian(random, size);

    double[] expectedCarry = carry.clone();
    double[] expectedDrive = new double[size];
    CellGradients expected = new CellGradients(CELLS);
    elementwise(c, surrogate, v, s, before, gradOutput, expectedCarry, expectedDrive, expected);

    double[] drive = new double[size];
    CellGradients actual = new CellGradients(CELLS);
    LifStep.backward(c, v, s, vBefore, sBefore, gradOutput.clone(), carry, new CellRows(CELLS), drive, actual,
        size);

    assertArrayEquals(expectedCarry, carry, 0);
    assertArrayEquals(expectedDrive, drive, 0);
    assertArrayEquals(expected.beta, actual.beta, 0);
    assertArrayEquals(expected.threshold, actual.threshold, 0);
    assertArrayEquals(expected.bias, actual.bias, 0);
  }

  /** The derivative of {@link LifStep}'s update, one element at a time in batch order. */
  private static void elementwise(LifCells c, SurrogateSpike surrogate, double[] v, double[] s, double[] before,
      double[] gradOutput, double[] carry, double[] drive, CellGradients acc) {
    for (int k = 0; k < v.length; k++) {
      int n = k % CELLS;
      double gv = carry[k];
      double g;
      if (c.graded) {
        g = gv + (v[k] > 0 ? gradOutput[k] : 0);
      } else {
        double sd = surrogate.derivative(v[k] - c.theta[n]);
        if (c.resetMode == ResetMode.SUBTRACT) {
          double gs = gradOutput[k] - c.theta[n] * gv;
          acc.threshold[n] += -gs * sd - gv * s[k];
          g = gv + gs * sd;
        } else {
          double gs = gradOutput[k] + gv * (c.resetValue - v[k]);
          acc.threshold[n] += -gs * sd;
          g = gv * (1 - s[k]) + gs * sd;
        }
      }
      double d = g * c.leak[n];
      acc.beta[n] += g * (before[k] - v[k]) / c.leak[n];
      acc.bias[n] += d;
      carry[k] = g * c.beta[n];
      drive[k] = d;
    }
  }

  private static double[] gaussian(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }
}
