package org.neuromechfly.dmn.engine.network;

/**
 * Makes the execution path of a network for episodes of one length and batch size; the trainer asks
 * it once per batch shard and does not know which engine it gets.
 */
@FunctionalInterface
public interface KernelFactory {

  /**
   * @param network the network whose parameters the kernel reads and whose gradients it accumulates
   * @param steps steps per episode
   * @param batch episodes side by side
   * @param sensingLead how many steps the world can sense ahead of the motor output (see
   *     {@link org.neuromechfly.dmn.engine.world.Environment#sensingLead()})
   */
  EpisodeKernel create(Network network, int steps, int batch, int sensingLead);
}
