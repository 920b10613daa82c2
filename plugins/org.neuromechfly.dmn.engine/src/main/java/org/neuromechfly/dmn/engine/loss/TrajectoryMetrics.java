package org.neuromechfly.dmn.engine.loss;

import java.util.HashSet;
import java.util.Set;
import org.neuromechfly.dmn.engine.world.Trajectory;

/**
 * How well a batch of flies navigated, averaged over flies.
 *
 * @param closestApproach mean closest distance to the source, metres
 * @param success fraction whose closest approach is within the success radius
 * @param pathEfficiency mean (start distance − closest distance) / path length up to the closest point
 * @param meanSpeed mean ground speed, m/s
 * @param exploration mean number of distinct 10 mm cells visited, relative to a straight run
 */
public record TrajectoryMetrics(
    double closestApproach, double success, double pathEfficiency, double meanSpeed, double exploration) {

  /**
   * Metrics of a trajectory; success when the closest approach is at most {@code successRadius}. Flies
   * on blank trials (no odour) are left out; NaN when every fly walked one.
   */
  public static TrajectoryMetrics of(Trajectory tr, double successRadius) {
    int batch = 0;
    for (boolean blank : tr.blank()) {
      batch += blank ? 0 : 1;
    }
    int steps = tr.steps();
    double closest = 0;
    double success = 0;
    double efficiency = 0;
    double speed = 0;
    double explore = 0;
    double cell = 0.01;
    for (int b = 0; b < tr.batch(); b++) {
      if (tr.blank()[b]) {
        continue;
      }
      double px = tr.startX()[b];
      double py = tr.startY()[b];
      double start = Math.hypot(px - tr.sourceX(), py - tr.sourceY());
      double best = start;
      double length = 0;
      double lengthAtBest = 0;
      Set<Long> visited = new HashSet<>();
      for (int t = 0; t < steps; t++) {
        double x = tr.x()[b][t];
        double y = tr.y()[b][t];
        length += Math.hypot(x - px, y - py);
        double d = tr.distance(b, t);
        if (d < best) {
          best = d;
          lengthAtBest = length;
        }
        visited.add(((long) Math.floor(x / cell) << 32) ^ (long) Math.floor(y / cell));
        px = x;
        py = y;
      }
      closest += best;
      success += best <= successRadius ? 1 : 0;
      efficiency += lengthAtBest > 0 ? Math.max(0, start - best) / lengthAtBest : 0;
      speed += length / (steps * tr.dt());
      explore += visited.size() / Math.max(1.0, length / cell);
    }
    return new TrajectoryMetrics(
        closest / batch, success / batch, efficiency / batch, speed / batch, explore / batch);
  }
}
