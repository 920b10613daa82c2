package org.neuromechfly.dmn.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.neuron.LifCells;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.model.RefractoryMode;

/**
 * A {@link Network} laid out for event-driven simulation: every cell of every population on one
 * index line (population p's cell n at {@code offset(p) + n}), and every synapse in compressed columns
 * by source cell, grouped by delay, with its effective signed weight as the network has it now
 * (trained or initial). Silenced cells lose their outgoing synapses; cells with Poisson drive lose
 * their refractory period (Shiu et al. 2024). Immutable; trials ({@link TrialSimulation}) share it.
 */
public final class SpikingNetwork {
  /** Bytes per synapse held here: target index (int) and weight (double). */
  public static final int BYTES_PER_SYNAPSE = Integer.BYTES + Double.BYTES;

  private final Network network;
  private final double dt;
  private final LifPopulation[] populations;
  private final int[] offset;
  private final int size;
  private final int[] populationOf;
  private final int[][] refractoryPeriod;
  private final int[] delays;
  private final int[][] pointer;
  private final int[][] target;
  private final double[][] weight;
  private final List<PoissonDrive> drives;
  private final long synapseCount;

  private SpikingNetwork(Network network, List<PoissonDrive> drives, List<Silencing> silenced) {
    this.network = network;
    this.dt = network.dt();
    List<LifPopulation> pops = network.populations();
    populations = pops.toArray(LifPopulation[]::new);
    offset = new int[populations.length + 1];
    for (int p = 0; p < populations.length; p++) {
      LifPopulation pop = populations[p];
      if (pop.graded()) {
        throw new IllegalArgumentException("population " + pop.name()
            + " is graded (non-spiking): event-driven simulation needs spiking cells");
      }
      offset[p + 1] = Math.addExact(offset[p], pop.cells());
    }
    size = offset[populations.length];
    populationOf = new int[size];
    for (int p = 0; p < populations.length; p++) {
      for (int k = offset[p]; k < offset[p + 1]; k++) {
        populationOf[k] = p;
      }
    }
    this.drives = List.copyOf(drives);
    refractoryPeriod = new int[populations.length][];
    for (PoissonDrive d : drives) {
      check(d.population(), d.cells(), "Poisson drive");
      int[] period = refractoryPeriod[d.population()];
      if (period == null) {
        period = new int[populations[d.population()].cells()];
        java.util.Arrays.fill(period, populations[d.population()].refractorySteps());
        refractoryPeriod[d.population()] = period;
      }
      for (int n : d.cells()) {
        period[n] = 0;
      }
    }
    boolean[] mute = new boolean[size];
    for (Silencing s : silenced) {
      check(s.population(), s.cells(), "silencing");
      for (int n : s.cells()) {
        mute[offset[s.population()] + n] = true;
      }
    }
    // group projections by delay; two passes (count, fill) into columns by global source cell
    TreeMap<Integer, List<Synapses>> byDelay = new TreeMap<>();
    for (Synapses s : network.synapses()) {
      byDelay.computeIfAbsent(s.delay(), d -> new ArrayList<>()).add(s);
    }
    int groups = byDelay.size();
    delays = new int[groups];
    pointer = new int[groups][];
    target = new int[groups][];
    weight = new double[groups][];
    long total = 0;
    int g = 0;
    for (var entry : byDelay.entrySet()) {
      delays[g] = entry.getKey();
      int[] ptr = new int[size + 1];
      for (Synapses s : entry.getValue()) {
        EdgeArrays e = s.edges();
        int from = offset[s.sourcePopulation()];
        int[] src = e.sourceIndex();
        for (int i = 0; i < src.length; i++) {
          if (!mute[from + src[i]] && s.weight(i) != 0) {
            ptr[from + src[i] + 1]++;
          }
        }
      }
      for (int k = 0; k < size; k++) {
        ptr[k + 1] += ptr[k];
      }
      int m = ptr[size];
      int[] tgt = new int[m];
      double[] w = new double[m];
      int[] fill = ptr.clone();
      for (Synapses s : entry.getValue()) {
        EdgeArrays e = s.edges();
        int from = offset[s.sourcePopulation()];
        int to = offset[s.targetPopulation()];
        int[] rowPtr = e.rowPtr();
        int[] src = e.sourceIndex();
        for (int t = 0; t < e.targetCount(); t++) {
          for (int i = rowPtr[t]; i < rowPtr[t + 1]; i++) {
            double wi = s.weight(i);
            int source = from + src[i];
            if (!mute[source] && wi != 0) {
              int c = fill[source]++;
              tgt[c] = to + t;
              w[c] = wi;
            }
          }
        }
      }
      pointer[g] = ptr;
      target[g] = tgt;
      weight[g] = w;
      total += m;
      g++;
    }
    synapseCount = total;
  }

