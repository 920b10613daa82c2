package org.neuromechfly.dmn.benchmarks.engine;

import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.Trace;
import org.neuromechfly.dmn.engine.synapse.DenseSynapses;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;

/**
 * FLOPs of one training step: dense-equivalent ({@code 6·T·B·Σ N_in·N_out}: forward W·x, backward Wᵀ·g
 * and g ⊗ x, 2 flops per multiply-add), on existing edges ({@code 6·T·B·Σ edges}) and as the fused kernel
 * executes them on the recorded activity (forward and weight gradient visit only spiking sources' rows;
 * the presynaptic gradient visits every edge, or the whole matrix for dense layouts).
 */
record StepFlops(double denseEquivalent, double onEdges, double executed, double activeSourceFraction) {

  /** Counts on the activity of the last forward pass. */
  static StepFlops count(Network net, NetworkActivity activity, int steps, int batch) {
    double dense = 0;
    double edges = 0;
    double executed = 0;
    double active = 0;
    double visits = 0;
    for (Synapses s : net.synapses()) {
      EdgeArrays e = s.edges();
      dense += (double) e.sourceCount() * e.targetCount();
      edges += e.edgeCount();
      boolean masked = s instanceof DenseSynapses;
      double[] row = new double[e.sourceCount()]; // multiply-adds per spiking source
      for (int src : e.sourceIndex()) {
        row[src] = masked ? e.targetCount() : row[src] + 1;
      }
      Trace out = activity.state(s.sourcePopulation()).outputTrace();
      int n = e.sourceCount();
      double spikingRows = 0;
      for (int t = 0; t + s.delay() < steps; t++) {
        for (int b = 0; b < batch; b++) {
          int base = (t * batch + b) * n;
          for (int j = 0; j < n; j++) {
            if (out.get(base + j) != 0) {
              spikingRows += row[j];
              active++;
            }
          }
        }
      }
      visits += (double) (steps - s.delay()) * batch * n;
      double all = masked ? (double) e.sourceCount() * e.targetCount() : e.edgeCount();
      executed += 2 * (2 * spikingRows + all * batch * (steps - s.delay()));
    }
    double k = 6.0 * steps * batch;
    return new StepFlops(dense * k, edges * k, executed, active / visits);
  }

  /** Prints the counts and the fused kernel's rates at {@code secondsPerStep} against {@code gemmRate}. */
  void print(double secondsPerStep, double gemmRate) {
    System.out.printf("FLOP per step: %.2f G dense-equivalent, %.2f G on existing edges, %.2f G executed"
        + " (%.1f %% of presynaptic outputs non-zero)%n", denseEquivalent / 1e9, onEdges / 1e9, executed / 1e9,
        100 * activeSourceFraction);
    System.out.printf("measured ND4J GEMM rate: %.1f GFLOP/s (%s)%n", gemmRate / 1e9, GemmProbe.SHAPE);
    System.out.printf("RESULT fused rate: %.2f GFLOP/s on existing edges = %.1f %% of the GEMM rate"
        + " (GEMM-rate time for those FLOPs %.3f s, measured %.3f s: %.1fx)%n", onEdges / secondsPerStep / 1e9,
        100 * onEdges / secondsPerStep / gemmRate, onEdges / gemmRate, secondsPerStep,
        secondsPerStep / (onEdges / gemmRate));
    System.out.printf("RESULT fused rate: %.2f GFLOP/s executed = %.1f %% of the GEMM rate; dense-equivalent"
        + " %.1f GFLOP/s = %.0f %%%n", executed / secondsPerStep / 1e9, 100 * executed / secondsPerStep / gemmRate,
        denseEquivalent / secondsPerStep / 1e9, 100 * denseEquivalent / secondsPerStep / gemmRate);
  }
}
