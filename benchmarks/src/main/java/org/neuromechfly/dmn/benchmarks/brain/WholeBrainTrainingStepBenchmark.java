package org.neuromechfly.dmn.benchmarks.brain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuromechfly.dmn.benchmarks.Arguments;
import org.neuromechfly.dmn.benchmarks.BenchmarkMain;
import org.neuromechfly.dmn.benchmarks.Machine;
import org.neuromechfly.dmn.benchmarks.Statistics;
import org.neuromechfly.dmn.benchmarks.engine.Circuits;
import org.neuromechfly.dmn.benchmarks.engine.ClosedLoop;
import org.neuromechfly.dmn.benchmarks.engine.GemmProbe;
import org.neuromechfly.dmn.benchmarks.engine.MemoryBandwidth;
import org.neuromechfly.dmn.benchmarks.engine.StepFlops;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.SparseSynapses;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.train.EpisodeMemory;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * {@code brain-train-step} (issue #15, part 5): one training step of the whole-brain model
 * ({@link WholeBrainTask}: the Shiu et al. 2024 brain with per-edge learnable weights between the
 * example's ORNs and DNs) closed-loop in the odour world, B flies, T steps of 1 ms, built through the
 * real path (IR → connectome wiring → engine {@link Network} → {@link BpttKernel}). Forward, backward
 * and the update (Adam at learning rate 0, so that every round sees the same weights, and the weights
 * recomputed) are timed apart over a few rounds after a warm-up; the memory estimate, peak RSS, heap
 * peak and the bytes kept for the backward pass are printed; the FLOPs executed are counted from the
 * warm-up's activity ({@link StepFlops.Counter}) and set against the ND4J GEMM rate, and the bytes the
 * kernel's loops must stream per step against a measured memory bandwidth ({@link MemoryBandwidth}).
 *
 * <p>Arguments: {@code folder rounds T B segment neurons} (defaults: the simulate benchmark's synthetic
 * brain, 2, 1000, 1, -1, 139255); {@code segment} −1 keeps the record as {@code dmn train} would with this
 * heap ({@link EpisodeMemory}: whole while the estimate takes at most half of it), 0 keeps the whole
 * record, N recomputes segments of N steps.
 */
public final class WholeBrainTrainingStepBenchmark {
  private WholeBrainTrainingStepBenchmark() {}

  record Settings(Path folder, int rounds, int steps, int batch, int segment, int neurons) {
    static Settings parse(Arguments a) {
      return new Settings(
          a.path(0, "folder", BenchmarkMain.repositoryRoot().resolve("benchmarks/target/flywire-synthetic")),
          a.integer(1, "rounds", 2, 1),
          a.integer(2, "T", 1000, 10),
          a.integer(3, "B", 1, 1),
          a.integer(4, "segment", -1, -1),
          a.integer(5, "neurons", org.neuromechfly.dmn.connectome.synthetic.SyntheticBrain.FLYWIRE_NEURONS, 100));
    }
  }

  public static void main(String[] args) throws Exception {
    BenchmarkMain.run("brain-train-step", args, Settings::parse, WholeBrainTrainingStepBenchmark::run);
  }

  private static void run(Settings s) throws Exception {
    Path folder = WholeBrainModel.folderOrSynthetic(s.folder(), s.neurons());
    int neurons = WholeBrainModel.ids(folder).size();
    CircuitSpec spec = WholeBrainTask.spec(folder.getFileName().toString(), neurons, s.steps(), s.batch(), 42);
    TrainingFootprint before = TrainingFootprint.of(spec, 1);
    System.out.printf("estimate before wiring (TrainingFootprint, 1 shard; connectome synapses not counted): %s,"
        + " of which %s for the backward pass (%s); heap allowed %s%n", TrainingFootprint.size(before.bytes()),
        TrainingFootprint.size(before.historyBytes()),
        before.segmentSteps() == 0 ? "whole record" : "segments of " + before.segmentSteps() + " steps",
        TrainingFootprint.size(TrainingFootprint.availableHeap()));
    System.out.println("load before wiring: " + Machine.loadAverage());
    Machine.resetPeakRss();
    long t0 = System.nanoTime();
    // the connectome module wires the brain; the interfaces' edges are WholeBrainTask's
    CircuitSpec brainOnly = new CircuitSpec(spec.name(), null, spec.connectomes(), spec.populations(),
        List.of(spec.projections().get(1)), spec.task(), spec.losses(), spec.training(), null);
    CircuitWiring wiring = CircuitWiringBuilder.build(brainOnly, DataDirectory.of(folder.getParent()));
    EdgeArrays brain = EdgeArrays.of(wiring.projections().get(0));
    int[] entry = WholeBrainModel.stimulatedCells(neurons, 20);
    WholeBrainTask.Wired wired = WholeBrainTask.wire(spec, brain, entry);
    long t1 = System.nanoTime();
    NetworkOptions options = NetworkOptions.training(Circuits.surrogate(spec));
    if (s.segment() >= 0) {
      options = options.toBuilder()
          .recomputation(s.segment() == 0 ? Recomputation.none() : Recomputation.segments(s.segment())).build();
    } else { // as `dmn train` decides for this heap
      options = Circuits.asTrained(spec, options);
    }
    Network net = new Network(spec, wired.edges(), WholeBrainTask.DT, options);
    long t2 = System.nanoTime();
    long synapses = wired.edges().stream().mapToLong(EdgeArrays::edgeCount).sum();
    System.out.printf(Locale.ROOT, "wiring %.1f s (%,d neurons, %,d synapses in all: brain %,d, %d entry cells, %d"
        + " readout cells), network %.1f s; peak RSS %.2f GB, heap peak %.2f GB; load %s%n", (t1 - t0) / 1e9,
        spec.populations().stream().mapToInt(Population::count).sum(), synapses, brain.edgeCount(), entry.length,
        wired.readout().length, (t2 - t1) / 1e9, Machine.peakRssBytes() / 1e9, Machine.heapPeakBytes() / 1e9,
        Machine.loadAverage());
    for (Synapses syn : net.synapses()) {
      System.out.printf("  %-14s %,11d edges, delay %d, %s, learnable %d values%n", syn.label(),
          syn.edges().edgeCount(), syn.delay(), syn.getClass().getSimpleName(), syn.rawMagnitudes().size());
    }

    WorldSettings ws = WorldSettings.defaults();
    ClosedLoop loop = new ClosedLoop(spec, net, ws);
    BpttKernel kernel = new BpttKernel(net, s.steps(), s.batch());
    System.out.printf("kernel: %s; %s kept for the backward pass%n",
        kernel.segmentSteps() == 0 ? "whole record" : "checkpoints, segments of " + kernel.segmentSteps() + " steps",
        TrainingFootprint.size(kernel.historyBytes()));

    Machine.resetHeapPeaks();
    StepFlops.Counter counter = new StepFlops.Counter(net);
    List<ClosedLoop.PhasedStep> timed = new ArrayList<>();
    for (int r = 0; r <= s.rounds(); r++) {
      String load = Machine.loadAverage();
      // the warm-up round also counts the activity (a pass over every output each step, not timed after)
      ClosedLoop.PhasedStep step = loop.phasedStep(kernel,
          r == 0 ? ActivityObjective.NONE.observedBy(counter) : ActivityObjective.NONE);
      System.out.printf(Locale.ROOT, "round %d%s: forward %.2f s, backward %.2f s, update %.2f s = %.2f s; loss %.6f;"
          + " load %s -> %s%n", r, r == 0 ? " (warm-up, not counted)" : "", step.forward(), step.backward(),
          step.update(), step.seconds(), step.loss(), load, Machine.loadAverage());
      if (r > 0) {
        timed.add(step);
      }
    }
    double peakRss = Machine.peakRssBytes();
    long heapPeak = Machine.heapPeakBytes();
    double forward = Statistics.median(timed.stream().map(ClosedLoop.PhasedStep::forward).toList());
    double backward = Statistics.median(timed.stream().map(ClosedLoop.PhasedStep::backward).toList());
    double update = Statistics.median(timed.stream().map(ClosedLoop.PhasedStep::update).toList());
    double total = Statistics.median(timed.stream().map(ClosedLoop.PhasedStep::seconds).toList());
    System.out.printf(Locale.ROOT, "memory: peak RSS %.2f GB, heap peak %.2f GB (sum of pool peaks, during the"
        + " steps), held for the backward pass %.3f GB%n", peakRss / 1e9, heapPeak / 1e9, kernel.historyBytes() / 1e9);

    StepFlops flops = counter.flops();
    long[] spikes = counter.spikes();
    for (int p = 0; p < spikes.length; p++) {
      int cells = net.populations().get(p).cells();
      System.out.printf(Locale.ROOT, "  %-6s %,7d cells: %,d spikes in the warm-up episode (%.2f Hz mean)%n",
          net.populations().get(p).name(), cells, spikes[p],
          spikes[p] / (cells * (double) s.batch() * s.steps() * WholeBrainTask.DT));
    }
    System.out.println("load before the probes: " + Machine.loadAverage());
    double gemm = GemmProbe.rate();
    double triad1 = MemoryBandwidth.triad(1);
    double triad2 = MemoryBandwidth.triad(2);
    System.out.println("load after the probes: " + Machine.loadAverage());
    System.out.printf(Locale.ROOT, "memory bandwidth (%s): 1 thread %.1f GB/s, 2 threads %.1f GB/s%n",
        MemoryBandwidth.describe(), triad1 / 1e9, triad2 / 1e9);
    flops.print(forward + backward, gemm);
    streamedBytes(net, s, counter, forward + backward, triad1);
    System.out.printf(Locale.ROOT, "RESULT brain train step T=%d B=%d: %.2f s (forward %.2f, backward %.2f, update"
        + " %.2f; median of %d rounds); peak RSS %.2f GB; heap peak %.2f GB; target < 60 s and < 8 GB: %s%n",
        s.steps(), s.batch(), total, forward, backward, update, timed.size(), peakRss / 1e9, heapPeak / 1e9,
        total < 60 && peakRss < 8e9 ? "met" : "NOT met");
  }

  /**
   * The bytes the kernel's loops must move per training step (today's edge-list loops at B=1, by
   * count of what they read and write): every step the presynaptic gradient walks every edge's weight
   * (8 bytes) and target index (4); the rows of spiking sources are walked once more forward (12) and
   * their weight-gradient accumulators read and written (16). The per-cell state (a few MB per step)
   * is small beside that and left out. At the triad's bandwidth, that is the least time the step can take.
   */
  private static void streamedBytes(Network net, Settings s, StepFlops.Counter counter, double seconds,
      double bandwidth) {
    double edgeWalks = 0;
    for (Synapses syn : net.synapses()) {
      if (syn instanceof SparseSynapses) {
        edgeWalks += (double) syn.edges().edgeCount() * s.batch() * (s.steps() - syn.delay());
      }
    }
    double bytes = 12 * edgeWalks + (12 + 16) * counter.spikingRowVisits();
    System.out.printf(Locale.ROOT, "bytes streamed per training step (edge lists): %.1f GB (%.1f G edge visits by the"
        + " presynaptic gradient, %.3f G by spiking rows); at the 1-thread triad bandwidth %.1f s, measured forward +"
        + " backward %.1f s = %.0f %% of the bandwidth limit%n", bytes / 1e9, edgeWalks / 1e9,
        counter.spikingRowVisits() / 1e9, bytes / bandwidth, seconds, 100 * (bytes / bandwidth) / seconds);
    System.out.printf(Locale.ROOT, "RESULT bandwidth: %.1f GB/s achieved on the edge lists, %.0f %% of the"
        + " 1-thread triad (%.1f GB/s)%n", bytes / seconds / 1e9, 100 * bytes / seconds / bandwidth, bandwidth / 1e9);
  }
}
