package org.neuromechfly.dmn.engine.world;

/**
 * A loss on the path the flies walked (reaching the source, the cost of moving), evaluated after the
 * forward pass. The world hands it the path and backpropagates the gradient it returns through its
 * kinematics and motor readout; it does not know which losses it carries.
 */
public interface PathLoss {

  /** The component's name in the loss breakdown (e.g. {@code navigation}, {@code energy}). */
  String name();

  /**
   * Evaluates the loss on a batch of paths.
   *
   * @param path where every fly went and what it was commanded (live arrays: read, do not keep)
   * @param gradient receives, added to what is there, d loss / d position and d loss / d command
   * @return the weighted loss
   */
  double evaluate(Trajectory path, PathGradient gradient);
}
