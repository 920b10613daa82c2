package org.neuromechfly.dmn.engine.neuron;

import java.util.Arrays;

/**
 * The history and running state of one population over one episode: what the forward pass leaves for
 * the backward pass ({@code [T][B][N]} traces of membrane, output, synaptic current and refractory
 * clamps), the carries of both passes and the per-neuron gradient accumulators.
 *
 * <p>The traces hold a window of {@link #rows} consecutive steps starting at {@link #origin}: the
 * whole episode (origin 0), or, in a kernel that recomputes segments, one segment and the steps before
 * it that delayed projections still read ({@link #slide}); reading a step outside the window is an
 * error, never a stale value. An output record ({@link #outputRecord}) keeps outputs only.
 */
public final class PopulationState {
  final int steps;
  final int batch;
  final int cells;
  /** Steps the traces hold. */
  final int rows;
  /** The step held in the traces' first row. */
  int origin;

  /** Membrane before the spike reset. */
  final Trace membrane;
  /** What the population passes on: spikes, or rectified membrane for graded cells. */
  final Trace output;
  /** Synaptic current, only with a synaptic time constant. */
  final Trace synaptic;
  /**
   * Per step and cell, {@link Refractoriness#CLAMPED} where refractoriness clamped the cell and
   * {@link Refractoriness#CLEARED} where a frozen period dropped its input; only with a refractory period.
   */
  final byte[] clamped;

  final double[] membraneAfterReset;
  final double[] synapticNow;
  final int[] refractoryLeft;

  final double[] gradMembraneCarry;
  final double[] gradSynapticCarry;
  final CellGradients gradients;

  // per-step scratch ([B][N], and one row for the backward step), so the time loops allocate nothing
  double[] vNow;
  double[] sNow;
  double[] vPrev;
  double[] sPrev;
  final CellRows cellRows;
  final double[] before;
  /** Step whose membrane and output {@link #vPrev}/{@link #sPrev} hold, or −1. */
  int cachedStep = -1;
  /** Step whose output {@link #sNow} holds exactly as the trace stores it (spikes: 0 or 1), or −1. */
  int exactStep = -1;

  PopulationState(Precision precision, int steps, int rows, int batch, int cells, boolean synapses,
      boolean refractory) {
    this.steps = steps;
    this.rows = rows;
    this.batch = batch;
    this.cells = cells;
    int length = Math.multiplyExact(Math.multiplyExact(rows, batch), cells);
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
    cellRows = new CellRows(cells);
    before = new double[slice];
  }

  /**
   * Makes the previous step's membrane and output (read one reverse step earlier) this step's, by
   * swapping the buffers rather than copying them.
   */
  void promotePrevious() {
    double[] v = vNow;
    vNow = vPrev;
    vPrev = v;
    double[] o = sNow;
    sNow = sPrev;
    sPrev = o;
  }

  /** Outputs only, of every step: a recording for pictures, not a state a population steps. */
  private PopulationState(Precision precision, int steps, int batch, int cells) {
    this.steps = steps;
    this.rows = steps;
    this.batch = batch;
    this.cells = cells;
    output = Trace.allocate(precision, Math.multiplyExact(Math.multiplyExact(steps, batch), cells));
    membrane = null;
    synaptic = null;
    clamped = null;
    membraneAfterReset = synapticNow = gradMembraneCarry = gradSynapticCarry = null;
    vNow = sNow = vPrev = sPrev = before = null;
    cellRows = null;
    refractoryLeft = null;
    gradients = null;
  }

  /** A record of the outputs of {@code batch} flies over {@code steps} steps ({@link #recordOutput}). */
  public static PopulationState outputRecord(Precision precision, int steps, int batch, int cells) {
    return new PopulationState(precision, steps, batch, cells);
  }

  /** Stores the first {@link #batch} flies' outputs of step t from a row of at least as many flies. */
  public void recordOutput(int t, double[] output) {
    int size = batch * cells;
    this.output.write(offset(t), output, size);
  }

  /** Copies the output of step t, {@code [B][N]}, into {@code into} (as stored: in the trace's precision). */
  public void readOutput(int t, double[] into) {
    int size = batch * cells;
    // copied rather than converted again when the step just wrote it, or the backward step just read it
    if (t == exactStep) {
      System.arraycopy(sNow, 0, into, 0, size);
      return;
    }
    if (t == cachedStep) {
      System.arraycopy(sPrev, 0, into, 0, size);
      return;
    }
    output.read(offset(t), into, size);
  }

  /** Where step t's row starts in the traces. */
  int offset(int t) {
    int row = t - origin;
    if (row < 0 || row >= rows) {
      throw new IllegalStateException("step " + t + " is not held (steps " + origin + ".." + (origin + rows - 1) + ")");
    }
    return row * batch * cells;
  }

  /**
   * Moves the window on to start at {@code origin}, keeping the steps it already holds from there on:
   * at a segment's start, the last {@code rows − segment} steps of the one before become its first.
   */
  void slide(int newOrigin) {
    int shift = newOrigin - origin;
    int keep = rows - shift;
    int size = batch * cells;
    if (shift > 0 && keep > 0) {
      int from = shift * size;
      int n = keep * size;
      membrane.copyTo(from, membrane, 0, n);
      output.copyTo(from, output, 0, n);
      if (synaptic != null) {
        synaptic.copyTo(from, synaptic, 0, n);
      }
    }
    origin = newOrigin;
  }

  /** Bytes of the record (the traces of the steps held and the clamp bytes). */
  public long recordBytes() {
    return (membrane == null ? 0 : membrane.bytes()) + output.bytes() + (synaptic == null ? 0 : synaptic.bytes())
        + (clamped == null ? 0 : clamped.length);
  }

  /** Clears carries before a backward pass (the forward state is kept). */
  void beginBackward() {
    cachedStep = -1;
    exactStep = -1;
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
    return output.get(offset(t) + b * cells + n);
  }

  /** Membrane before reset of cell {@code n} of batch element {@code b} at step {@code t}. */
  public double membrane(int t, int b, int n) {
    if (membrane == null) {
      throw new IllegalStateException("an output record holds no membranes");
    }
    return membrane.get(offset(t) + b * cells + n);
  }

  /** How many (step, batch element, cell) entries refractoriness clamped in the steps held. */
  public long clampedCount() {
    return countMarked(Refractoriness.CLAMPED);
  }

  /** How many (step, batch element, cell) entries a frozen refractory period cleared in the steps held. */
  public long clearedCount() {
    return countMarked(Refractoriness.CLEARED);
  }

  private long countMarked(byte bit) {
    long n = 0;
    if (clamped != null) {
      for (byte c : clamped) {
        n += (c & bit) != 0 ? 1 : 0;
      }
    }
    return n;
  }

  /** The output trace of the steps held, {@code [rows][B][N]} flattened. */
  public Trace outputTrace() {
    return output;
  }
}
