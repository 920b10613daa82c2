package org.neuromechfly.dmn.benchmarks.engine;

import org.neuromechfly.dmn.engine.network.ActivityObserver;
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
public record StepFlops(double denseEquivalent, double onEdges, double executed, double activeSourceFraction) {

  /** Counts on the activity of the last forward pass. */
  static StepFlops count(Network net, NetworkActivity activity, int steps, int batch) {
    Counter counter = new Counter(net);
    counter.begin(steps, batch);
    for (int p = 0; p < net.populations().size(); p++) {
      Trace out = activity.state(p).outputTrace();
      double[] row = new double[batch * net.populations().get(p).cells()];
      for (int t = 0; t < steps; t++) {
        for (int k = 0; k < row.length; k++) {
          row[k] = out.get(t * row.length + k);
        }
        counter.observe(p, t, row);
      }
    }
    return counter.flops();
  }

  /**
   * Counts while a forward pass runs (as its activity objective's observer), so that no record of the
   * episode is needed: at whole-brain scale a record of every output would cost more memory than the
   * count is worth.
   */
  public static final class Counter implements ActivityObserver {
    private final Network net;
    /** Multiply-adds per spiking source, per projection. */
    private final double[][] rowCost;
    private int steps;
    private int batch;
    private double spikingRows;
    private double active;
    private double visits;
    private long[] spikes;

    public Counter(Network net) {
      this.net = net;
      rowCost = new double[net.synapses().size()][];
      for (int q = 0; q < rowCost.length; q++) {
        Synapses s = net.synapses().get(q);
        EdgeArrays e = s.edges();
        boolean masked = s instanceof DenseSynapses;
        double[] row = new double[e.sourceCount()];
        for (int src : e.sourceIndex()) {
          row[src] = masked ? e.targetCount() : row[src] + 1;
        }
        rowCost[q] = row;
      }
    }

    @Override
    public void begin(int steps, int batch) {
      this.steps = steps;
      this.batch = batch;
      spikingRows = 0;
      active = 0;
      visits = 0;
      spikes = new long[net.populations().size()];
    }

    @Override
    public void observe(int population, int t, double[] output) {
      for (double o : output) {
        spikes[population] += o != 0 ? 1 : 0;
      }
      for (int q = 0; q < rowCost.length; q++) {
        Synapses s = net.synapses().get(q);
        if (s.sourcePopulation() != population || t + s.delay() >= steps) {
          continue; // an output no later step of the episode reads
        }
        double[] row = rowCost[q];
        int n = row.length;
        for (int b = 0; b < batch; b++) {
          for (int j = 0; j < n; j++) {
            if (output[b * n + j] != 0) {
              spikingRows += row[j];
              active++;
            }
          }
        }
        visits += (double) batch * n;
      }
    }

    /** The counts of the episode observed. */
    public StepFlops flops() {
      double dense = 0;
      double edges = 0;
      double all = 0;
      for (Synapses s : net.synapses()) {
        EdgeArrays e = s.edges();
        dense += (double) e.sourceCount() * e.targetCount();
        edges += e.edgeCount();
        double walked = s instanceof DenseSynapses ? (double) e.sourceCount() * e.targetCount() : e.edgeCount();
        all += walked * batch * (steps - s.delay());
      }
      double k = 6.0 * steps * batch;
      return new StepFlops(dense * k, edges * k, 2 * (2 * spikingRows + all), active / visits);
    }

    /** Non-zero outputs per population in the episode observed (spikes, for spiking cells). */
    public long[] spikes() {
      return spikes.clone();
    }

    /** Multiply-adds of spiking sources' rows (forward, and again for the weight gradient), whole episode. */
    public double spikingRowVisits() {
      return spikingRows;
    }
  }

  /** Prints the counts and the fused kernel's rates at {@code secondsPerStep} against {@code gemmRate}. */
  public void print(double secondsPerStep, double gemmRate) {
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
