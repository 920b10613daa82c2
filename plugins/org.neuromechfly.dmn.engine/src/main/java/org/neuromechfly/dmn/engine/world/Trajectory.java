package org.neuromechfly.dmn.engine.world;

/**
 * Where each fly of a batch went: positions after every step, and its start.
 *
 * @param x {@code [B][T]} metres
 * @param y {@code [B][T]} metres
 * @param speed {@code [B][T]} commanded forward speed, m/s
 * @param turn {@code [B][T]} commanded turning rate, rad/s
 * @param startX {@code [B]}
 * @param startY {@code [B]}
 * @param sourceX odour source
 * @param sourceY odour source
 * @param dt step, seconds
 */
public record Trajectory(
    double[][] x,
    double[][] y,
    double[][] speed,
    double[][] turn,
    double[] startX,
    double[] startY,
    double sourceX,
    double sourceY,
    double dt) {

  public int batch() {
    return x.length;
  }

  public int steps() {
    return x[0].length;
  }

  /** Distance to the source of fly b after step t. */
  public double distance(int b, int t) {
    return Math.hypot(x[b][t] - sourceX, y[b][t] - sourceY);
  }
}
