package org.neuromechfly.dmn.analysis.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.analysis.CellTypeGroups;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.analysis.simulate.Walk;
import org.neuromechfly.dmn.connectome.reference.CellType;
import org.neuromechfly.dmn.connectome.reference.Range;
import org.neuromechfly.dmn.connectome.reference.ReferenceData;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;

/**
 * Does the trained circuit's activity look like the fly's? Two experiments on the trained network:
 *
 * <ol>
 *   <li><b>Walking</b>: the held-out starts (the first of the run's fixed set) in the odour world, as in
 *       training's evaluation. Gives KC activity per 100 ms window and each KC's lifetime sparseness.
 *   <li><b>Odour pulses</b> ({@link PulseProtocol}), as on a fly held under a microscope: each trial
 *       replays 300 ms of the drive the antennae received while walking (a different stretch per trial,
 *       so every trial has its own recent history), 300 ms of clean air, the same 300 ms odour stimulus
 *       (the strongest stretch of drive met while walking) and 100 ms of clean air; then again with the
 *       APL → KC synapses silenced, as Lin et al. 2014 blocked APL output. Gives spontaneous (last 200 ms
 *       of clean air) and evoked (stimulus) rates, the fraction of KCs that respond (≥ 2 spikes in the
 *       stimulus and more than in the 300 ms of clean air before), response reliability and the effect
 *       of the APL block.
 * </ol>
 *
 * Plus the PN → KC convergence the learned weights actually use: per KC the participation ratio
 * (Σw)²/Σw² of its PN input weights, against the anatomical fan-in. Each measure is compared with
 * the cited range of {@code cell_types.yaml}: pass inside, warn outside, no verdict without a range.
 */
public final class ActivityAnalysis {
  static final double WINDOW_S = 0.1;
  static final double REPLAY_S = 0.3;
  static final double CLEAN_S = 0.3;
  static final double STIMULUS_S = 0.3;
  static final double AFTER_S = 0.1;
  /** Spikes in the stimulus window for a KC to count as responding. */
  static final int RESPONSE_SPIKES = 2;

  /** A verdict of a measure against its reference. */
  public enum Verdict { pass, warn, none }

  /**
   * One measure of one population or cell type.
   *
   * @param measure what was measured
   * @param cellType the population, or the KC class
   * @param cells cells it covers
   * @param value the value
   * @param unit its unit
   * @param low lower end of the reference range, or null
   * @param high upper end, or null
   * @param source citation of the range (tagged [data], [lit] or [model]), or null
   * @param verdict pass inside the range, warn outside, none without one
   */
  public record Row(String measure, String cellType, int cells, double value, String unit, Double low, Double high,
      String source, Verdict verdict) {}

  /** Traces for the figures: population rate (Hz, 10 ms bins) over a pulse trial, and KC responders. */
  public record Traces(double dt, int onset, int offset, Map<String, double[]> pulseRate,
      Map<String, double[]> respondersIntact, Map<String, double[]> respondersBlocked) {}

  /** Measures and traces. */
  public record Result(List<Row> rows, Traces traces, int starts, int trials, String protocol) {}

  private final ReferenceData reference;
  private final int starts;
  private final int trials;
  private final long seed;

  /**
   * @param reference the cited ranges
   * @param starts held-out starts walked (one batch)
   * @param trials odour-pulse trials
   * @param seed chooses the replayed stretches
   */
  public ActivityAnalysis(ReferenceData reference, int starts, int trials, long seed) {
    this.reference = reference;
    this.starts = starts;
    this.trials = trials;
    this.seed = seed;
  }

