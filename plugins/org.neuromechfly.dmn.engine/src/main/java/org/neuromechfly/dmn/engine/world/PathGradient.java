package org.neuromechfly.dmn.engine.world;

/**
 * d loss / d path, per fly and step {@code [B][T]}: with respect to the position after the step and to
 * the forward speed and turning rate commanded at the step.
 */
public record PathGradient(double[][] x, double[][] y, double[][] speed, double[][] turn) {

  PathGradient(int batch, int steps) {
    this(new double[batch][steps], new double[batch][steps], new double[batch][steps], new double[batch][steps]);
  }

  void clear() {
    for (double[][] a : new double[][][] {x, y, speed, turn}) {
      for (double[] row : a) {
        java.util.Arrays.fill(row, 0);
      }
    }
  }
}
