package org.neuromechfly.dmn.engine.world;

import java.util.SplittableRandom;

/**
 * A static Gaussian around the source, optionally times seeded, temporally correlated log-normal
 * fluctuations (one per fly, seen by both antennae alike so that the left–right contrast survives):
 * the {@code gaussian} and {@code turbulent} plumes.
 */
final class GaussianField implements OdourField {
  private final double sx;
  private final double sy;
  private final double sigma2;
  private final boolean fluctuating;
  private final double std;
  private final double rho;
  private double[][] factor;
  private int t;

  GaussianField(double sourceX, double sourceY, double sigma, boolean fluctuating, double std, double tau, double dt) {
    this.sx = sourceX;
    this.sy = sourceY;
    this.sigma2 = sigma * sigma;
    this.fluctuating = fluctuating;
    this.std = std;
    this.rho = Math.exp(-dt / tau);
  }

  @Override
  public void begin(int batch, int steps, long seed) {
    t = 0;
    if (!fluctuating) {
      factor = null;
      return;
    }
    factor = new double[batch][steps];
    SplittableRandom random = new SplittableRandom(seed);
    double innovation = Math.sqrt(1 - rho * rho);
    for (int b = 0; b < batch; b++) {
      double eta = Gaussians.next(random);
      for (int s = 0; s < steps; s++) {
        eta = rho * eta + innovation * Gaussians.next(random);
        factor[b][s] = Math.exp(std * eta - std * std / 2);
      }
    }
  }

  @Override
  public void advance(int step) {
    t = step;
  }

  @Override
  public double concentration(int b, double x, double y, double[] gradient) {
    double dx = x - sx;
    double dy = y - sy;
    double c = Math.exp(-(dx * dx + dy * dy) / (2 * sigma2));
    if (factor != null) {
      c *= factor[b][t];
    }
    if (gradient != null) {
      gradient[0] = -c * dx / sigma2;
      gradient[1] = -c * dy / sigma2;
    }
    return c;
  }

  @Override
  public double[][] picture(double width, double height, int nx, int ny, int steps, int samples) {
    double[][] p = new double[ny][nx];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double dx = (i + 0.5) * width / nx - sx;
        double dy = (j + 0.5) * height / ny - sy;
        p[j][i] = Math.exp(-(dx * dx + dy * dy) / (2 * sigma2));
      }
    }
    return p;
  }
}
