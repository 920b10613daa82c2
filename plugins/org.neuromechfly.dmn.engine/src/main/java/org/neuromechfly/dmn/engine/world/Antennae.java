package org.neuromechfly.dmn.engine.world;

/**
 * Bilateral odour sensing with adapting receptor neurons. Each antenna samples the plume beside the
 * head; the first half of the sensory population listens to the left antenna, the second half to the
 * right. Input current = g·(φ − a) with φ = log(1 + c/c0) and a a running average (time constant
 * {@link WorldSettings#adaptationTau()}) of φ over both antennae: receptors report change and left–right contrast rather than
 * absolute concentration (the prototype's step from ~5 % to 20–25 % success).
 */
final class Antennae {
  private final OdourField plume;
  private final int cells;
  private final int batch;
  private final double gain;
  private final double c0;
  private final double keep;
  private final double lateral;
  private final double forward;
  // per [b][t]: concentrations, log-responses, adaptation state
  private final double[][] cLeft;
  private final double[][] cRight;
  private final double[][] phiLeft;
  private final double[][] phiRight;
  // per [b][t]: ∂c/∂x, ∂c/∂y at each antenna (the field is not the fly's doing: kept, not recomputed)
  private final double[][] gxLeft;
  private final double[][] gyLeft;
  private final double[][] gxRight;
  private final double[][] gyRight;
  private final double[] scratch = new double[2];
  /** Flies of the current episode that walk in clean air (blank trials). */
  private boolean[] blank;
  private final double[] adaptation;
  private final double[] gradAdaptation;

  Antennae(OdourField plume, WorldSettings s, int cells, int batch, int steps, double dt) {
    if (cells < 2) {
      throw new IllegalArgumentException("the sensory population needs at least 2 cells (left, right)");
    }
    this.plume = plume;
    this.cells = cells;
    this.batch = batch;
    this.gain = s.ornGain();
    this.c0 = s.halfSaturation();
    this.keep = Math.exp(-dt / s.adaptationTau());
    this.lateral = s.antennaLateral();
    this.forward = s.antennaForward();
    cLeft = new double[batch][steps];
    cRight = new double[batch][steps];
    phiLeft = new double[batch][steps];
    phiRight = new double[batch][steps];
    gxLeft = new double[batch][steps];
    gyLeft = new double[batch][steps];
    gxRight = new double[batch][steps];
    gyRight = new double[batch][steps];
    adaptation = new double[batch];
    gradAdaptation = new double[batch];
  }

  /** Starts adapted to the odour at the start pose, so the first step carries no onset transient. */
  void begin(double[] x, double[] y, double[] h, boolean[] cleanAir) {
    this.blank = cleanAir;
    for (int b = 0; b < batch; b++) {
      double l = blank[b] ? 0 : response(plume.concentration(b, leftX(x[b], h[b]), leftY(y[b], h[b]), null));
      double r = blank[b] ? 0 : response(plume.concentration(b, rightX(x[b], h[b]), rightY(y[b], h[b]), null));
      adaptation[b] = (l + r) / 2;
      gradAdaptation[b] = 0;
    }
  }

  /** Writes the sensory input of step t from the pose after step t − 1. */
  void sense(int t, double[] x, double[] y, double[] h, double[] input) {
    int half = cells / 2;
    for (int b = 0; b < batch; b++) {
      double cl = 0;
      double cr = 0;
      if (!blank[b]) {
        cl = plume.concentration(b, leftX(x[b], h[b]), leftY(y[b], h[b]), scratch);
        gxLeft[b][t] = scratch[0];
        gyLeft[b][t] = scratch[1];
        cr = plume.concentration(b, rightX(x[b], h[b]), rightY(y[b], h[b]), scratch);
        gxRight[b][t] = scratch[0];
        gyRight[b][t] = scratch[1];
      } else {
        gxLeft[b][t] = 0;
        gyLeft[b][t] = 0;
        gxRight[b][t] = 0;
        gyRight[b][t] = 0;
      }
      double pl = response(cl);
      double pr = response(cr);
      cLeft[b][t] = cl;
      cRight[b][t] = cr;
      phiLeft[b][t] = pl;
      phiRight[b][t] = pr;
      adaptation[b] = keep * adaptation[b] + (1 - keep) * (pl + pr) / 2;
      double il = gain * (pl - adaptation[b]);
      double ir = gain * (pr - adaptation[b]);
      for (int n = 0; n < cells; n++) {
        input[b * cells + n] = n < half ? il : ir;
      }
    }
  }

  /** Clears the adaptation carry before a backward pass. */
  void beginBackward() {
    java.util.Arrays.fill(gradAdaptation, 0);
  }

  /**
   * Backpropagates d loss / d input of step t to the pose after step t − 1, adding into gx, gy, gh.
   */
  void backward(int t, double[] gradInput, double[] x, double[] y, double[] h, double[] gx, double[] gy, double[] gh) {
    int half = cells / 2;
    for (int b = 0; b < batch; b++) {
      double sl = 0;
      double sr = 0;
      for (int n = 0; n < cells; n++) {
        if (n < half) {
          sl += gradInput[b * cells + n];
        } else {
          sr += gradInput[b * cells + n];
        }
      }
      double ga = -gain * (sl + sr) + keep * gradAdaptation[b];
      gradAdaptation[b] = ga;
      double gpl = gain * sl + (1 - keep) * ga / 2;
      double gpr = gain * sr + (1 - keep) * ga / 2;
      double gcl = gpl / (c0 + cLeft[b][t]);
      double gcr = gpr / (c0 + cRight[b][t]);
      double glx = gcl * gxLeft[b][t];
      double gly = gcl * gyLeft[b][t];
      double grx = gcr * gxRight[b][t];
      double gry = gcr * gyRight[b][t];
      gx[b] += glx + grx;
      gy[b] += gly + gry;
      double sin = Math.sin(h[b]);
      double cos = Math.cos(h[b]);
      gh[b] +=
          glx * (-forward * sin - lateral * cos)
              + gly * (forward * cos - lateral * sin)
              + grx * (-forward * sin + lateral * cos)
              + gry * (forward * cos + lateral * sin);
    }
  }

  /** Left-minus-right log response of batch element b at step t (for plots and diagnostics). */
  double contrast(int b, int t) {
    return phiLeft[b][t] - phiRight[b][t];
  }

  /** The larger of the two antennae's concentrations for fly b at step t (what the fly met). */
  double odour(int b, int t) {
    return Math.max(cLeft[b][t], cRight[b][t]);
  }

  private double response(double c) {
    return Math.log1p(c / c0);
  }

  private double leftX(double x, double h) {
    return x + forward * Math.cos(h) - lateral * Math.sin(h);
  }

  private double leftY(double y, double h) {
    return y + forward * Math.sin(h) + lateral * Math.cos(h);
  }

  private double rightX(double x, double h) {
    return x + forward * Math.cos(h) + lateral * Math.sin(h);
  }

  private double rightY(double y, double h) {
    return y + forward * Math.sin(h) - lateral * Math.cos(h);
  }
}
