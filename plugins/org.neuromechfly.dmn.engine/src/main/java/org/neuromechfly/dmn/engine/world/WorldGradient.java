package org.neuromechfly.dmn.engine.world;

import java.util.Arrays;

/**
 * Gradient with respect to the fly's pose after every step, carried backward through the kinematics
 * {@code h_s = h_{s−1} + ω·dt, x_s = clamp(x_{s−1} + v·cos h_s·dt)}, {@code y} alike. A coordinate
 * held by the arena wall passes no gradient.
 */
final class WorldGradient {
  private final double[][] gx;
  private final double[][] gy;
  private final double[][] gh;

  WorldGradient(int batch, int steps) {
    gx = new double[batch][steps];
    gy = new double[batch][steps];
    gh = new double[batch][steps];
  }

  /** Starts a backward pass from the loss gradients (or from zero). */
  void begin(double[][] lossX, double[][] lossY) {
    for (int b = 0; b < gx.length; b++) {
      if (lossX == null) {
        Arrays.fill(gx[b], 0);
        Arrays.fill(gy[b], 0);
      } else {
        System.arraycopy(lossX[b], 0, gx[b], 0, gx[b].length);
        System.arraycopy(lossY[b], 0, gy[b], 0, gy[b].length);
      }
      Arrays.fill(gh[b], 0);
    }
  }

  void add(int s, double[] dx, double[] dy, double[] dh) {
    for (int b = 0; b < gx.length; b++) {
      gx[b][s] += dx[b];
      gy[b][s] += dy[b];
      gh[b][s] += dh[b];
    }
  }

  /**
   * Backpropagates step s of fly b: when {@code toCommand}, adds d loss / d commanded speed and turn
   * into gSpeed[b], gTurn[b]; when {@code propagate}, carries the pose gradient on to step s − 1.
   */
  void step(int b, int s, double speed, double heading, boolean wallX, boolean wallY, double dt,
      boolean toCommand, boolean propagate, double[] gSpeed, double[] gTurn) {
    double cos = Math.cos(heading);
    double sin = Math.sin(heading);
    double hs = gh[b][s];
    if (!wallX) {
      if (toCommand) {
        gSpeed[b] += gx[b][s] * cos * dt;
      }
      hs += -gx[b][s] * speed * sin * dt;
    }
    if (!wallY) {
      if (toCommand) {
        gSpeed[b] += gy[b][s] * sin * dt;
      }
      hs += gy[b][s] * speed * cos * dt;
    }
    if (toCommand) {
      gTurn[b] += hs * dt;
    }
    if (propagate && s > 0) {
      if (!wallX) {
        gx[b][s - 1] += gx[b][s];
      }
      if (!wallY) {
        gy[b][s - 1] += gy[b][s];
      }
      gh[b][s - 1] += hs;
    }
  }
}
