package org.neuromechfly.dmn.export.loihi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * The drive of a circuit without a task, for the quantisation report: every spike-source cell gets
 * Bernoulli input events (probability p per step), each bringing a fixed current; nothing is read
 * back and nothing is learned. The same seed gives the same events in every episode, so the model and
 * its bundle see identical input.
 */
final class InputEvents implements Environment {
  private final List<String> sources;
  private final double[] current;
  private final String readout;
  private final int steps;
  private final double probability;
  private final long seed;
  private SplittableRandom random;

  /**
   * @param sources the spike-source populations
   * @param current the current of one event, per source population
   * @param readout any population (the interface needs one to read; its output is ignored)
   */
  InputEvents(List<String> sources, double[] current, String readout, int steps, double probability, long seed) {
    this.sources = List.copyOf(sources);
    this.current = current.clone();
    this.readout = readout;
    this.steps = steps;
    this.probability = probability;
    this.seed = seed;
  }

  @Override
  public int batch() {
    return 1;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public List<String> sensoryPopulations() {
    return sources;
  }

  @Override
  public String motorPopulation() {
    return readout;
  }

  @Override
  public void begin() {
    random = new SplittableRandom(seed);
  }

  @Override
  public void sense(int t, double[][] inputs) {
    for (int i = 0; i < inputs.length; i++) {
      for (int k = 0; k < inputs[i].length; k++) {
        inputs[i][k] = random.nextDouble() < probability ? current[i] : 0;
      }
    }
  }

  @Override
  public void act(int t, double[] motorOutput) {}

  @Override
  public Map<String, Double> endForward() {
    return Map.of();
  }

  @Override
  public void motorGradient(int t, double[] gradient) {
    Arrays.fill(gradient, 0);
  }

  @Override
  public void sensoryGradient(int t, double[][] gradients) {}
}
