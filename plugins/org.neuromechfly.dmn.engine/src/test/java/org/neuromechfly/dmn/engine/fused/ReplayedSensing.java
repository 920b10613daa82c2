package org.neuromechfly.dmn.engine.fused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * Records the sensory input of the first episode and replays it in every later one: the loss whose
 * gradient the motor-only path computes exactly.
 */
final class ReplayedSensing implements Environment {
  private final Environment world;
  private final List<double[][]> recorded = new ArrayList<>();
  private boolean replay;

  ReplayedSensing(Environment world) {
    this.world = world;
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
  public List<String> sensoryPopulations() {
    return world.sensoryPopulations();
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
  public void sense(int t, double[][] inputs) {
    world.sense(t, inputs);
    if (replay) {
      for (int i = 0; i < inputs.length; i++) {
        System.arraycopy(recorded.get(t)[i], 0, inputs[i], 0, inputs[i].length);
      }
    } else {
      double[][] copy = new double[inputs.length][];
      for (int i = 0; i < inputs.length; i++) {
        copy[i] = inputs[i].clone();
      }
      recorded.add(copy);
    }
  }

  @Override
  public void act(int t, double[] motorOutput) {
    world.act(t, motorOutput);
  }

  @Override
  public Map<String, Double> endForward() {
    replay = true;
    return world.endForward();
  }

  @Override
  public void motorGradient(int t, double[] gradient) {
    world.motorGradient(t, gradient);
  }

  @Override
  public void sensoryGradient(int t, double[][] gradients) {
    world.sensoryGradient(t, gradients);
  }
}
