package org.neuromechfly.dmn.analysis.simulate;

import java.util.Map;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * A world seen through a recorder: passes every call on, and keeps the mean input current the world
 * writes into each half of the sensory population (left and right antenna) at every step, so that
 * an odour's drive can be replayed outside the world (the activity analysis's odour pulses).
 */
final class SensoryRecorder implements Environment {
  private final Environment world;
  private final int cells;
  /** [b][t][side]: mean input of the left (0) and right (1) half. */
  final double[][][] drive;

  SensoryRecorder(Environment world, int sensoryCells) {
    this.world = world;
    this.cells = sensoryCells;
    this.drive = new double[world.batch()][world.steps()][2];
  }

  @Override
  public int batch() {
    return world.batch();
  }

  @Override
  public int steps() {
    return world.steps();
  }

  @Override
  public int sensingLead() {
    return world.sensingLead();
  }

  @Override
  public String sensoryPopulation() {
    return world.sensoryPopulation();
  }

  @Override
  public String motorPopulation() {
    return world.motorPopulation();
  }

  @Override
  public void begin() {
    world.begin();
  }

  @Override
  public void sense(int t, double[] input) {
    world.sense(t, input);
    int half = cells / 2;
    for (int b = 0; b < drive.length; b++) {
      double left = 0;
      double right = 0;
      for (int n = 0; n < cells; n++) {
        if (n < half) {
          left += input[b * cells + n];
        } else {
          right += input[b * cells + n];
        }
      }
      drive[b][t][0] = left / Math.max(1, half);
      drive[b][t][1] = right / Math.max(1, cells - half);
    }
  }

  @Override
  public void act(int t, double[] motorOutput) {
    world.act(t, motorOutput);
  }

  @Override
  public Map<String, Double> endForward() {
    return world.endForward();
  }

  @Override
  public void motorGradient(int t, double[] gradient) {
    world.motorGradient(t, gradient);
  }

  @Override
  public void sensoryGradient(int t, double[] gradient) {
    world.sensoryGradient(t, gradient);
  }
}
