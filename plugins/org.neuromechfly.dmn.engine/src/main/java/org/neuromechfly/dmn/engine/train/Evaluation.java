package org.neuromechfly.dmn.engine.train;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.loss.TrajectoryMetrics;
import org.neuromechfly.dmn.engine.world.Trajectory;

/**
 * A forward-only evaluation on fixed starts.
 *
 * @param trajectory every fly's path
 * @param metrics navigation metrics
 * @param measures activity figures such as {@code active:KC}
 */
public record Evaluation(Trajectory trajectory, TrajectoryMetrics metrics, Map<String, Double> measures) {

  /** Joins trajectories of equal length along the batch. */
  static Trajectory concat(List<Trajectory> parts) {
    int n = parts.stream().mapToInt(Trajectory::batch).sum();
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    double[][] h = new double[n][];
    double[][] v = new double[n][];
    double[][] w = new double[n][];
    double[][] c = new double[n][];
    double[] sx = new double[n];
    double[] sy = new double[n];
    double[] sh = new double[n];
    boolean[] blank = new boolean[n];
    int i = 0;
    for (Trajectory p : parts) {
      for (int b = 0; b < p.batch(); b++, i++) {
        x[i] = p.x()[b];
        y[i] = p.y()[b];
        h[i] = p.heading()[b];
        v[i] = p.speed()[b];
        w[i] = p.turn()[b];
        c[i] = p.odour()[b];
        sx[i] = p.startX()[b];
        sy[i] = p.startY()[b];
        sh[i] = p.startHeading()[b];
        blank[i] = p.blank()[b];
      }
    }
    Trajectory first = parts.get(0);
    return new Trajectory(x, y, h, v, w, c, sx, sy, sh, blank, first.sourceX(), first.sourceY(), first.dt(),
        first.windSpeed(), first.windFrom());
  }
}
