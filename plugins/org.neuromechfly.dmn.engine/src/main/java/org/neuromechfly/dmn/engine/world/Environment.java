package org.neuromechfly.dmn.engine.world;

import java.util.List;
import java.util.Map;

/**
 * A world the network is trained in, closed-loop: each step the world writes the input current of its
 * sensory populations (odour, wind, …), the network steps, and the world reads the motor
 * population's output.
 * The backward pass runs the same loop in reverse. Implementations own their task losses and decide
 * how far gradients flow through them (e.g. {@link org.neuromechfly.dmn.model.GradientPath}).
 *
 * <p>Call order per episode: {@link #begin()}; for t = 0..T−1: {@link #sense}, network step,
 * {@link #act}; {@link #endForward()}; for t = T−1..0: {@link #motorGradient}, network backward step,
 * {@link #sensoryGradient}.
 *
 * <p>A world whose {@link #sensingLead()} is L &gt; 1 must also accept chunks of up to L steps, as the
 * SameDiff engine runs them: forward, {@link #sense} for every step of a chunk, then {@link #act} for
 * every step of it; backward, chunk by chunk from the last, {@link #motorGradient} for every step of a
 * chunk (descending), then {@link #sensoryGradient} for every step of it (descending).
 */
public interface Environment {

  /** Episodes simulated side by side. */
  int batch();

  /** Steps per episode. */
  int steps();

  /**
   * How many consecutive steps this world can sense before it needs the motor output of the first of
   * them: the sensory input of step t depends only on motor output of step t − L or earlier. The SameDiff
   * engine runs the network in chunks of at most this many steps between world updates. 1 (the
   * default) for a world that needs every step's motor output before it can sense the next step.
   */
  default int sensingLead() {
    return 1;
  }

  /** Names of the populations that receive the world's input, in the order {@link #sense} fills them. */
  List<String> sensoryPopulations();

  /** Name of the population the world reads. */
  String motorPopulation();

  /** Puts every batch element at its start. */
  void begin();

  /**
   * Writes (overwrites) the input current of every sensory population for step t: {@code inputs[i]} is
   * {@code [B][N_i]} of population {@code sensoryPopulations().get(i)}.
   */
  void sense(int t, double[][] inputs);

  /** Reads the motor population's output of step t, {@code [B][N_motor]}. */
  void act(int t, double[] motorOutput);

  /**
   * Finishes the forward pass: computes the world's loss terms.
   *
   * @return weighted loss components by name (e.g. navigation, energy), summed they are the world's loss
   */
  Map<String, Double> endForward();

  /** Writes (overwrites) d loss / d motor output at step t; called for t = T−1 down to 0. */
  void motorGradient(int t, double[] gradient);

  /**
   * Receives d loss / d sensory input at step t, right after the network's backward step t, in the
   * layout of {@link #sense}.
   */
  void sensoryGradient(int t, double[][] gradients);
}
