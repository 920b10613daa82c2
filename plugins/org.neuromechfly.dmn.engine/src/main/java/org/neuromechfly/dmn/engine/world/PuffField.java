package org.neuromechfly.dmn.engine.world;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An intermittent odour plume of puffs carried by the wind, after the filament model of Farrell et
 * al. (2002, Environmental Fluid Mechanics 2:143–169): puffs leave the source at a fixed rate, travel
 * with the mean wind plus a large-scale lateral velocity that meanders, and grow by small-scale
 * turbulent diffusion, their radius² growing as σ₀² + 2·K·age while their peak falls as σ₀²/r² (the
 * odour they carry is conserved). The lateral velocity of the air a puff is released into is an
 * Ornstein–Uhlenbeck process of the release time (standard deviation {@code meander}, correlation
 * time {@link #MEANDER_TIME}); carried along with the air (Taylor's frozen turbulence), it bends the
 * plume into a snake whose sway grows with the distance downwind. Away from the source, puffs
 * separate: a fly meets odour as discrete encounters, as walking flies in turbulent plumes do (Demir
 * et al. 2020, eLife 9:e57524).
 *
 * <p>Each fly of a batch has its own realisation, drawn from the episode's seed; the plume starts
 * developed (released for as long as the wind needs to cross the arena before step 0). Concentration
 * is relative to a fresh puff's peak, and its gradient is analytic.
 */
final class PuffField implements OdourField {
  /** Correlation time of the plume's lateral meander, seconds. */
  static final double MEANDER_TIME = 1.0;
  /** Longest warm-up before step 0, seconds. */
  private static final double MAX_WARM_UP = 20.0;

  private final double sx;
  private final double sy;
  private final double ux;
  private final double uy;
  private final double speed;
  private final double radius2;
  private final double spread;
  private final double meander;
  private final double interval;
  private final double dt;
  private final double width;
  private final double height;
  private final int warmUp;

  private Fly[] flies;
  private long seed;

  /**
   * @param windFrom direction the wind comes from, radians counter-clockwise from +x
   * @param rate puffs per second
   * @param sigma initial puff radius, metres
   * @param spread eddy diffusivity K, m²/s
   * @param meander standard deviation of the lateral velocity, m/s
   */
  PuffField(double sourceX, double sourceY, double windSpeed, double windFrom, double rate, double sigma,
      double spread, double meander, double width, double height, double dt) {
    this.sx = sourceX;
    this.sy = sourceY;
    this.speed = windSpeed;
    this.ux = -windSpeed * Math.cos(windFrom);
    this.uy = -windSpeed * Math.sin(windFrom);
    this.radius2 = sigma * sigma;
    this.spread = spread;
    this.meander = meander;
    this.interval = 1.0 / rate;
    this.dt = dt;
    this.width = width;
    this.height = height;
    double farthest = 0;
    for (double[] corner : new double[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
      farthest = Math.max(farthest, Math.hypot(corner[0] - sourceX, corner[1] - sourceY));
    }
    double crossing = windSpeed > 0 ? Math.min(MAX_WARM_UP, farthest / windSpeed) : 0;
    this.warmUp = (int) Math.ceil(crossing / dt);
  }

  @Override
  public void begin(int batch, int steps, long episodeSeed) {
    seed = episodeSeed;
    flies = new Fly[batch];
    for (int b = 0; b < batch; b++) {
      flies[b] = new Fly(new SplittableRandom(episodeSeed ^ (0x9E3779B97F4A7C15L * (b + 1))));
      for (int s = -warmUp; s < 0; s++) {
        flies[b].step();
      }
      flies[b].prepare();
    }
  }

  @Override
  public void advance(int t) {
    if (t == 0) {
      return; // begin() left the field at step 0
    }
    for (Fly f : flies) {
      f.step();
      f.prepare();
    }
  }

  @Override
  public double concentration(int b, double x, double y, double[] gradient) {
    return flies[b].concentration(x, y, gradient);
  }

  @Override
  public double[][] picture(double width, double height, int nx, int ny, int steps, int samples) {
    PuffField copy = new PuffField(sx, sy, speed, Math.atan2(-uy, -ux), 1.0 / interval, Math.sqrt(radius2), spread,
        meander, this.width, this.height, dt);
    copy.begin(1, steps, seed);
    double[][] p = new double[ny][nx];
    int every = Math.max(1, steps / Math.max(1, samples));
    int taken = 0;
    for (int t = 0; t < steps; t++) {
      copy.advance(t);
      if (t % every != 0) {
        continue;
      }
      taken++;
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          p[j][i] += copy.concentration(0, (i + 0.5) * width / nx, (j + 0.5) * height / ny, null);
        }
      }
    }
    for (double[] row : p) {
      for (int i = 0; i < row.length; i++) {
        row[i] /= Math.max(1, taken);
      }
    }
    return p;
  }

  /** One fly's plume: its puffs and the meander of the air leaving the source. */
  private final class Fly {
    private final SplittableRandom random;
    private double[] x = new double[64];
    private double[] y = new double[64];
    private double[] vx = new double[64];
    private double[] vy = new double[64];
    private double[] age = new double[64];
    private double[] inverse2 = new double[64];
    private double[] peak = new double[64];
    private int count;
    private double lateral;
    private double untilRelease;

    Fly(SplittableRandom random) {
      this.random = random;
      this.lateral = meander * Gaussians.next(random);
    }

    /** One time step: the meander evolves, a puff leaves the source when due, every puff moves on. */
    void step() {
      double keep = Math.exp(-dt / MEANDER_TIME);
      lateral = keep * lateral + Math.sqrt(1 - keep * keep) * meander * Gaussians.next(random);
      untilRelease -= dt;
      if (untilRelease <= 0) {
        untilRelease += interval;
        release();
      }
      int kept = 0;
      for (int k = 0; k < count; k++) {
        x[k] += (ux + vx[k]) * dt;
        y[k] += (uy + vy[k]) * dt;
        age[k] += dt;
        double r = Math.sqrt(radius2 + 4 * spread * age[k]);
        boolean inArena = x[k] > -r && x[k] < width + r && y[k] > -r && y[k] < height + r;
        if (inArena) {
          x[kept] = x[k];
          y[kept] = y[k];
          vx[kept] = vx[k];
          vy[kept] = vy[k];
          age[kept] = age[k];
          kept++;
        }
      }
      count = kept;
    }

    private void release() {
      if (count == x.length) {
        int n = 2 * count;
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        vx = Arrays.copyOf(vx, n);
        vy = Arrays.copyOf(vy, n);
        age = Arrays.copyOf(age, n);
        inverse2 = Arrays.copyOf(inverse2, n);
        peak = Arrays.copyOf(peak, n);
      }
      // the lateral velocity is perpendicular to the wind
      double px = -uy / Math.max(speed, 1e-12);
      double py = ux / Math.max(speed, 1e-12);
      x[count] = sx;
      y[count] = sy;
      vx[count] = lateral * px;
      vy[count] = lateral * py;
      age[count] = 0;
      count++;
    }

    /** Per-puff constants of the current step. */
    void prepare() {
      for (int k = 0; k < count; k++) {
        double r2 = radius2 + 4 * spread * age[k];
        inverse2[k] = 1 / r2;
        peak[k] = radius2 / r2;
      }
    }

    double concentration(double px, double py, double[] gradient) {
      double c = 0;
      double gx = 0;
      double gy = 0;
      for (int k = 0; k < count; k++) {
        double dx = px - x[k];
        double dy = py - y[k];
        double e = (dx * dx + dy * dy) * inverse2[k];
        if (e >= 1) {
          continue; // outside the puff
        }
        double inside = 1 - e;
        c += peak[k] * inside * inside;
        // d/dx of peak·(1 − (dx² + dy²)/r²)² = −4·peak·(1 − e)·dx/r²
        double slope = 4 * peak[k] * inside * inverse2[k];
        gx -= slope * dx;
        gy -= slope * dy;
      }
      if (gradient != null) {
        gradient[0] = gx;
        gradient[1] = gy;
      }
      return c;
    }
  }
}
