package org.neuromechfly.dmn.engine.fused;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.neuron.SegmentStarts;

/**
 * Segment recomputation (gradient checkpointing): the forward pass keeps, every {@code segment} steps,
 * what re-running the episode from there needs ({@link SegmentStarts}) and the sensory drive of every
 * step; each population records only a window of one segment and the steps before it that delayed
 * projections read. The backward pass, segment by segment from the last, restores the segment's start
 * and re-runs its steps with the same operations in the same order — so the record it then reads is
 * bit for bit the one a whole-episode record would hold — without stepping the world again (the world
 * keeps its own per-step state). The last segment is still in the window when the backward pass
 * begins, so at most T − S steps are re-run.
 */
final class SegmentedHistory implements History {
  private final int steps;
  private final int segment;
  private final List<PopulationState> windows = new ArrayList<>();
  private final List<SegmentStarts> starts = new ArrayList<>();
  /** Sensory drive {@code [sensory population][t][B][N]}, filled by the forward pass. */
  private double[][][] drive;

  SegmentedHistory(Network network, int steps, int batch, int segment) {
    this.steps = steps;
    this.segment = segment;
    int leadIn = Math.max(1, network.maxDelay());
    int segments = (steps + segment - 1) / segment;
    for (LifPopulation pop : network.populations()) {
      PopulationState window = pop.newState(network.options().precision(), steps, segment + leadIn, batch);
      windows.add(window);
      starts.add(new SegmentStarts(window, network.options().precision(), segments, leadIn));
    }
  }

  @Override
  public PopulationState state(int population) {
    return windows.get(population);
  }

  @Override
  public void beforeStep(int t, double[][] sensed) {
    if (t % segment == 0) {
      for (int p = 0; p < windows.size(); p++) {
        starts.get(p).enter(t / segment, t, windows.get(p));
      }
    }
    keepDrive(t, sensed);
  }

  private void keepDrive(int t, double[][] sensed) {
    if (drive == null || drive.length != sensed.length) {
      drive = new double[sensed.length][steps][];
    }
    for (int i = 0; i < sensed.length; i++) {
      if (drive[i][t] == null || drive[i][t].length != sensed[i].length) {
        drive[i][t] = new double[sensed[i].length];
      }
      System.arraycopy(sensed[i], 0, drive[i][t], 0, sensed[i].length);
    }
  }

  @Override
  public void beforeBackwardStep(int t, Replay replay) {
    int k = t / segment;
    int first = k * segment;
    int last = Math.min(steps, first + segment) - 1;
    if (t != last || last == steps - 1) {
      return; // inside a segment already re-run, or the last one, still held from the forward pass
    }
    for (int p = 0; p < windows.size(); p++) {
      starts.get(p).restore(k, first, windows.get(p));
    }
    double[][] row = new double[drive.length][];
    for (int u = first; u <= last; u++) {
      for (int i = 0; i < drive.length; i++) {
        row[i] = drive[i][u];
      }
      replay.step(u, row);
    }
  }

  @Override
  public NetworkActivity activity(Network network) {
    throw new IllegalStateException("this kernel recomputes segments of " + segment + " steps and keeps no record of"
        + " the whole episode: watch its outputs with an ActivityObserver (ActivityRecorder) instead");
  }

  @Override
  public int segmentSteps() {
    return segment;
  }

  @Override
  public long bytes() {
    long bytes = 0;
    for (int p = 0; p < windows.size(); p++) {
      bytes += windows.get(p).recordBytes() + starts.get(p).bytes();
    }
    if (drive != null) {
      for (double[][] perStep : drive) {
        bytes += 8L * steps * (perStep[0] == null ? 0 : perStep[0].length);
      }
    }
    return bytes;
  }
}