  public Result analyse(TrainedRun run) {
    CircuitSpec spec = run.spec();
    NavigationTask task = run.task();
    Network network = run.trainedNetwork();
    double dt = task.dt().si();
    List<Row> rows = new ArrayList<>();

    // 1. walking
    Walk walked = Walk.heldOut(spec, network, starts);
    NetworkActivity walk = walked.activity();
    int odour = walked.sensory().indexOf(OdourWorld.sensoryOf(spec));
    int[] sensoryCells = walked.sensory().stream()
        .mapToInt(name -> spec.population(name).map(Population::count).orElseThrow()).toArray();

    // 2. odour pulses, intact and with APL -> KC silenced
    int replay = steps(REPLAY_S, dt);
    int clean = steps(CLEAN_S, dt);
    int stimulus = steps(STIMULUS_S, dt);
    int onset = replay + clean;
    int offset = onset + stimulus;
    int length = offset + steps(AFTER_S, dt);
    int[] stretch = strongestStretch(walked.drive()[odour], stimulus);
    SplittableRandom random = new SplittableRandom(seed);
    int[] trialEpisode = new int[trials];
    int[] trialStart = new int[trials];
    for (int k = 0; k < trials; k++) {
      trialEpisode[k] = k % starts;
      trialStart[k] = random.nextInt(Math.max(1, task.steps() - replay + 1));
    }
    PulseProtocol pulses = new PulseProtocol(walked, task.forward().population(), sensoryCells, odour, trialEpisode,
        trialStart, Math.min(replay, task.steps()), stretch[0], stretch[1], stimulus, onset, length);
    BpttKernel pulseKernel = new BpttKernel(network, length, trials);
    pulseKernel.forward(pulses, ActivityObjective.NONE);
    NetworkActivity intact = pulseKernel.activity();
    Map<String, Counts> spikesIntact = windowCounts(intact, onset - clean, onset, offset);
    Map<String, double[]> pulseRate = pulseRates(intact, dt);
    List<Synapses> apl = aplToKc(network, spec);
    Map<String, Counts> spikesBlocked = null;
    if (!apl.isEmpty()) {
      for (Synapses s : apl) {
        java.util.Arrays.fill(s.rawMagnitudes().value(), 0);
        s.prepare();
      }
      BpttKernel blockedKernel = new BpttKernel(network, length, trials);
      blockedKernel.forward(pulses, ActivityObjective.NONE);
      spikesBlocked = windowCounts(blockedKernel.activity(), onset - clean, onset, offset);
    }

    Map<String, double[]> respondersIntact = new LinkedHashMap<>();
    Map<String, double[]> respondersBlocked = new LinkedHashMap<>();
    for (int p = 0; p < network.populations().size(); p++) {
      var population = network.populations().get(p);
      Population declared = spec.population(population.name()).orElseThrow();
      Optional<CellType> type = reference.cellType(declared.cellType());
      boolean kenyon = type.isPresent() && reference.isA(type.get().name(), "KC");
      String[] groups = groups(run, declared);
      for (String group : distinct(groups, declared.name())) {
        int[] cells = cellsOf(groups, group, declared.name());
        String label = group;
        if (population.graded()) {
          rows.add(new Row("mean output while walking (graded, no spikes)", label, cells.length,
              meanOutput(walk.state(p), cells), "a.u.", null, null, null, Verdict.none));
          continue;
        }
        Counts counts = spikesIntact.get(population.name());
        rows.add(rangeRow("spontaneous rate (clean air, 200 ms before the pulse)", label, cells.length,
            rate(counts, SPONTANEOUS, cells, steps(0.2, dt) * dt), "Hz", type.map(CellType::spontaneousRate).orElse(null)));
        rows.add(rangeRow("odour-evoked rate (300 ms stimulus)", label, cells.length,
            rate(counts, STIMULUS, cells, stimulus * dt), "Hz", type.map(CellType::evokedRate).orElse(null)));
        if (kenyon) {
          double[] perTrial = responders(counts, cells);
          respondersIntact.put(label, perTrial);
          rows.add(rangeRow("KCs responding to the odour pulse", label, cells.length, mean(perTrial), "fraction",
              reference.kcSparsity()));
          rows.add(rangeRow("response reliability (fraction of trials a responding KC responds in)", label,
              cells.length, reliability(counts, cells), "fraction",
              reference.activityRange("kc_response_reliability").orElse(null)));
          rows.add(rangeRow("KCs active per 100 ms while walking", label, cells.length,
              activeFraction(walk.state(p), cells, steps(WINDOW_S, dt)), "fraction", reference.kcSparsity()));
          rows.add(rangeRow("lifetime sparseness while walking (Treves-Rolls, 100 ms windows)", label, cells.length,
              lifetimeSparseness(walk.state(p), cells, steps(WINDOW_S, dt)), "",
              reference.activityRange("kc_lifetime_sparseness").orElse(null)));
          if (spikesBlocked != null) {
            double[] blocked = responders(spikesBlocked.get(population.name()), cells);
            respondersBlocked.put(label, blocked);
            rows.add(rangeRow("APL block: responding KCs silenced / intact", label, cells.length,
                mean(blocked) / mean(perTrial), "ratio", reference.activityRange("apl_block_ratio").orElse(null)));
          }
        }
      }
    }
    rows.addAll(convergence(run, network));
    String protocol = String.format(java.util.Locale.ROOT, "walking: %d held-out starts, %d steps; pulses: %d trials"
        + " of %.0f ms replayed walking drive, %.0f ms clean air, the same %.0f ms odour stimulus (the strongest"
        + " stretch of odour drive met while walking; wind sensors get the wind they sensed then, steadily in clean"
        + " air), %.0f ms clean air; KC responds: >= %d spikes in the stimulus and"
        + " more than in the clean air before; APL block: APL -> KC magnitudes set to 0", starts, task.steps(), trials,
        REPLAY_S * 1e3, CLEAN_S * 1e3, STIMULUS_S * 1e3, AFTER_S * 1e3, RESPONSE_SPIKES);
    return new Result(rows, new Traces(dt, onset, offset, pulseRate, respondersIntact, respondersBlocked), starts,
        trials, protocol);
  }

