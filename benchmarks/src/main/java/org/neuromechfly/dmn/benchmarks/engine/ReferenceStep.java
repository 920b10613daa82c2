package org.neuromechfly.dmn.benchmarks.engine;

import java.util.Arrays;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.neuron.CellGradients;
import org.neuromechfly.dmn.engine.neuron.CellRows;
import org.neuromechfly.dmn.engine.neuron.LifCells;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.LifStep;
import org.neuromechfly.dmn.engine.neuron.Refractoriness;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.OdourWorld;

/**
 * A training step of the network differentiated the plain way: every projection a dense weight matrix
 * {@code W[target][source]} (zeros where there is no edge) with per-element loops, every state kept in
 * double arrays {@code [T][B·N]}, no event skipping, no BLAS. The cells step through the engine's own
 * pure functions ({@link LifStep}, {@link Refractoriness}), the one implementation of the LIF update on
 * the CPU, so what this contender measures and checks is the straightforward way of running them: dense
 * synaptic products, whole traces and hand-written BPTT through the closed loop.
 */
final class ReferenceStep {
  private final Network net;
  private final int steps;
  private final int batch;
  private final Cells[] cells;
  private final double[][][] w; // [q][target][source]
  private final double[][][] gw; // d loss / d W, same layout

  /** One population's traces over the episode and its carries. */
  private static final class Cells {
    final LifPopulation population;
    final int size;
    final double[][] v; // membrane before reset [T][B·N]
    final double[][] s; // output
    final double[][] syn; // synaptic current, only with a synaptic time constant
    final byte[] clamped; // [T·B·N], only with a refractory period
    final double[][] gradOutput;
    final double[] input;
    final double[] uNow;
    final double[] synNow;
    final int[] refractoryLeft;
    final double[] gradInput;
    final double[] carry;
    final double[] synCarry;
    final CellRows rows;
    final double[] zeros;

    Cells(LifPopulation population, int steps, int batch) {
      this.population = population;
      this.size = batch * population.cells();
      boolean synaptic = population.alpha(0) != 0;
      v = new double[steps][size];
      s = new double[steps][size];
      syn = synaptic ? new double[steps][size] : null;
      clamped = population.refractorySteps() > 0 ? new byte[steps * size] : null;
      gradOutput = new double[steps][size];
      input = new double[size];
      uNow = new double[size];
      synNow = new double[size];
      refractoryLeft = new int[size];
      gradInput = new double[size];
      carry = new double[size];
      synCarry = new double[size];
      rows = new CellRows(population.cells());
      zeros = new double[size];
    }
  }

  ReferenceStep(Network net, int steps, int batch) {
    this.net = net;
    this.steps = steps;
    this.batch = batch;
    cells = net.populations().stream().map(p -> new Cells(p, steps, batch)).toArray(Cells[]::new);
    int nq = net.synapses().size();
    w = new double[nq][][];
    gw = new double[nq][][];
    for (int q = 0; q < nq; q++) {
      EdgeArrays e = net.synapses().get(q).edges();
      w[q] = new double[e.targetCount()][e.sourceCount()];
      gw[q] = new double[e.targetCount()][e.sourceCount()];
    }
  }

  /** Forward and backward over one episode in {@code world}; returns the loss. */
  double step(OdourWorld world) {
    loadWeights();
    double loss = forward(world);
    backward(world);
    return loss;
  }

  private void loadWeights() {
    for (int q = 0; q < w.length; q++) {
      Synapses syn = net.synapses().get(q);
      EdgeArrays e = syn.edges();
      for (int i = 0; i < w[q].length; i++) {
        Arrays.fill(w[q][i], 0);
        Arrays.fill(gw[q][i], 0);
      }
      int[] target = e.targetIndex(); // computed on each call
      int[] source = e.sourceIndex();
      for (int k = 0; k < e.edgeCount(); k++) {
        w[q][target[k]][source[k]] = syn.weight(k);
      }
    }
  }

  private double forward(OdourWorld world) {
    Cells[] sensory = world.sensoryPopulations().stream().map(n -> cells[net.populationIndex(n)]).toArray(Cells[]::new);
    Cells motor = cells[net.populationIndex(world.motorPopulation())];
    world.begin();
    for (Cells c : cells) {
      Arrays.fill(c.uNow, 0);
      Arrays.fill(c.synNow, 0);
      Arrays.fill(c.refractoryLeft, 0);
    }
    double[][] external = new double[sensory.length][];
    for (int i = 0; i < sensory.length; i++) {
      external[i] = new double[sensory[i].size];
    }
    for (int t = 0; t < steps; t++) {
      for (Cells c : cells) {
        Arrays.fill(c.input, 0);
      }
      for (int q = 0; q < w.length; q++) {
        Synapses syn = net.synapses().get(q);
        int from = t - syn.delay();
        if (from >= 0) {
          product(w[q], cells[syn.sourcePopulation()].s[from], cells[syn.targetPopulation()].input);
        }
      }
      world.sense(t, external);
      for (int i = 0; i < sensory.length; i++) {
        for (int k = 0; k < external[i].length; k++) {
          sensory[i].input[k] += external[i][k];
        }
      }
      for (Cells c : cells) {
        LifCells constants = c.population.stepConstants();
        LifStep.forward(constants, c.input, c.synNow, c.uNow, c.v[t], c.s[t], c.size);
        if (c.clamped != null) {
          Refractoriness.forward(constants, c.population.refractorySteps(), false, c.refractoryLeft, c.clamped, t * c.size,
              c.v[t], c.s[t], c.uNow, c.size);
        }
        if (c.syn != null) {
          System.arraycopy(c.synNow, 0, c.syn[t], 0, c.size);
        }
      }
      world.act(t, motor.s[t]);
    }
    return ClosedLoop.total(world.endForward());
  }

