package org.neuromechfly.dmn.engine.loss;

import org.neuromechfly.dmn.engine.world.PathGradient;
import org.neuromechfly.dmn.engine.world.PathLoss;
import org.neuromechfly.dmn.engine.world.Trajectory;

/**
 * Reaching the odour source, averaged over the batch:
 *
 * <pre>
 *   L = w · mean_b [ mean_t d_t / L₀                           time-averaged distance
 *                  − bonus · mean_t σ((R − d_t) / (R/4))        time inside the goal radius (smooth)
 *                  + away · mean_t relu(d_t − d_{t−1}) / (v_max·dt)   moving away
 *                  + final · d_{T−1} / L₀ ]                     where the episode ends
 * </pre>
 *
 * d_t is the distance to the source after step t, L₀ the distance from the start centre to the source.
 * Flies on blank trials (clean air) are not asked to reach the source: the mean is over the others.
 */
public final class NavigationLoss implements PathLoss {
  private final double weight;
  private final double radius;
  private final double scale;
  private final double bonus;
  private final double away;
  private final double finalWeight;
  private final double stepLength;
  private final double sx;
  private final double sy;

  public NavigationLoss(
      double weight,
      double goalRadius,
      double lengthScale,
      double bonus,
      double away,
      double finalWeight,
      double stepLength,
      double sourceX,
      double sourceY) {
    this.weight = weight;
    this.radius = goalRadius;
    this.scale = lengthScale;
    this.bonus = bonus;
    this.away = away;
    this.finalWeight = finalWeight;
    this.stepLength = stepLength;
    this.sx = sourceX;
    this.sy = sourceY;
  }

  @Override
  public String name() {
    return "navigation";
  }

  @Override
  public double evaluate(Trajectory path, PathGradient gradient) {
    double[][] x = path.x();
    double[][] y = path.y();
    double[] x0 = path.startX();
    double[] y0 = path.startY();
    double[][] gx = gradient.x();
    double[][] gy = gradient.y();
    int batch = 0;
    for (boolean b : path.blank()) {
      batch += b ? 0 : 1;
    }
    if (batch == 0) {
      return 0;
    }
    int steps = x[0].length;
    double per = weight / batch / steps;
    double softness = radius / 4;
    double total = 0;
    for (int b = 0; b < x.length; b++) {
      if (path.blank()[b]) {
        continue;
      }
      double pdx = x0[b] - sx;
      double pdy = y0[b] - sy;
      double previous = Math.max(Math.hypot(pdx, pdy), 1e-12);
      for (int t = 0; t < steps; t++) {
        double dx = x[b][t] - sx;
        double dy = y[b][t] - sy;
        double d = Math.max(Math.hypot(dx, dy), 1e-12);
        double inside = 1 / (1 + Math.exp(-(radius - d) / softness));
        double increase = d - previous;
        double value = d / scale - bonus * inside;
        double gd = 1 / scale + bonus * inside * (1 - inside) / softness;
        if (increase > 0) {
          value += away * increase / stepLength;
          gd += away / stepLength;
          if (t > 0) {
            // the increase also depends on the previous distance
            double gp = -per * away / stepLength;
            gx[b][t - 1] += gp * pdx / previous;
            gy[b][t - 1] += gp * pdy / previous;
          }
        }
        total += per * value;
        gd *= per;
        if (t == steps - 1) {
          total += weight / batch * finalWeight * d / scale;
          gd += weight / batch * finalWeight / scale;
        }
        gx[b][t] += gd * dx / d;
        gy[b][t] += gd * dy / d;
        pdx = dx;
        pdy = dy;
        previous = d;
      }
    }
    return total;
  }
}
