package org.neuromechfly.dmn.engine.neuron;

import java.util.Arrays;

/**
 * The history and running state of one population over one episode: what the forward pass leaves for
 * the backward pass ({@code [T][B][N]} traces of membrane, output, synaptic current and refractory
 * clamps), the carries of both passes and the per-neuron gradient accumulators.
 */
public final class PopulationState {
  final int steps;
  final int batch;
  final int cells;

  /** Membrane before the spike reset. */
  final Trace membrane;
  /** What the population passes on: spikes, or rectified membrane for graded cells. */
  final Trace output;
  /** Synaptic current, only with a synaptic time constant. */
  final Trace synaptic;
  /** 1 where the cell was clamped by refractoriness, only with a refractory period. */
  final byte[] clamped;

  final double[] membraneAfterReset;
  final double[] synapticNow;
  final int[] refractoryLeft;

  final double[] gradMembraneCarry;
  final double[] gradSynapticCarry;
  final CellGradients gradients;

  // per-step scratch [B][N], so the time loops allocate nothing
  final double[] vNow;
  final double[] sNow;
  final double[] vPrev;
  final double[] sPrev;
  final double[] scratch;
  final double[] before;
  /** Step whose membrane and output {@link #vPrev}/{@link #sPrev} hold, or −1. */
  int cachedStep = -1;

  PopulationState(
      Precision precision, int steps, int batch, int cells, boolean synapses, boolean refractory) {
    this.steps = steps;
    this.batch = batch;
    this.cells = cells;
    int length = Math.multiplyExact(Math.multiplyExact(steps, batch), cells);
    membrane = Trace.allocate(precision, length);
    output = Trace.allocate(precision, length);
    synaptic = synapses ? Trace.allocate(precision, length) : null;
    clamped = refractory ? new byte[length] : null;
    int slice = batch * cells;
    membraneAfterReset = new double[slice];
    synapticNow = new double[slice];
    refractoryLeft = new int[slice];
    gradMembraneCarry = new double[slice];
    gradSynapticCarry = new double[slice];
    gradients = new CellGradients(cells);
    vNow = new double[slice];
    sNow = new double[slice];
    vPrev = new double[slice];
    sPrev = new double[slice];
    scratch = new double[slice];
    before = new double[slice];
  }

  /** Clears carries before a backward pass (the forward state is kept). */
  void beginBackward() {
    cachedStep = -1;
    Arrays.fill(gradMembraneCarry, 0);
    Arrays.fill(gradSynapticCarry, 0);
    gradients.clear();
  }

  public int steps() {
    return steps;
  }

  public int batch() {
    return batch;
  }

  public int cells() {
    return cells;
  }

  /** Output (spike or graded value) of cell {@code n} of batch element {@code b} at step {@code t}. */
  public double output(int t, int b, int n) {
    return output.get((t * batch + b) * cells + n);
  }

  /** Membrane before reset of cell {@code n} of batch element {@code b} at step {@code t}. */
  public double membrane(int t, int b, int n) {
    return membrane.get((t * batch + b) * cells + n);
  }

  /** How many (step, batch element, cell) entries refractoriness clamped in the last episode. */
  public long clampedCount() {
    long n = 0;
    if (clamped != null) {
      for (byte c : clamped) {
        n += c;
      }
    }
    return n;
  }

  /** The output trace, {@code [T][B][N]} flattened. */
  public Trace outputTrace() {
    return output;
  }
}
