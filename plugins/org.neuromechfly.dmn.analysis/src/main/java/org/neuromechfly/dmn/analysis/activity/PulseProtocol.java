package org.neuromechfly.dmn.analysis.activity;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.analysis.simulate.Walk;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * A physiology experiment on the trained circuit, as on a fly held in place: what the fly sensed while
 * walking ({@link Walk#drive()}) is played back to its sensory populations. Each trial first replays
 * its own stretch of walking (so every trial starts from its own recent history), then clean air, then
 * the same odour stimulus in every trial (a recorded stretch), then clean air. In clean air the odour
 * population gets no input and every other sensory population (wind) the mean it received during the
 * stimulus, as in a wind tunnel with the fly held still. The motor output is ignored; forward only.
 */
final class PulseProtocol implements Environment {
  private final List<String> sensory;
  private final String motor;
  private final int[] cells;
  private final int odour;
  private final double[][][][] drive;
  private final int[] trialEpisode;
  private final int[] trialStart;
  private final int replay;
  private final int stimulusEpisode;
  private final int stimulusStart;
  private final int stimulus;
  private final int onset;
  private final int steps;
  private final double[][] context;

  /**
   * @param walk the recorded walk
   * @param cells cells per sensory population
   * @param odour index of the odour population in {@code walk.sensory()}
   * @param trialEpisode, trialStart per trial, the episode and step its replayed stretch starts at
   * @param replay steps replayed
   * @param stimulusEpisode, stimulusStart where the stimulus stretch starts
   * @param stimulus stimulus steps
   * @param onset first stimulus step (after replay and clean air)
   * @param steps steps per trial
   */
  PulseProtocol(Walk walk, String motor, int[] cells, int odour, int[] trialEpisode, int[] trialStart, int replay,
      int stimulusEpisode, int stimulusStart, int stimulus, int onset, int steps) {
    this.sensory = walk.sensory();
    this.motor = motor;
    this.cells = cells;
    this.odour = odour;
    this.drive = walk.drive();
    this.trialEpisode = trialEpisode;
    this.trialStart = trialStart;
    this.replay = replay;
    this.stimulusEpisode = stimulusEpisode;
    this.stimulusStart = stimulusStart;
    this.stimulus = stimulus;
    this.onset = onset;
    this.steps = steps;
    this.context = new double[cells.length][];
    for (int p = 0; p < cells.length; p++) {
      double[] mean = new double[drive[p][stimulusEpisode][stimulusStart].length];
      if (p != odour) {
        for (int t = 0; t < stimulus; t++) {
          double[] d = drive[p][stimulusEpisode][stimulusStart + t];
          for (int c = 0; c < mean.length; c++) {
            mean[c] += d[c] / stimulus;
          }
        }
      }
      context[p] = mean;
    }
  }

  @Override
  public int batch() {
    return trialEpisode.length;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public List<String> sensoryPopulations() {
    return sensory;
  }

  @Override
  public String motorPopulation() {
    return motor;
  }

  @Override
  public void begin() {
    // the network starts at rest; the replayed stretch gives it its recent history
  }

  @Override
  public void sense(int t, double[][] inputs) {
    for (int b = 0; b < trialEpisode.length; b++) {
      for (int p = 0; p < cells.length; p++) {
        double[] channels;
        if (t < replay) {
          channels = drive[p][trialEpisode[b]][trialStart[b] + t];
        } else if (t >= onset && t < onset + stimulus) {
          channels = drive[p][stimulusEpisode][stimulusStart + t - onset];
        } else {
          channels = context[p];
        }
        replay(channels, inputs[p], b, cells[p]);
      }
    }
  }

  private static void replay(double[] channels, double[] input, int b, int n) {
    if (channels.length == n) {
      System.arraycopy(channels, 0, input, b * n, n);
    } else {
      int half = n / 2;
      for (int i = 0; i < n; i++) {
        input[b * n + i] = channels[i < half ? 0 : 1];
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
  public void sensoryGradient(int t, double[][] gradients) {
    // forward only
  }
}