  /** {@code target[b][i] += Σ_j W[i][j] · source[b][j]}. */
  private void product(double[][] weights, double[] source, double[] target) {
    int nt = weights.length;
    int ns = nt == 0 ? 0 : weights[0].length;
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < nt; i++) {
        double sum = 0;
        for (int j = 0; j < ns; j++) {
          sum += weights[i][j] * source[b * ns + j];
        }
        target[b * nt + i] += sum;
      }
    }
  }

  private void backward(OdourWorld world) {
    Cells[] sensory = world.sensoryPopulations().stream().map(n -> cells[net.populationIndex(n)]).toArray(Cells[]::new);
    double[][] sensoryGradient = new double[sensory.length][];
    Cells motor = cells[net.populationIndex(world.motorPopulation())];
    for (Cells c : cells) {
      Arrays.fill(c.carry, 0);
      Arrays.fill(c.synCarry, 0);
      for (double[] g : c.gradOutput) {
        Arrays.fill(g, 0);
      }
    }
    // the per-cell parameter gradients LifStep accumulates; only the weight gradients are compared
    CellGradients[] cellGradients = new CellGradients[cells.length];
    for (int p = 0; p < cells.length; p++) {
      cellGradients[p] = new CellGradients(cells[p].population.cells());
    }
    double[] motorGrad = new double[motor.size];
    for (int t = steps - 1; t >= 0; t--) {
      world.motorGradient(t, motorGrad);
      for (int k = 0; k < motorGrad.length; k++) {
        motor.gradOutput[t][k] += motorGrad[k];
      }
      for (int p = 0; p < cells.length; p++) {
        Cells c = cells[p];
        LifCells constants = c.population.stepConstants();
        if (c.clamped != null) {
          Refractoriness.backward(c.clamped, t * c.size, c.gradOutput[t], c.carry, c.size);
        }
        double[] vBefore = t == 0 ? c.zeros : c.v[t - 1];
        double[] sBefore = t == 0 ? c.zeros : c.s[t - 1];
        LifStep.backward(constants, c.v[t], c.s[t], vBefore, sBefore, c.gradOutput[t], c.carry, c.rows,
            c.gradInput, cellGradients[p], c.size);
        if (c.syn != null) {
          double[] synBefore = t == 0 ? c.zeros : c.syn[t - 1];
          LifStep.backwardSynapse(constants, synBefore, c.gradInput, c.synCarry, cellGradients[p], c.size);
        }
      }
      for (int i = 0; i < sensory.length; i++) {
        sensoryGradient[i] = sensory[i].gradInput;
      }
      world.sensoryGradient(t, sensoryGradient);
      for (int q = 0; q < w.length; q++) {
        Synapses syn = net.synapses().get(q);
        int from = t - syn.delay();
        if (from >= 0) {
          Cells source = cells[syn.sourcePopulation()];
          productBackward(q, source.s[from], cells[syn.targetPopulation()].gradInput, source.gradOutput[from]);
        }
      }
    }
  }

  /** {@code gW[i][j] += g[b][i] · source[b][j]} and {@code gradSource[b][j] += W[i][j] · g[b][i]}. */
  private void productBackward(int q, double[] source, double[] gradTarget, double[] gradSource) {
    int nt = w[q].length;
    int ns = nt == 0 ? 0 : w[q][0].length;
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < nt; i++) {
        double g = gradTarget[b * nt + i];
        double[] gwRow = gw[q][i];
        double[] wRow = w[q][i];
        for (int j = 0; j < ns; j++) {
          gwRow[j] += g * source[b * ns + j];
          gradSource[b * ns + j] += wRow[j] * g;
        }
      }
    }
  }

  /** d loss / d signed weight per edge of every projection (wiring order), from the last step. */
  double[][] signedWeightGradients() {
    double[][] out = new double[w.length][];
    for (int q = 0; q < w.length; q++) {
      EdgeArrays e = net.synapses().get(q).edges();
      int[] target = e.targetIndex(); // computed on each call
      int[] source = e.sourceIndex();
      out[q] = new double[e.edgeCount()];
      for (int k = 0; k < out[q].length; k++) {
        out[q][k] = gw[q][target[k]][source[k]];
      }
    }
    return out;
  }
}
