package org.neuromechfly.dmn.analysis.simulate;

import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.engine.world.ForwardingEnvironment;

/**
 * A world seen through a recorder: passes every call on, and keeps the input current the world writes
 * into each sensory population at every step, so that what the fly sensed can be replayed outside the
 * world (the activity analysis's odour pulses). Populations of more than {@value #PER_CELL} cells are
 * kept as the mean of each half (left and right antenna: the world feeds halves alike), smaller ones
 * cell by cell.
 */
final class SensoryRecorder extends ForwardingEnvironment {
  static final int PER_CELL = 256;

  private final int[] cells;
  /** [population][b][t][channel]: per cell, or the two half means. */
  final double[][][][] drive;

  SensoryRecorder(Environment world, int[] sensoryCells) {
    super(world);
    this.cells = sensoryCells;
    this.drive = new double[cells.length][world.batch()][world.steps()][];
  }

  @Override
  public void sense(int t, double[][] inputs) {
    world.sense(t, inputs);
    for (int p = 0; p < cells.length; p++) {
      int n = cells[p];
      for (int b = 0; b < drive[p].length; b++) {
        drive[p][b][t] = n <= PER_CELL ? java.util.Arrays.copyOfRange(inputs[p], b * n, (b + 1) * n) : halves(inputs[p], b, n);
      }
    }
  }

  private static double[] halves(double[] input, int b, int n) {
    int half = n / 2;
    double left = 0;
    double right = 0;
    for (int i = 0; i < n; i++) {
      if (i < half) {
        left += input[b * n + i];
      } else {
        right += input[b * n + i];
      }
    }
    return new double[] {left / Math.max(1, half), right / Math.max(1, n - half)};
  }

}
