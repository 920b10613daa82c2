package org.neuromechfly.dmn.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records the sensory input of the first episode and replays it in every later one, while the world
 * itself still moves with the motor output: the loss whose gradient the motor-only path computes
 * exactly, and the open-loop input under which two networks (the model and its Loihi 2 bundle) can be
 * compared spike for spike.
 */
public final class ReplayedSensing extends ForwardingEnvironment {
  private final List<double[][]> recorded = new ArrayList<>();
  private boolean replay;

  public ReplayedSensing(Environment world) {
    super(world);
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
  public Map<String, Double> endForward() {
    replay = true;
    return world.endForward();
  }

}