  private Row rangeRow(String measure, String cellType, int cells, double value, String unit, Range range) {
    if (range == null) {
      return new Row(measure, cellType, cells, value, unit, null, null, null, Verdict.none);
    }
    Verdict verdict = Double.isFinite(value) && range.contains(value) ? Verdict.pass : Verdict.warn;
    return new Row(measure, cellType, cells, value, unit, range.low(), range.high(), range.source(), verdict);
  }

  /** The KC class of each cell of a KC population (from the cells' connectome types), else null. */
  private static String[] groups(TrainedRun run, Population population) {
    String[] g = new String[population.count()];
    Optional<PopulationCells> cells = run.wiring().cells(population.name());
    for (int i = 0; i < g.length; i++) {
      final int n = i;
      g[i] = cells.map(c -> CellTypeGroups.group(c.types()[n])).filter(CellTypeGroups::kenyonClass).orElse(null);
    }
    return g;
  }

  /** The population as a whole first, then its KC classes if it has any. */
  private static List<String> distinct(String[] groups, String population) {
    List<String> names = new ArrayList<>();
    names.add(population);
    for (String g : groups) {
      if (g != null && !names.contains(g)) {
        names.add(g);
      }
    }
    return names;
  }

  private static int[] cellsOf(String[] groups, String group, String population) {
    if (group.equals(population)) {
      return java.util.stream.IntStream.range(0, groups.length).toArray();
    }
    return java.util.stream.IntStream.range(0, groups.length).filter(i -> group.equals(groups[i])).toArray();
  }

