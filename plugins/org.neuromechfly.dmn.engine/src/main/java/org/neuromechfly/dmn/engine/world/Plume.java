package org.neuromechfly.dmn.engine.world;

import java.util.SplittableRandom;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.PlumeModel;

/**
 * Odour concentration relative to the source peak: a Gaussian around the source, optionally times
 * seeded, temporally correlated log-normal fluctuations (one per batch element, seen by both antennae
 * alike so that the left–right contrast survives). Fluctuations are constants for the gradient.
 */
public final class Plume {
  private final double sx;
  private final double sy;
  private final double sigma2;
  private final boolean turbulent;
  private final double std;
  private final double rho;
  private double[][] factor;

  public Plume(NavigationTask task, WorldSettings settings) {
    this.sx = task.source().x().si();
    this.sy = task.source().y().si();
    double s = task.plumeSigma().si();
    this.sigma2 = s * s;
    this.turbulent = task.plume() == PlumeModel.TURBULENT;
    this.std = settings.turbulenceStd();
    this.rho = Math.exp(-task.dt().si() / settings.turbulenceTau());
  }

  /** Draws the fluctuations of an episode (no-op for a Gaussian plume). */
  public void begin(int batch, int steps, long seed) {
    if (!turbulent) {
      factor = null;
      return;
    }
    factor = new double[batch][steps];
    SplittableRandom random = new SplittableRandom(seed);
    double innovation = Math.sqrt(1 - rho * rho);
    for (int b = 0; b < batch; b++) {
      double eta = gaussian(random);
      for (int t = 0; t < steps; t++) {
        eta = rho * eta + innovation * gaussian(random);
        factor[b][t] = Math.exp(std * eta - std * std / 2);
      }
    }
  }

  /** Concentration at (x, y) for batch element b at step t. */
  public double concentration(int b, int t, double x, double y) {
    double dx = x - sx;
    double dy = y - sy;
    double c = Math.exp(-(dx * dx + dy * dy) / (2 * sigma2));
    return factor == null ? c : c * factor[b][t];
  }

  /** ∂c/∂x given the concentration c at (x, y). */
  public double dx(double c, double x) {
    return -c * (x - sx) / sigma2;
  }

  /** ∂c/∂y given the concentration c at (x, y). */
  public double dy(double c, double y) {
    return -c * (y - sy) / sigma2;
  }

  private static double gaussian(SplittableRandom r) {
    double u = Math.max(r.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
