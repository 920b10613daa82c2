package org.neuromechfly.dmn.engine.simulate;

import java.util.Arrays;
import org.neuromechfly.dmn.engine.neuron.DecayPowers;
import org.neuromechfly.dmn.engine.neuron.LifCells;
import org.neuromechfly.dmn.engine.neuron.LifStep;
import org.neuromechfly.dmn.engine.neuron.QuietCell;
import org.neuromechfly.dmn.engine.neuron.Refractoriness;
import org.neuromechfly.dmn.model.RefractoryMode;

/**
 * One trial of a {@link SpikingNetwork}, event-driven: a cell is stepped ({@link LifStep#forwardCells}
 * masked by {@link Refractoriness#forwardCells}, the engine's one LIF step) only while it is
 * <em>hot</em> — it received input or a Poisson event this step, is refractory, spiked, or could still
 * cross threshold from its present state without further input. Every other cell is <em>cold</em>: its
 * state is that of the step it cooled down in, and {@link QuietCell#advance} brings it up to date in
 * closed form when input next reaches it. Most of a whole brain is silent most of the time, so the
 * work follows the spikes and their synapses rather than cells × steps.
 *
 * <p>Per step t: deliver the spikes of step t − d through every delay group d (their weights become
 * this step's input), step the hot cells, record spikes, apply the Poisson kicks of step t to the
 * membranes of cells that did not spike in it (Brian2's PoissonInput acts after the threshold and
 * before the reset), and cool down the cells that can no longer cross threshold. Not thread-safe; one
 * instance per thread, reused across trials.
 */
public final class TrialSimulation {
  /** A cold cell must stay this far below threshold (normalised units) without input. */
  static final double COLD_MARGIN = 1e-9;

  private final SpikingNetwork net;
  private final boolean eventDriven;
  private final int size;
  private final double[] u;
  private final double[] synaptic;
  private final double[] v;
  private final double[] out;
  private final double[] before;
  private final double[] input;
  private final int[] left;
  private final byte[] rule;
  /** Step whose end state a cold cell holds. */
  private final int[] last;
  private final boolean[] hot;
  private final boolean[] touched;
  private final int[] touchedList;
  private final int[][] hotList;
  private final int[] hotCount;
  /** Spikes of the last maxDelay + 1 steps, by step modulo the ring. */
  private final int[][] ringCells;
  private final int[] ringCount;
  /** Per population, the decays' powers up to the longest trial run so far (null: computed). */
  private final DecayPowers[] powers;

  public TrialSimulation(SpikingNetwork net) {
    this(net, true);
  }

  /**
   * @param eventDriven false steps every cell in every step (a reference for tests: the event-driven
   *     trial must give the same spikes)
   */
  public TrialSimulation(SpikingNetwork net, boolean eventDriven) {
    this.net = net;
    this.eventDriven = eventDriven;
    this.size = net.size();
    u = new double[size];
    synaptic = new double[size];
    v = new double[size];
    out = new double[size];
    before = new double[size];
    input = new double[size];
    left = new int[size];
    rule = new byte[size];
    last = new int[size];
    hot = new boolean[size];
    touched = new boolean[size];
    touchedList = new int[size];
    hotList = new int[net.populationCount()][];
    hotCount = new int[net.populationCount()];
    for (int p = 0; p < hotList.length; p++) {
      hotList[p] = new int[net.population(p).cells()];
    }
    int ring = net.maxDelay() + 1;
    ringCells = new int[ring][16];
    ringCount = new int[ring];
    powers = new DecayPowers[net.populationCount()];
  }

  /** Runs one trial of {@code steps} steps from rest with the given Poisson events. */
  public SpikeTrain run(int steps, InputEvents events) {
    begin(steps);
    InputEvents.IntList spikeStep = new InputEvents.IntList();
    InputEvents.IntList spikeCell = new InputEvents.IntList();
    int ring = ringCount.length;
    int nextEvent = 0;
    for (int t = 0; t < steps; t++) {
      int touchedCount = deliver(t, ring);
      int firstEvent = nextEvent;
      while (nextEvent < events.size() && events.step(nextEvent) == t) {
        touchedCount = touch(events.cell(nextEvent), touchedCount);
        nextEvent++;
      }
      for (int i = 0; i < touchedCount; i++) {
        warm(touchedList[i], t);
      }
      int slot = t % ring;
      ringCount[slot] = 0;
      for (int p = 0; p < hotList.length; p++) {
        stepPopulation(p, slot);
      }
      // hot lists are in no particular order: spikes by cell keep the order of input sums (and so
      // their rounding) and of the recorded train independent of which cells happened to be hot
      Arrays.sort(ringCells[slot], 0, ringCount[slot]);
      for (int i = 0; i < ringCount[slot]; i++) {
        spikeStep.add(t);
        spikeCell.add(ringCells[slot][i]);
      }
      for (int e = firstEvent; e < nextEvent; e++) {
        int k = events.cell(e);
        if (out[k] == 0) {
          u[k] += events.kick(e);
        }
      }
      for (int i = 0; i < touchedCount; i++) {
        int k = touchedList[i];
        input[k] = 0;
        touched[k] = false;
      }
      for (int p = 0; p < hotList.length; p++) {
        coolDown(p, t);
      }
    }
    return new SpikeTrain(steps, size, spikeStep.toArray(), spikeCell.toArray());
  }

