package org.neuromechfly.dmn.engine.neuron;

import java.util.Arrays;

/**
 * Per-cell gradient accumulators of one population over a backward pass, with respect to the physical
 * values the step uses (β, α, θ, bias); {@link LifPopulation#finishBackward} maps them to the raw,
 * possibly shared, parameters.
 */
public final class CellGradients {
  final double[] beta;
  final double[] alpha;
  final double[] threshold;
  final double[] bias;

  /** Zeroed accumulators for {@code cells} cells. */
  public CellGradients(int cells) {
    beta = new double[cells];
    alpha = new double[cells];
    threshold = new double[cells];
    bias = new double[cells];
  }

  void clear() {
    Arrays.fill(beta, 0);
    Arrays.fill(alpha, 0);
    Arrays.fill(threshold, 0);
    Arrays.fill(bias, 0);
  }
}
