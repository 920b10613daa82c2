package org.neuromechfly.dmn.engine.world;

import org.neuromechfly.dmn.model.NavigationTask;

/**
 * From descending-neuron output to walking commands. Each DN's output is low-pass filtered into a
 * rate (spikes per step); forward speed = v_max·(floor + (1 − floor)·tanh(k_f·mean forward rate)),
 * turning = ω_max·tanh(k_t·(mean rate of the turn slice's first half − its second half)), positive
 * to the left. The floor is the task's stated {@code speed floor} (0 by default: the forward DNs do
 * all the walking, and the fly can stop).
 */
final class MotorReadout {
  private final int cells;
  private final int batch;
  private final int fwdFirst;
  private final int fwdLast;
  private final int leftFirst;
  private final int leftLast;
  private final int rightFirst;
  private final int rightLast;
  private final double keep;
  private final double vMax;
  private final double floor;
  private final double kf;
  private final double wMax;
  private final double kt;
  private final double[] rate;
  private final double[] gradRate;
  // per [b][t]: commands and their drives (for the backward pass)
  final double[][] speed;
  final double[][] turn;
  private final double[][] fwdDrive;
  private final double[][] turnDrive;

  MotorReadout(NavigationTask task, WorldSettings s, int cells, int batch, int steps) {
    this.cells = cells;
    this.batch = batch;
    fwdFirst = task.forward().first();
    fwdLast = task.forward().last();
    int tf = task.turn().first();
    int tl = task.turn().last();
    int half = (tl - tf + 1) / 2;
    if (half < 1) {
      throw new IllegalArgumentException("turn slice " + task.turn() + " needs at least 2 cells (left, right)");
    }
    leftFirst = tf;
    leftLast = tf + half - 1;
    rightFirst = tl - half + 1;
    rightLast = tl;
    keep = Math.exp(-task.dt().si() / s.rateTau());
    vMax = task.maxSpeed().si();
    floor = task.speedFloor();
    kf = s.forwardGain();
    wMax = task.maxTurnRate().si();
    kt = s.turnGain();
    rate = new double[batch * cells];
    gradRate = new double[batch * cells];
    speed = new double[batch][steps];
    turn = new double[batch][steps];
    fwdDrive = new double[batch][steps];
    turnDrive = new double[batch][steps];
  }

  void begin() {
    java.util.Arrays.fill(rate, 0);
  }

  /** Speed at rest (before any command arrives). */
  double restingSpeed() {
    return vMax * floor;
  }

  void act(int t, double[] output) {
    for (int i = 0; i < rate.length; i++) {
      rate[i] = keep * rate[i] + (1 - keep) * output[i];
    }
    for (int b = 0; b < batch; b++) {
      int o = b * cells;
      double f = mean(o, fwdFirst, fwdLast);
      double d = mean(o, leftFirst, leftLast) - mean(o, rightFirst, rightLast);
      fwdDrive[b][t] = f;
      turnDrive[b][t] = d;
      speed[b][t] = vMax * (floor + (1 - floor) * Math.tanh(kf * f));
      turn[b][t] = wMax * Math.tanh(kt * d);
    }
  }

  void beginBackward() {
    java.util.Arrays.fill(gradRate, 0);
  }

  /** Truncates BPTT before the step last run backward: the rates it started from are constants. */
  void cutBackward() {
    java.util.Arrays.fill(gradRate, 0);
  }

  /** From d loss / d speed and turn at step t to d loss / d DN output at step t. */
  void backward(int t, double[] gradSpeed, double[] gradTurn, double[] gradOutput) {
    for (int b = 0; b < batch; b++) {
      int o = b * cells;
      double tf = Math.tanh(kf * fwdDrive[b][t]);
      double tt = Math.tanh(kt * turnDrive[b][t]);
      double gf = gradSpeed[b] * vMax * (1 - floor) * kf * (1 - tf * tf);
      double gd = gradTurn[b] * wMax * kt * (1 - tt * tt);
      for (int n = 0; n < cells; n++) {
        gradRate[o + n] *= keep;
      }
      spread(o, fwdFirst, fwdLast, gf);
      spread(o, leftFirst, leftLast, gd);
      spread(o, rightFirst, rightLast, -gd);
      for (int n = 0; n < cells; n++) {
        gradOutput[o + n] = (1 - keep) * gradRate[o + n];
      }
    }
  }

  double maxSpeed() {
    return vMax;
  }

  double maxTurnRate() {
    return wMax;
  }

  private double mean(int offset, int first, int last) {
    double sum = 0;
    for (int n = first; n <= last; n++) {
      sum += rate[offset + n];
    }
    return sum / (last - first + 1);
  }

  private void spread(int offset, int first, int last, double g) {
    double share = g / (last - first + 1);
    for (int n = first; n <= last; n++) {
      gradRate[offset + n] += share;
    }
  }
}
