package org.neuromechfly.dmn.engine.world;

/**
 * Where each fly of a batch went and what it met: poses after every step, the commands it walked by,
 * the odour at its antennae, its start, and the world's source and wind.
 *
 * @param x {@code [B][T]} metres
 * @param y {@code [B][T]} metres
 * @param heading {@code [B][T]} radians, counter-clockwise from +x
 * @param speed {@code [B][T]} commanded forward speed, m/s
 * @param turn {@code [B][T]} commanded turning rate, rad/s
 * @param odour {@code [B][T]} the larger of the two antennae's concentrations, relative to the source peak
 * @param startX {@code [B]}
 * @param startY {@code [B]}
 * @param startHeading {@code [B]}
 * @param blank {@code [B]} whether the fly walked a blank trial (no odour)
 * @param sourceX odour source
 * @param sourceY odour source
 * @param dt step, seconds
 * @param windSpeed m/s (0 in still air)
 * @param windFrom direction the wind comes from (upwind), radians counter-clockwise from +x
 */
public record Trajectory(
    double[][] x,
    double[][] y,
    double[][] heading,
    double[][] speed,
    double[][] turn,
    double[][] odour,
    double[] startX,
    double[] startY,
    double[] startHeading,
    boolean[] blank,
    double sourceX,
    double sourceY,
    double dt,
    double windSpeed,
    double windFrom) {

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
