package org.neuromechfly.dmn.benchmarks.engine;

import org.neuromechfly.dmn.benchmarks.Statistics;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.synapse.Synapses;

/**
 * d loss / d signed weight per edge, per projection (wiring order): the one quantity every contender
 * computes alike, whatever it trains (raw magnitudes, dense matrices, CSR values).
 */
final class SignedWeightGradients {
  private SignedWeightGradients() {}

  /** The fused kernel's, from the raw-magnitude gradients of the last backward pass. */
  static double[][] of(Network net) {
    double[][] out = new double[net.synapses().size()][];
    for (int q = 0; q < out.length; q++) {
      Synapses s = net.synapses().get(q);
      double[] raw = s.rawMagnitudes().value();
      double[] g = s.rawMagnitudes().gradient();
      double factor = s.edges().sign() * s.scale();
      out[q] = new double[raw.length];
      for (int e = 0; e < raw.length; e++) {
        // raw gradient = sign · scale · magnitude′(raw) · d loss / d w; sign 0 (modulatory) has no gradient
        out[q][e] = factor == 0 ? 0 : g[e] / (factor * net.options().magnitude().derivative(raw[e]));
      }
    }
    return out;
  }

  /**
   * Prints, per projection when {@code perProjection}, the relative difference of {@code other} against
   * {@code fused}; returns the worst.
   */
  static double compare(Network net, double[][] fused, double[][] other, String otherName, boolean perProjection) {
    double worst = 0;
    for (int q = 0; q < fused.length; q++) {
      double rel = Statistics.relativeDifference(other[q], fused[q]);
      worst = Math.max(worst, rel);
      if (perProjection) {
        System.out.printf("  weight gradient %-12s |g| %.3e  relative difference %s vs fused %.1e%n",
            net.synapses().get(q).label(), norm(fused[q]), otherName, rel);
      }
    }
    return worst;
  }

  private static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}
