package org.neuromechfly.dmn.engine.network;

import java.util.Map;
import org.neuromechfly.dmn.engine.world.Environment;

/**
 * One execution path for an episode of a network in closed loop with a world: forward, then exact
 * BPTT into the network's parameter gradients. Implemented by the fused kernel
 * ({@link org.neuromechfly.dmn.engine.fused.BpttKernel}) and the chunked SameDiff graph
 * ({@link org.neuromechfly.dmn.engine.samediff.ChunkedSameDiffKernel}); the trainer does not care which.
 */
public interface EpisodeKernel {

  /**
   * Runs the closed loop forward and evaluates the losses.
   *
   * @return weighted loss components (world first, then activity terms)
   */
  Map<String, Double> forward(Environment env, ActivityObjective objective);

  /** Backpropagates through the episode last run by {@link #forward}; adds to parameter gradients. */
  void backward(Environment env, ActivityObjective objective);

  /** What the last forward pass recorded. */
  NetworkActivity activity();
}