  /**
   * Lays out a network for simulation.
   *
   * @param network the network with its current parameters (call {@link Network#prepare()} after changing them)
   * @param drives Poisson input
   * @param silenced cells whose synapses are removed
   */
  public static SpikingNetwork of(Network network, List<PoissonDrive> drives, List<Silencing> silenced) {
    return new SpikingNetwork(network, drives, silenced);
  }

  /**
   * Bytes the simulation will hold beyond the network itself for {@code synapses} synapses and
   * {@code cells} cells, with {@code threads} trials running at once: columns (target, weight) and
   * per-trial state (membrane, current, scratch, pending input, flags). For refusing a model before
   * allocating it.
   */
  public static long estimateBytes(long synapses, long cells, int threads) {
    long perTrial = cells * (6L * Double.BYTES + 3L * Integer.BYTES + 4L);
    return synapses * BYTES_PER_SYNAPSE + cells * Integer.BYTES * 3L + threads * perTrial;
  }

  private void check(int population, int[] cells, String what) {
    if (population < 0 || population >= populations.length) {
      throw new IllegalArgumentException(what + ": no population " + population);
    }
    int count = populations[population].cells();
    for (int n : cells) {
      if (n < 0 || n >= count) {
        throw new IllegalArgumentException(what + ": cell " + n + " is not in population "
            + populations[population].name() + " (" + count + " cells)");
      }
    }
  }

  public Network network() {
    return network;
  }

  /** Time step, seconds. */
  public double dt() {
    return dt;
  }

  /** Cells on the index line. */
  public int size() {
    return size;
  }

  public int populationCount() {
    return populations.length;
  }

  public LifPopulation population(int p) {
    return populations[p];
  }

  /** Where population p starts on the index line. */
  public int offset(int p) {
    return offset[p];
  }

  /** The population of cell k of the index line. */
  public int populationOf(int k) {
    return populationOf[k];
  }

  LifCells constants(int p) {
    return populations[p].stepConstants();
  }

  RefractoryMode refractoryMode(int p) {
    return populations[p].refractoryMode();
  }

  /** Refractory period per cell of population p, or null when every cell has the population's. */
  int[] refractoryPeriods(int p) {
    return refractoryPeriod[p];
  }

  public List<PoissonDrive> drives() {
    return drives;
  }

  /** Synapses kept (silenced sources and zero weights left out). */
  public long synapseCount() {
    return synapseCount;
  }

  /** Distinct delays, ascending, in steps. */
  public int[] delays() {
    return delays.clone();
  }

  /** Longest delay in steps. */
  public int maxDelay() {
    return delays.length == 0 ? 1 : delays[delays.length - 1];
  }

  int delayGroups() {
    return delays.length;
  }

  int delay(int group) {
    return delays[group];
  }

  int[] pointer(int group) {
    return pointer[group];
  }

  int[] targets(int group) {
    return target[group];
  }

  double[] weights(int group) {
    return weight[group];
  }

  /**
   * Calls {@code visitor} for every synapse: source and target on the index line, weight and delay
   * in steps (for exports, e.g. to Brian2).
   */
  public void forEachSynapse(SynapseVisitor visitor) {
    for (int g = 0; g < delays.length; g++) {
      int[] ptr = pointer[g];
      for (int s = 0; s < size; s++) {
        for (int c = ptr[s]; c < ptr[s + 1]; c++) {
          visitor.synapse(s, target[g][c], weight[g][c], delays[g]);
        }
      }
    }
  }

  /** One synapse of {@link #forEachSynapse}. */
  @FunctionalInterface
  public interface SynapseVisitor {
    void synapse(int source, int target, double weight, int delaySteps);
  }
}