  private void begin(int steps) {
    for (int p = 0; p < powers.length; p++) {
      if (powers[p] == null || powers[p].steps() < steps) {
        powers[p] = DecayPowers.of(net.constants(p), steps);
      }
    }
    Arrays.fill(u, 0);
    Arrays.fill(synaptic, 0);
    Arrays.fill(out, 0);
    Arrays.fill(input, 0);
    Arrays.fill(left, 0);
    Arrays.fill(rule, LifStep.DECAY);
    Arrays.fill(last, -1);
    Arrays.fill(hot, false);
    Arrays.fill(touched, false);
    Arrays.fill(hotCount, 0);
    Arrays.fill(ringCount, 0);
    // cells that fire without input (bias above threshold) are hot from the start
    for (int p = 0; p < hotList.length; p++) {
      LifCells c = net.constants(p);
      int base = net.offset(p);
      for (int n = 0; n < net.population(p).cells(); n++) {
        if (!eventDriven || QuietCell.canCross(c, n, 0, 0, COLD_MARGIN)) {
          hot[base + n] = true;
          hotList[p][hotCount[p]++] = n;
        }
      }
    }
  }

  /** Adds the input of spikes arriving at step t; returns how many cells it touched. */
  private int deliver(int t, int ring) {
    int touchedCount = 0;
    for (int g = 0; g < net.delayGroups(); g++) {
      int from = t - net.delay(g);
      if (from < 0) {
        continue;
      }
      int slot = from % ring;
      int[] spikes = ringCells[slot];
      int count = ringCount[slot];
      int[] ptr = net.pointer(g);
      int[] tgt = net.targets(g);
      double[] w = net.weights(g);
      for (int i = 0; i < count; i++) {
        int s = spikes[i];
        for (int c = ptr[s], end = ptr[s + 1]; c < end; c++) {
          int k = tgt[c];
          input[k] += w[c];
          if (!touched[k]) {
            touched[k] = true;
            touchedList[touchedCount++] = k;
          }
        }
      }
    }
    return touchedCount;
  }

  private int touch(int k, int touchedCount) {
    if (!touched[k]) {
      touched[k] = true;
      touchedList[touchedCount++] = k;
    }
    return touchedCount;
  }

  /** Brings a cold cell up to the end of step t − 1 and makes it hot. */
  private void warm(int k, int t) {
    if (hot[k]) {
      return;
    }
    int p = net.populationOf(k);
    int n = k - net.offset(p);
    QuietCell.advance(net.constants(p), n, t - 1 - last[k], u, synaptic, k, powers[p]);
    hot[k] = true;
    hotList[p][hotCount[p]++] = n;
  }

  private void stepPopulation(int p, int slot) {
    int count = hotCount[p];
    if (count == 0) {
      return;
    }
    int[] cells = hotList[p];
    int base = net.offset(p);
    LifCells c = net.constants(p);
    RefractoryMode mode = net.refractoryMode(p);
    if (mode == RefractoryMode.FREEZE) {
      for (int i = 0; i < count; i++) {
        before[base + cells[i]] = u[base + cells[i]];
      }
    }
    LifStep.forwardCells(c, base, cells, count, input, mode == RefractoryMode.FREEZE ? rule : null, synaptic, u, v, out);
    Refractoriness.forwardCells(c, mode, base, cells, count, net.population(p).refractorySteps(),
        net.refractoryPeriods(p), left, rule, before, v, out, u);
    for (int i = 0; i < count; i++) {
      int k = base + cells[i];
      if (out[k] > 0) {
        if (ringCount[slot] == ringCells[slot].length) {
          ringCells[slot] = Arrays.copyOf(ringCells[slot], ringCells[slot].length * 2);
        }
        ringCells[slot][ringCount[slot]++] = k;
      }
    }
  }

  /** Turns cold the hot cells of population p that cannot change on their own after step t. */
  private void coolDown(int p, int t) {
    if (!eventDriven) {
      return;
    }
    int count = hotCount[p];
    int[] cells = hotList[p];
    int base = net.offset(p);
    LifCells c = net.constants(p);
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int n = cells[i];
      int k = base + n;
      boolean stays = left[k] > 0 || rule[k] != LifStep.DECAY || out[k] > 0
          || QuietCell.canCross(c, n, u[k], synaptic[k], COLD_MARGIN);
      if (stays) {
        cells[kept++] = n;
      } else {
        hot[k] = false;
        last[k] = t;
        out[k] = 0;
      }
    }
    hotCount[p] = kept;
  }

  /** Cells hot at the end of the last step (for tests and statistics). */
  public int hotCells() {
    int sum = 0;
    for (int h : hotCount) {
      sum += h;
    }
    return sum;
  }
}
