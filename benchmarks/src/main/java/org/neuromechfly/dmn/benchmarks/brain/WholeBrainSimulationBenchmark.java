package org.neuromechfly.dmn.benchmarks.brain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuromechfly.dmn.benchmarks.Arguments;
import org.neuromechfly.dmn.benchmarks.BenchmarkMain;
import org.neuromechfly.dmn.benchmarks.Machine;
import org.neuromechfly.dmn.connectome.synthetic.SyntheticBrain;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.simulate.Brian2Export;
import org.neuromechfly.dmn.engine.simulate.Brian2Process;
import org.neuromechfly.dmn.engine.simulate.Experiment;
import org.neuromechfly.dmn.engine.simulate.InputEvents;
import org.neuromechfly.dmn.engine.simulate.SpikeCountAgreement;
import org.neuromechfly.dmn.engine.simulate.SpikingNetwork;
import org.neuromechfly.dmn.engine.simulate.TrialSimulation;
import org.neuromechfly.dmn.engine.simulate.Trials;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * Whole-brain simulation (issue #15, "Must be shown"): the Shiu et al. 2024 model over a FlyWire-sized
 * brain — a synthetic one ({@link SyntheticBrain}, written on first use) or a user's real Shiu folder —
 * with a Shiu-style activation experiment (Poisson input into a few neurons), simulated event-driven by
 * the engine and, with the same network and the same input events, by Brian2, in one run: seconds per
 * simulated second (× real time) both ways and their ratio, peak memory, and the agreement of the two
 * simulators (identical spike counts per neuron and trial, rate correlation).
 */
public final class WholeBrainSimulationBenchmark {
  private WholeBrainSimulationBenchmark() {}

  /** Arguments. */
  record Settings(Path folder, int trials, int brianTrials, String python, String target, int stimulated, double rate,
      int threads, int neurons) {
    static Settings parse(Arguments a) {
      return new Settings(
          a.path(0, "folder", BenchmarkMain.repositoryRoot().resolve("benchmarks/target/flywire-synthetic")),
          a.integer(1, "trials", 30, 1),
          a.integer(2, "brian2Trials", 30, 0),
          a.text(3, "python", "/usr/bin/python3"),
          a.text(4, "target", "cython"),
          a.integer(5, "stimulated", 20, 1),
          a.integer(6, "rate", 150, 1),
          a.integer(7, "threads", 2, 1),
          a.integer(8, "neurons", SyntheticBrain.FLYWIRE_NEURONS, 100));
    }
  }

  public static void main(String[] args) throws Exception {
    BenchmarkMain.run("brain-simulate", args, Settings::parse, WholeBrainSimulationBenchmark::run);
  }

  private static void run(Settings s) throws Exception {
    Path folder = WholeBrainModel.folderOrSynthetic(s.folder(), s.neurons());
    List<Long> ids = WholeBrainModel.ids(folder);
    List<Long> stimulated = new ArrayList<>();
    for (int cell : WholeBrainModel.stimulatedCells(ids.size(), s.stimulated())) {
      stimulated.add(ids.get(cell));
    }
    int steps = (int) Math.round(1000 / WholeBrainModel.DT_MS);
    CircuitSpec spec = WholeBrainModel.spec(folder.getFileName().toString(), ids.size(), steps, s.trials(), stimulated,
        s.rate(), 42);
    System.out.println("load before: " + Machine.loadAverage());
    Machine.resetPeakRss();
    long t0 = System.nanoTime();
    CircuitWiring wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(folder.getParent()));
    long t1 = System.nanoTime();
    Experiment experiment = Experiment.of(wiring);
    SpikingNetwork net = experiment.spikingNetwork();
    long t2 = System.nanoTime();
    System.out.printf("import and wiring %.1f s (%,d synapses), network %.1f s (%,d synapses kept, delays %s steps);"
        + " peak RSS %.2f GB, heap peak %.2f GB%n", (t1 - t0) / 1e9, wiring.edgeCount(), (t2 - t1) / 1e9,
        net.synapseCount(), Arrays.toString(net.delays()), Machine.peakRssBytes() / 1e9, Machine.heapPeakBytes() / 1e9);

    List<InputEvents> inputs = Trials.inputs(net, steps, s.trials(), spec.training().seed());
    // one trial on one thread first (JIT warm-up), then every trial on one thread, then on all threads
    TrialSimulation warm = new TrialSimulation(net);
    warm.run(steps, inputs.get(0));
    long a0 = System.nanoTime();
    Trials one = Trials.run(net, steps, inputs, 1, i -> {});
    long a1 = System.nanoTime();
    System.out.println("load after 1 thread: " + Machine.loadAverage());
    Trials many = Trials.run(net, steps, inputs, s.threads(), i -> {});
    long a2 = System.nanoTime();
    double simulated = s.trials() * steps * WholeBrainModel.DT_MS * 1e-3;
    double oneSeconds = (a1 - a0) / 1e9;
    double manySeconds = (a2 - a1) / 1e9;
    long spikes = one.spikeCount();
    int[][] counts = one.counts();
    int[][] countsMany = many.counts();
    for (int t = 0; t < counts.length; t++) {
      if (!Arrays.equals(counts[t], countsMany[t])) {
        throw new IllegalStateException("trial " + t + " differs between 1 and " + s.threads() + " threads");
      }
    }
    int active = 0;
    double[] rates = one.meanRates();
    for (double r : rates) {
      active += r > 0 ? 1 : 0;
    }
    System.out.printf("dmn event-driven: %d trials of 1 s, %,d spikes (%.1f per trial), %,d neurons active;%n"
        + "  1 thread %.2f s (%.3f s per simulated second, %.1fx real time); %d threads %.2f s (%.1fx real time)%n",
        s.trials(), spikes, spikes / (double) s.trials(), active, oneSeconds, oneSeconds / simulated,
        simulated / oneSeconds, s.threads(), manySeconds, simulated / manySeconds);
    System.out.printf("  peak RSS %.2f GB, heap peak %.2f GB%n", Machine.peakRssBytes() / 1e9,
        Machine.heapPeakBytes() / 1e9);
    topActivated(rates, wiring, stimulated, 15);
    System.out.println("RESULT dmn_seconds_per_simulated_second_1thread " + oneSeconds / simulated);
    System.out.println("RESULT dmn_realtime_factor_1thread " + simulated / oneSeconds);
    System.out.println("RESULT dmn_realtime_factor_" + s.threads() + "threads " + simulated / manySeconds);

    if (s.brianTrials() == 0) {
      return;
    }
    if (!Brian2Process.available(s.python())) {
      System.out.println("brian2: skipped (" + s.python() + " cannot import brian2; apt-get install python3-brian)");
      return;
    }
    int k = Math.min(s.brianTrials(), s.trials());
    Path export = folder.resolveSibling(folder.getFileName() + "-brian2");
    long e0 = System.nanoTime();
    Brian2Export.write(net, steps, inputs.subList(0, k), export);
    System.out.printf("brian2 export %.1f s (%s)%n", (System.nanoTime() - e0) / 1e9, export);
    System.out.println("load before brian2: " + Machine.loadAverage());
    String output = Brian2Process.run(s.python(), export, export, s.target(), 1, 24 * 3600);
    System.out.print(output);
    System.out.println("load after brian2: " + Machine.loadAverage());
    var timing = new com.fasterxml.jackson.databind.ObjectMapper().readTree(export.resolve("brian2_timing.json").toFile());
    double brianRun = timing.get("run_seconds").asDouble();
    double brianFirst = timing.get("first_run_seconds").asDouble();
    double trialSeconds = steps * WholeBrainModel.DT_MS * 1e-3;
    // Brian2's first run generates and compiles its code (cython: tens of seconds); with more than
    // one trial its speed is that of the later ones, so that the ratio compares simulating, not compiling
    double brianPerSecond = k > 1 ? (brianRun - brianFirst) / ((k - 1) * trialSeconds) : brianRun / trialSeconds;
    System.out.printf("brian2 first trial %.1f s (code generation included), %s%n", brianFirst,
        k > 1 ? String.format("later trials %.2f s each", (brianRun - brianFirst) / (k - 1))
            : "no later trial: its time includes code generation");
    int[][] brian = Brian2Export.readCounts(export, k, net.size());
    SpikeCountAgreement agreement = SpikeCountAgreement.of(Arrays.copyOf(counts, k), brian);
    System.out.printf("brian2 %s (%s, one process, trials in sequence): %.1f s for %d trials; %.2f s per simulated"
        + " second (%.2fx real time)%s; build %.1f s%n", timing.get("brian2_version").asText(), s.target(), brianRun, k,
        brianPerSecond, 1 / brianPerSecond, k > 1 ? " after the first trial" : "", timing.get("build_seconds").asDouble());
    System.out.printf("ratio: dmn 1 thread is %.1fx faster than brian2 per simulated second (dmn %d threads: %.1fx)%n",
        brianPerSecond / (oneSeconds / simulated), s.threads(), brianPerSecond / (manySeconds / simulated));
    System.out.println(agreement.describe());
    System.out.println("RESULT brian2_seconds_per_simulated_second " + brianPerSecond);
    System.out.println("RESULT identical_counts_fraction " + agreement.identicalFraction());
    System.out.println("RESULT rate_correlation " + agreement.rateCorrelation());
  }

  private static void topActivated(double[] rates, CircuitWiring wiring, List<Long> stimulated, int n) {
    long[] ids = wiring.cells("Brain").orElseThrow().ids();
    Integer[] order = new Integer[rates.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(rates[b], rates[a]));
    System.out.println("most activated neurons (mean rate over trials; * stimulated):");
    int shown = 0;
    for (int i = 0; i < order.length && shown < n; i++, shown++) {
      long id = ids[order[i]];
      System.out.printf("  %d%s %7.1f Hz%n", id, stimulated.contains(id) ? "*" : " ", rates[order[i]]);
    }
  }
}