  /**
   * Where the stretch of {@code length} steps with the largest summed drive starts: {episode, step}.
   *
   * @param drive {@code [B][T][channel]} of the odour population
   */
  static int[] strongestStretch(double[][][] drive, int length) {
    int steps = drive[0].length;
    int window = Math.min(length, steps);
    int bestB = 0;
    int bestT = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int b = 0; b < drive.length; b++) {
      double sum = 0;
      for (int t = 0; t < steps; t++) {
        sum += total(drive[b][t]);
        if (t >= window) {
          sum -= total(drive[b][t - window]);
        }
        if (t >= window - 1 && sum > best) {
          best = sum;
          bestB = b;
          bestT = t - window + 1;
        }
      }
    }
    return new int[] {bestB, bestT};
  }

  private static double total(double[] channels) {
    double s = 0;
    for (double c : channels) {
      s += c;
    }
    return s;
  }

  /**
   * Spike counts of one population per trial and cell in three windows: the last 200 ms of clean air
   * ({@link #SPONTANEOUS}), all of the clean air ({@link #CLEAN}) and the stimulus ({@link #STIMULUS}).
   *
   * @param counts [window][trial × cells + cell]
   */
  record Counts(int trials, int cells, int[][] counts) {
    int at(int window, int trial, int cell) {
      return counts[window][trial * cells + cell];
    }

    boolean responds(int trial, int cell) {
      return at(STIMULUS, trial, cell) >= RESPONSE_SPIKES && at(STIMULUS, trial, cell) > at(CLEAN, trial, cell);
    }
  }

  static final int SPONTANEOUS = 0;
  static final int CLEAN = 1;
  static final int STIMULUS = 2;

  private static Map<String, Counts> windowCounts(NetworkActivity act, int cleanFrom, int onset, int offset) {
    Map<String, Counts> out = new LinkedHashMap<>();
    for (int p = 0; p < act.populationCount(); p++) {
      PopulationState st = act.state(p);
      int cells = st.cells();
      int[][] counts = new int[3][st.batch() * cells];
      int spontaneousFrom = onset - (int) Math.round((onset - cleanFrom) * 2.0 / 3.0);
      for (int b = 0; b < st.batch(); b++) {
        for (int n = 0; n < cells; n++) {
          for (int t = cleanFrom; t < offset; t++) {
            if (st.output(t, b, n) > 0.5) {
              if (t >= onset) {
                counts[2][b * cells + n]++;
              } else {
                counts[1][b * cells + n]++;
                if (t >= spontaneousFrom) {
                  counts[0][b * cells + n]++;
                }
              }
            }
          }
        }
      }
      out.put(act.population(p).name(), new Counts(st.batch(), cells, counts));
    }
    return out;
  }

  private static double rate(Counts c, int window, int[] cells, double seconds) {
    double sum = 0;
    for (int k = 0; k < c.trials(); k++) {
      for (int n : cells) {
        sum += c.at(window, k, n);
      }
    }
    return sum / (c.trials() * (double) cells.length * seconds);
  }

  private static double[] responders(Counts c, int[] cells) {
    double[] fraction = new double[c.trials()];
    for (int k = 0; k < c.trials(); k++) {
      int r = 0;
      for (int n : cells) {
        if (c.responds(k, n)) {
          r++;
        }
      }
      fraction[k] = (double) r / cells.length;
    }
    return fraction;
  }

  private static double reliability(Counts c, int[] cells) {
    double sum = 0;
    int responding = 0;
    for (int n : cells) {
      int hits = 0;
      for (int k = 0; k < c.trials(); k++) {
        if (c.responds(k, n)) {
          hits++;
        }
      }
      if (hits > 0) {
        sum += (double) hits / c.trials();
        responding++;
      }
    }
    return responding == 0 ? Double.NaN : sum / responding;
  }

  private static double activeFraction(PopulationState st, int[] cells, int window) {
    double sum = 0;
    int windows = 0;
    for (int b = 0; b < st.batch(); b++) {
      for (int from = 0; from + window <= st.steps(); from += window) {
        int active = 0;
        for (int n : cells) {
          for (int t = from; t < from + window; t++) {
            if (st.output(t, b, n) > 0.5) {
              active++;
              break;
            }
          }
        }
        sum += (double) active / cells.length;
        windows++;
      }
    }
    return windows == 0 ? Double.NaN : sum / windows;
  }

  /** Mean over the cells that fired of the Treves–Rolls lifetime sparseness of their counts in windows. */
  static double lifetimeSparseness(PopulationState st, int[] cells, int window) {
    int perEpisode = st.steps() / window;
    int w = perEpisode * st.batch();
    if (w < 2) {
      return Double.NaN;
    }
    double sum = 0;
    int fired = 0;
    double[] r = new double[w];
    for (int n : cells) {
      java.util.Arrays.fill(r, 0);
      for (int b = 0; b < st.batch(); b++) {
        for (int t = 0; t < perEpisode * window; t++) {
          if (st.output(t, b, n) > 0.5) {
            r[b * perEpisode + t / window]++;
          }
        }
      }
      double s = trevesRolls(r);
      if (Double.isFinite(s)) {
        sum += s;
        fired++;
      }
    }
    return fired == 0 ? Double.NaN : sum / fired;
  }

  /**
   * Treves–Rolls sparseness of responses {@code r} (Vinje &amp; Gallant 2000 normalisation):
   * (1 − (Σr/W)² / (Σr²/W)) / (1 − 1/W); 0 when every window has the same response, 1 when one
   * window has them all; NaN without any response.
   */
  static double trevesRolls(double[] r) {
    int w = r.length;
    double s1 = 0;
    double s2 = 0;
    for (double x : r) {
      s1 += x;
      s2 += x * x;
    }
    if (w < 2 || s2 == 0) {
      return Double.NaN;
    }
    return (1 - (s1 / w) * (s1 / w) / (s2 / w)) / (1 - 1.0 / w);
  }

  private static double meanOutput(PopulationState st, int[] cells) {
    double sum = 0;
    for (int t = 0; t < st.steps(); t++) {
      for (int b = 0; b < st.batch(); b++) {
        for (int n : cells) {
          sum += st.output(t, b, n);
        }
      }
    }
    return sum / ((double) st.steps() * st.batch() * cells.length);
  }

  /** Population rate (Hz) in 10 ms bins, averaged over trials and cells. */
  private static Map<String, double[]> pulseRates(NetworkActivity act, double dt) {
    Map<String, double[]> rates = new LinkedHashMap<>();
    int bin = Math.max(1, (int) Math.round(0.01 / dt));
    for (int p = 0; p < act.populationCount(); p++) {
      if (act.population(p).graded()) {
        continue;
      }
      PopulationState st = act.state(p);
      double[] rate = new double[st.steps() / bin];
      for (int t = 0; t < rate.length * bin; t++) {
        int spikes = 0;
        for (int b = 0; b < st.batch(); b++) {
          for (int n = 0; n < st.cells(); n++) {
            if (st.output(t, b, n) > 0.5) {
              spikes++;
            }
          }
        }
        rate[t / bin] += spikes / (bin * dt * st.batch() * st.cells());
      }
      rates.put(act.population(p).name(), rate);
    }
    return rates;
  }

  /** The APL → KC synapses (by the populations' cell types), to silence. */
  private List<Synapses> aplToKc(Network network, CircuitSpec spec) {
    List<Synapses> found = new ArrayList<>();
    for (Synapses s : network.synapses()) {
      Population source = spec.populations().get(s.sourcePopulation());
      Population target = spec.populations().get(s.targetPopulation());
      if (reference.isA(source.cellType(), "APL") && reference.isA(target.cellType(), "KC")) {
        found.add(s);
      }
    }
    return found;
  }

  /** PN → KC convergence used by the learned weights, per KC class, against the anatomical fan-in. */
  private List<Row> convergence(TrainedRun run, Network network) {
    List<Row> rows = new ArrayList<>();
    CircuitSpec spec = run.spec();
    for (Synapses s : network.synapses()) {
      Population source = spec.populations().get(s.sourcePopulation());
      Population target = spec.populations().get(s.targetPopulation());
      if (!reference.isA(source.cellType(), "uPN") || !reference.isA(target.cellType(), "KC")) {
        continue;
      }
      Range fanIn = reference.projection(source.cellType(), target.cellType()).flatMap(k -> k.typicalFanIn()).orElse(null);
      int[] rowPtr = s.edges().rowPtr();
      String[] groups = groups(run, target);
      for (String group : distinct(groups, target.name())) {
        int[] cells = cellsOf(groups, group, target.name());
        double used = 0;
        double anatomical = 0;
        int innervated = 0;
        for (int k : cells) {
          double sum = 0;
          double squares = 0;
          for (int e = rowPtr[k]; e < rowPtr[k + 1]; e++) {
            double w = Math.abs(s.weight(e));
            sum += w;
            squares += w * w;
          }
          if (rowPtr[k + 1] > rowPtr[k] && squares > 0) {
            used += sum * sum / squares;
            anatomical += rowPtr[k + 1] - rowPtr[k];
            innervated++;
          }
        }
        if (innervated == 0) {
          continue;
        }
        rows.add(rangeRow("PN inputs per KC, anatomical (" + s.label() + " mask)", group, innervated,
            anatomical / innervated, "PNs", fanIn));
        rows.add(rangeRow("PN inputs per KC the learned weights use ((Σw)²/Σw²)", group, innervated,
            used / innervated, "PNs", fanIn));
      }
    }
    return rows;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  private static int steps(double seconds, double dt) {
    return Math.max(1, (int) Math.round(seconds / dt));
  }
}
