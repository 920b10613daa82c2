package org.neuromechfly.dmn.engine.neuron;

/**
 * Where each recomputed segment of an episode starts, for one population: what re-running a segment
 * from its first step needs, saved by the forward pass and restored by the backward pass. The running
 * state is kept exactly (membrane after reset and synaptic current in double, refractory counters),
 * since the record's float could not reproduce it; the steps before the segment are kept as the record
 * holds them — outputs of the {@code leadIn} steps delayed projections read, and the membrane (and
 * synaptic current) of the step just before, which the backward pass of the segment's first step
 * reads.
 */
public final class SegmentStarts {
  private final int leadIn;
  private final int size;
  private final double[][] membraneAfterReset;
  private final double[][] synapticNow;
  private final int[][] refractoryLeft;
  private final Trace[] outputs;
  private final Trace[] membraneBefore;
  private final Trace[] synapticBefore;

  /**
   * @param st the window the segments are run in (its first {@code leadIn} rows are the steps before a
   *     segment)
   * @param segments segments per episode
   * @param leadIn steps before a segment that it reads (the longest delay, at least 1)
   */
  public SegmentStarts(PopulationState st, Precision precision, int segments, int leadIn) {
    this.leadIn = leadIn;
    this.size = st.batch * st.cells;
    boolean synaptic = st.synaptic != null;
    membraneAfterReset = new double[segments][size];
    synapticNow = synaptic ? new double[segments][size] : null;
    refractoryLeft = st.clamped != null ? new int[segments][size] : null;
    outputs = new Trace[segments];
    membraneBefore = new Trace[segments];
    synapticBefore = synaptic ? new Trace[segments] : null;
    for (int k = 0; k < segments; k++) {
      outputs[k] = Trace.allocate(precision, leadIn * size);
      membraneBefore[k] = Trace.allocate(precision, size);
      if (synaptic) {
        synapticBefore[k] = Trace.allocate(precision, size);
      }
    }
  }

  /**
   * Forward, before the first step of segment {@code k} (step {@code first}) runs: moves the window on
   * so that it starts {@code leadIn} steps before the segment, keeping the steps it holds, and saves
   * the state entering the segment.
   */
  public void enter(int k, int first, PopulationState st) {
    st.slide(first - leadIn);
    save(k, st);
  }

  private void save(int k, PopulationState st) {
    System.arraycopy(st.membraneAfterReset, 0, membraneAfterReset[k], 0, size);
    if (synapticNow != null) {
      System.arraycopy(st.synapticNow, 0, synapticNow[k], 0, size);
    }
    if (refractoryLeft != null) {
      System.arraycopy(st.refractoryLeft, 0, refractoryLeft[k], 0, size);
    }
    st.output.copyTo(0, outputs[k], 0, leadIn * size);
    int before = (leadIn - 1) * size;
    st.membrane.copyTo(before, membraneBefore[k], 0, size);
    if (synapticBefore != null) {
      st.synaptic.copyTo(before, synapticBefore[k], 0, size);
    }
  }

  /** Puts the window back at the start of segment {@code k}, whose first step is {@code first}. */
  public void restore(int k, int first, PopulationState st) {
    st.origin = first - leadIn;
    System.arraycopy(membraneAfterReset[k], 0, st.membraneAfterReset, 0, size);
    if (synapticNow != null) {
      System.arraycopy(synapticNow[k], 0, st.synapticNow, 0, size);
    }
    if (refractoryLeft != null) {
      System.arraycopy(refractoryLeft[k], 0, st.refractoryLeft, 0, size);
    }
    outputs[k].copyTo(0, st.output, 0, leadIn * size);
    int before = (leadIn - 1) * size;
    membraneBefore[k].copyTo(0, st.membrane, before, size);
    if (synapticBefore != null) {
      synapticBefore[k].copyTo(0, st.synaptic, before, size);
    }
  }

  /** Bytes the checkpoints take. */
  public long bytes() {
    long perSegment = 8L * size + (synapticNow == null ? 0 : 8L * size) + (refractoryLeft == null ? 0 : 4L * size)
        + outputs[0].bytes() + membraneBefore[0].bytes() + (synapticBefore == null ? 0 : synapticBefore[0].bytes());
    return perSegment * outputs.length;
  }
}
