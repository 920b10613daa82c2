package org.neuromechfly.dmn.benchmarks.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuromechfly.dmn.benchmarks.BenchmarkMain;
import org.neuromechfly.dmn.benchmarks.Machine;
import org.neuromechfly.dmn.benchmarks.Statistics;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Population;

/**
 * {@code scale-sparse}: the 45,000-neuron, 1.5 M-synapse {@link SparseCircuit}, wired by the connectome
 * module, closed-loop in the odour world; one training step of the fused kernel (one kernel on one thread
 * and, at B &gt; 1, split into the trainer's shards on all cores, {@link ShardedLoop}) alternated, round by
 * round, with the identical model in PyTorch on torch CSR matrices ({@code torch_sparse_step.py}, one
 * warm process per thread count). Then the loss and every projection's weight gradient are compared.
 *
 * <p>Arguments: {@code T B rounds torch threads} (defaults 100 1 3 auto 2; threads = PyTorch thread
 * counts to run, e.g. {@code 2,1}: on a busy 2-core machine 2 threads can be slower).
 */
public final class SparseScaleBenchmark {
  private SparseScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkMain.run("scale-sparse", args, a -> ScaleSettings.parse(a, 100, 1, 3), SparseScaleBenchmark::run);
  }

  private static void run(ScaleSettings settings) throws Exception {
    int steps = settings.steps();
    int batch = settings.batch();
    int rounds = settings.rounds();

    CircuitSpec spec = SparseCircuit.of(Circuits.example(steps, batch));
    long t0 = System.nanoTime();
    List<EdgeArrays> wiring = Circuits.wire(spec);
    Network net = Circuits.trainingNetwork(spec, wiring);
    System.out.printf("circuit %s: %,d neurons, %,d synapses, wired in %.1f s; T=%d, B=%d%n", spec.name(),
        spec.populations().stream().mapToInt(Population::count).sum(),
        wiring.stream().mapToLong(EdgeArrays::edgeCount).sum(), (System.nanoTime() - t0) / 1e9, steps, batch);
    for (Synapses s : net.synapses()) {
      System.out.printf("  %-12s %,9d edges, density %.4f, %s%n", s.label(), s.edges().edgeCount(),
          s.edges().density(), s.getClass().getSimpleName());
    }
    WorldSettings ws = WorldSettings.defaults();
    t0 = System.nanoTime();
    Map<String, Double> cal =
        RateCalibration.calibrate(net, spec, ws, SparseCircuit.RATE_TARGETS, spec.training().seed());
    System.out.printf("calibrated in %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, cal);

    ClosedLoop loop = new ClosedLoop(spec, net, ws);
    BpttKernel kernel = new BpttKernel(net, steps, batch);
    int cores = Runtime.getRuntime().availableProcessors();
    ShardedLoop sharded = batch > 1 && cores > 1 ? new ShardedLoop(spec, wiring, net, ws, cores) : null;
    List<TorchSession> torch = new ArrayList<>();
    Optional<String> python = Torch.python(settings.torch());
    Path export = null;
    if (python.isPresent()) {
      export = Files.createTempDirectory("dmn-sparse-torch-");
      TorchModel.writeWithEdgeFiles(loop, export);
      for (int threads : settings.threads()) {
        torch.add(TorchSession.start(python.get(), export, threads));
      }
    }

    List<Double> fused = new ArrayList<>();
    List<Double> shardedTimes = new ArrayList<>();
    List<List<Double>> py = new ArrayList<>();
    torch.forEach(x -> py.add(new ArrayList<>()));
    double fusedLoss = Double.NaN;
    double torchLoss = Double.NaN;
    for (int r = 0; r <= rounds; r++) { // round 0 warms up
      ClosedLoop.Step f = loop.trainingStep(kernel);
      fusedLoss = f.loss();
      StringBuilder line = new StringBuilder(String.format("round %d: fused %.3f s", r, f.seconds()));
      if (sharded != null) {
        ClosedLoop.Step h = sharded.trainingStep();
        line.append(String.format("  fused %d shards on %d threads %.3f s (loss %.6f)", sharded.shardCount(),
            sharded.threads, h.seconds(), h.loss()));
        if (r > 0) {
          shardedTimes.add(h.seconds());
        }
      }
      for (int k = 0; k < torch.size(); k++) {
        double[] stepAndLoss = torch.get(k).step();
        torchLoss = stepAndLoss[1];
        line.append(String.format("  pytorch(%d thr) %.3f s", torch.get(k).threads(), stepAndLoss[0]));
        if (r > 0) {
          py.get(k).add(stepAndLoss[0]);
        }
      }
      if (r > 0) {
        fused.add(f.seconds());
      }
      System.out.println(line.append("  (load ").append(Machine.loadAverage()).append(')'));
    }
    double[][] fusedGrad = SignedWeightGradients.of(net); // of the last round, like PyTorch's
    double f = Statistics.median(fused);
    if (!torch.isEmpty()) {
      System.out.printf("loss: fused %.6f, pytorch %.6f (relative difference %.1e)%n", fusedLoss, torchLoss,
          Math.abs(fusedLoss - torchLoss) / Math.abs(fusedLoss));
      double worst = SignedWeightGradients.compare(net, fusedGrad, torch.get(0).signedWeightGradients(net),
          "pytorch", true);
      System.out.printf("weight gradients: worst relative difference fused (float32 traces) vs pytorch (float32)"
          + " %.1e%n", worst);
    }
    StepFlops.count(net, loop.activity(kernel), steps, batch).print(f, GemmProbe.rate());
    System.out.printf("peak RSS of this JVM %.2f GB%n", Machine.peakRssBytes() / 1e9);
    System.out.printf("RESULT sparse T=%d B=%d  fused %.3f s/step (one kernel, one thread)%n", steps, batch, f);
    double h = Statistics.median(shardedTimes); // NaN without a sharded step
    if (sharded != null) {
      System.out.printf("RESULT sparse T=%d B=%d  fused %.3f s/step as dmn train runs it: %d shards on %d threads%n",
          steps, batch, h, sharded.shardCount(), sharded.threads);
      sharded.close();
    }
    double torchBest = Double.NaN;
    int torchBestThreads = 0;
    for (int k = 0; k < torch.size(); k++) {
      List<Double> times = py.get(k);
      double p = Statistics.median(times);
      if (!(p >= torchBest)) {
        torchBest = p;
        torchBestThreads = torch.get(k).threads();
      }
      System.out.printf("RESULT pytorch (CSR, %d threads) %.3f s/step (in-process time of forward+backward+Adam)"
          + "  pytorch/fused %.1fx (median of the per-round ratios %.1fx); process peak RSS %.2f GB%n",
          torch.get(k).threads(), p, p / f, Statistics.medianRatio(times, fused), torch.get(k).peakRssGb());
      if (sharded != null && torch.get(k).threads() == sharded.threads) {
        System.out.printf("RESULT pytorch (CSR, %d threads) / fused (%d threads) %.1fx (median of the per-round ratios"
            + " %.1fx)%n", torch.get(k).threads(), sharded.threads, p / h, Statistics.medianRatio(times, shardedTimes));
      }
      torch.get(k).close();
    }
    if (!torch.isEmpty()) {
      // each side in the configuration that is fastest on this machine (PyTorch's two threads can be slower than one)
      boolean shardedFaster = sharded != null && h < f;
      double fastest = shardedFaster ? h : f;
      String how = shardedFaster ? sharded.shardCount() + " shards on " + sharded.threads + " threads"
          : "one kernel, one thread";
      System.out.printf("RESULT fastest against fastest: pytorch (CSR, %d threads) %.3f s / fused (%s) %.3f s = %.1fx%n",
          torchBestThreads, torchBest, how, fastest, torchBest / fastest);
    }
    if (export != null) { // tens of MB of edge files
      try (var files = Files.list(export)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(export);
    }
  }
}
