package org.neuromechfly.dmn.model;

import java.util.List;

/**
 * What the fused kernel keeps of an episode for its backward pass, per fly, and how long its
 * recomputed segments are. Either the whole record — membrane and output (and synaptic current with a
 * {@code tau_syn}, a clamp byte with a refractory period) for every step — or, when that is too large,
 * checkpoints every S steps plus one segment's record: the backward pass re-runs each segment from its
 * checkpoint (segment recomputation, Chen et al. 2016, arXiv:1604.06174), which costs at most one more
 * forward pass and gives the same bits.
 *
 * <p>A checkpoint holds the exact running state (membrane after reset and synaptic current in double,
 * refractory counters as ints) and, stored like the record, the outputs of the {@code delay} steps
 * before the segment (delayed projections read them) and the membrane (and synaptic current) of the
 * step before it (the backward pass reads them). A recomputing kernel also keeps the sensory drive of
 * every step, in double, since the world is never stepped twice. Memory is then
 * {@code (S + delay)·row + ⌈T/S⌉·checkpoint + T·drive}, least at S = √(T·checkpoint/row).
 *
 * @param row bytes of one step's record of one fly
 * @param checkpoint bytes of one checkpoint of one fly
 * @param drive bytes of one step's sensory drive of one fly
 * @param leadIn steps before a segment its checkpoint carries (the longest delay, at least 1)
 */
record EpisodeHistorySize(double row, double checkpoint, double drive, int leadIn) {

  static EpisodeHistorySize of(List<TrainingFootprint.PopulationSize> populations, int longestDelay, int valueBytes) {
    int leadIn = Math.max(longestDelay, 1);
    double row = 0;
    double checkpoint = 0;
    double drive = 0;
    for (TrainingFootprint.PopulationSize p : populations) {
      double n = Math.max(p.cells(), 0);
      int synaptic = p.synapticCurrent() ? 1 : 0;
      int refractory = p.refractory() ? 1 : 0;
      row += n * (valueBytes * (2 + synaptic) + refractory);
      checkpoint += n * (8 + 8 * synaptic + 4 * refractory + valueBytes * (leadIn + 1 + synaptic));
      drive += p.sensory() ? n * 8 : 0;
    }
    return new EpisodeHistorySize(row, checkpoint, drive, leadIn);
  }

  /** The whole record of {@code steps} steps of {@code batch} flies. */
  double full(double steps, double batch) {
    return steps * batch * row;
  }

  /** Checkpoints every {@code segment} steps, one segment's record and the drive of every step. */
  double segmented(double steps, double batch, int segment) {
    return batch * ((segment + leadIn) * row + Math.ceil(steps / segment) * checkpoint + steps * drive);
  }

  /** The segment length that needs least memory, √(T·checkpoint/row), within 1..T. */
  int leanestSegment(int steps) {
    if (row <= 0) {
      return Math.max(steps, 1);
    }
    double s = Math.rint(Math.sqrt(steps * checkpoint / row));
    return (int) Math.max(1, Math.min(s, Math.max(steps, 1)));
  }

  /**
   * The segment length the kernel uses: {@code requested} when it is one (≥ 1; as long as the episode
   * or longer means the whole record), 0 for the whole record when asked for ({@code 0}) or when it
   * fits {@code budget} bytes, else the leanest.
   */
  int choose(int steps, int batch, int requested, long budget) {
    if (requested >= 0) {
      return requested >= steps ? 0 : requested;
    }
    if (full(steps, batch) <= budget) {
      return 0;
    }
    int s = leanestSegment(steps);
    return s >= steps || segmented(steps, batch, s) >= full(steps, batch) ? 0 : s;
  }
}
