package org.neuromechfly.dmn.analysis.activity;

import java.util.Map;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * A physiology experiment on the trained circuit, as on a fly held in place: each trial replays its own
 * stretch of the drive the sensory population received while walking (so every trial starts from its
 * own recent history), then clean air, then the same odour stimulus in every trial (a stretch of
 * recorded drive, left and right antenna as recorded), then clean air. The motor output is ignored.
 * Forward only.
 */
final class PulseProtocol implements Environment {
  private final String sensory;
  private final String motor;
  private final int cells;
  private final int steps;
  private final int onset;
  /** [trial][t][side] drive before the onset (zeros are clean air). */
  private final double[][][] background;
  /** [t][side] the stimulus, from the onset. */
  private final double[][] stimulus;

  /**
   * @param background per trial, the drive (left, right) of the steps before {@code onset}
   * @param stimulus the drive (left, right) from {@code onset} on, the same in every trial
   * @param onset first step of the stimulus
   * @param steps steps per trial (clean air after the stimulus)
   */
  PulseProtocol(String sensory, String motor, int sensoryCells, double[][][] background, double[][] stimulus,
      int onset, int steps) {
    this.sensory = sensory;
    this.motor = motor;
    this.cells = sensoryCells;
    this.background = background;
    this.stimulus = stimulus;
    this.onset = onset;
    this.steps = steps;
  }

  @Override
  public int batch() {
    return background.length;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public String sensoryPopulation() {
    return sensory;
  }

  @Override
  public String motorPopulation() {
    return motor;
  }

  @Override
  public void begin() {
    // the network starts at rest; the replayed background sets its recent history
  }

  @Override
  public void sense(int t, double[] input) {
    int half = cells / 2;
    for (int b = 0; b < background.length; b++) {
      for (int n = 0; n < cells; n++) {
        int side = n < half ? 0 : 1;
        input[b * cells + n] = t < onset ? background[b][t][side]
            : t - onset < stimulus.length ? stimulus[t - onset][side] : 0;
      }
    }
  }

  @Override
  public void act(int t, double[] motorOutput) {
    // held in place
  }

  @Override
  public Map<String, Double> endForward() {
    return Map.of();
  }

  @Override
  public void motorGradient(int t, double[] gradient) {
    java.util.Arrays.fill(gradient, 0);
  }

  @Override
  public void sensoryGradient(int t, double[] gradient) {
    // forward only
  }
}
