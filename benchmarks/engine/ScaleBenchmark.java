import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.neuron.Trace;
import org.neuromechfly.dmn.engine.synapse.DenseSynapses;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.UpdateRule;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.WeightInit;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The engine at scale, two harnesses in one file (run with the single-file source launcher):
 *
 * <ul>
 *   <li>{@code sparse T B rounds torch threads} (defaults 100 1 3 auto 2): a 45,000-neuron,
 *       1.5 M-synapse circuit of random fan-in projections ({@link SparseCircuit}), wired by the
 *       connectome module, closed-loop in the odour world; one training step of the fused kernel
 *       alternated, round by round, with the identical model in PyTorch on torch CSR matrices
 *       ({@code torch_sparse_step.py}, one warm process per thread count).
 *   <li>{@code memory T B rounds torch threads} (defaults 5000 16 2 auto 2): peak RSS, peak heap and
 *       seconds per step of the fused kernel on the example circuit; then, if memory allows, one step of
 *       the dense PyTorch reference ({@code torch_step.py}) per thread count, for its seconds and peak RSS.
 * </ul>
 *
 * Both print FLOPs per step and the fused kernel's rate against the machine's ND4J GEMM rate. Every
 * figure printed is measured in the run; torch = auto | none | path to a python3 with torch; threads =
 * PyTorch thread counts to run, e.g. {@code 2,1} (on a busy 2-core machine 2 threads can be slower).
 */
public final class ScaleBenchmark {
  static final Path GOLDEN = Path.of("plugins/org.neuromechfly.dmn.circuit.tests/resources/golden/olfactory.ir.json");

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    String mode = args.length > 0 ? args[0] : "sparse";
    String[] rest = java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (mode) {
      case "sparse" -> SparseRun.run(rest);
      case "memory" -> MemoryRun.run(rest);
      default -> throw new IllegalArgumentException("mode is sparse or memory, not " + mode);
    }
  }

  static int intArg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  static String python(String[] args, int i) {
    String torch = args.length > i ? args[i] : "auto";
    if (torch.equals("none")) {
      return null;
    }
    String python = torch.equals("auto") ? "/usr/bin/python3" : torch;
    try {
      Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 ? python : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  /** PyTorch thread counts, e.g. {@code 2,1} (default 2, as the dense reference uses). */
  static List<Integer> threadCounts(String[] args, int i) {
    String list = args.length > i ? args[i] : "2";
    return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  /** The circuit with the episode length and batch changed. */
  static CircuitSpec withSize(CircuitSpec s, int steps, int batch) {
    NavigationTask f = (NavigationTask) s.task();
    NavigationTask task = new NavigationTask(f.arenaWidth(), f.arenaHeight(), f.source(), f.plume(), f.plumeSigma(),
        f.startCentre(), f.startRadius(), steps, f.dt(), f.motorDelay(), f.forward(), f.turn(), f.maxSpeed(),
        f.gradientPath());
    TrainingSpec t = s.training();
    TrainingSpec n = new TrainingSpec(t.optimizer(), t.learningRate(), t.schedule(), t.episodes(), batch, t.clip(),
        t.seed(), t.checkpointEvery(), t.bpttWindow(), t.engine(), t.surrogate(), t.surrogateSlope());
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), s.populations(), s.projections(), task,
        s.losses(), n, s.exports());
  }

  static double median(List<Double> v) {
    List<Double> c = new ArrayList<>(v);
    c.sort(Double::compare);
    int n = c.size();
    return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
  }
}

/**
 * A flyvis-scale circuit in the odour task: ORN (sensors) → PN → {LN, KC, LHN}, LN ⊣ KC, KC → MBON,
 * MBON → DN and LHN ⊣ DN; 45,000 cells, every projection a random fan-in (≤ 1 % dense, so the engine
 * lays all of them out as edge lists). Cells, task, losses and training settings are the example
 * circuit's.
 */
final class SparseCircuit {
  /** Initial mean rates (Hz) for the rate calibration, in the spirit of the example's. */
  static final Map<String, Double> RATE_TARGETS =
      Map.of("ORN", 50.0, "PN", 40.0, "LN", 20.0, "KC", 5.0, "LHN", 20.0, "MBON", 30.0, "DN", 40.0);

  private SparseCircuit() {}

  static CircuitSpec of(CircuitSpec example, int steps, int batch) {
    NeuronModel cell = example.populations().get(0).neuron();
    List<Population> pops = List.of(
        population("ORN", "ORN", 1_000, cell, LearnableParameter.BIAS),
        population("PN", "uPN", 4_000, cell, LearnableParameter.TAU_MEM, LearnableParameter.BIAS),
        population("LN", "LN", 10_000, cell, LearnableParameter.TAU_MEM),
        population("KC", "KC", 10_000, cell, LearnableParameter.TAU_MEM),
        population("LHN", "LHN", 9_990, cell, LearnableParameter.TAU_MEM, LearnableParameter.BIAS),
        population("MBON", "MBON", 10_000, cell, LearnableParameter.TAU_MEM, LearnableParameter.BIAS),
        population("DN", "DN", 10, cell, LearnableParameter.BIAS)); // the task reads DN[0..9]
    List<Projection> prs = List.of(
        fanIn("ORN", "PN", 30, true, Transmitter.ACETYLCHOLINE),
        fanIn("PN", "LN", 30, false, Transmitter.ACETYLCHOLINE),
        fanIn("PN", "KC", 30, true, Transmitter.ACETYLCHOLINE),
        fanIn("LN", "KC", 20, false, Transmitter.GABA),
        fanIn("PN", "LHN", 30, true, Transmitter.ACETYLCHOLINE),
        fanIn("KC", "MBON", 30, false, Transmitter.ACETYLCHOLINE),
        fanIn("MBON", "DN", 100, false, Transmitter.ACETYLCHOLINE),
        fanIn("LHN", "DN", 100, false, Transmitter.GLUTAMATE));
    CircuitSpec sized = ScaleBenchmark.withSize(example, steps, batch);
    return new CircuitSpec("SparseOdourCircuit45k", sized.referenceData(), List.of(), pops, prs, sized.task(),
        sized.losses(), sized.training(), sized.exports());
  }

  private static Population population(String name, String type, int count, NeuronModel cell,
      LearnableParameter... learned) {
    return new Population(name, type, count, cell, List.of(learned), ParameterSharing.PER_POPULATION);
  }

  private static Projection fanIn(String from, String to, int fanIn, boolean ipsilateral, Transmitter tx) {
    Sign sign = tx == Transmitter.ACETYLCHOLINE ? Sign.EXCITATORY : Sign.INHIBITORY;
    return new Projection(from, to, new Connectivity.RandomFanIn(fanIn, ipsilateral), sign, tx,
        new WeightInit.Uniform(0, 1), true, null);
  }
}

/** The sparse circuit: fused kernel vs PyTorch CSR, alternating round by round. */
final class SparseRun {
  private SparseRun() {}

  static void run(String[] args) throws Exception {
    int steps = ScaleBenchmark.intArg(args, 0, 100);
    int batch = ScaleBenchmark.intArg(args, 1, 1);
    int rounds = ScaleBenchmark.intArg(args, 2, 3);
    String python = ScaleBenchmark.python(args, 3);
    CircuitSpec example = CircuitJson.read(Files.readString(ScaleBenchmark.GOLDEN));
    CircuitSpec spec = SparseCircuit.of(example, steps, batch);
    NavigationTask task = (NavigationTask) spec.task();
    long t0 = System.nanoTime();
    List<EdgeArrays> wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(Path.of(".")))
        .projections().stream().map(EdgeArrays::of).toList();
    TrainingSpec t = spec.training();
    SurrogateSpike surrogate = new SurrogateSpike(t.surrogate(), t.surrogateSlope());
    Network net = new Network(spec, wiring, task.dt().si(), NetworkOptions.training(surrogate));
    System.out.printf("circuit %s: %,d neurons, %,d synapses, wired in %.1f s; T=%d, B=%d%n", spec.name(),
        spec.populations().stream().mapToInt(Population::count).sum(),
        wiring.stream().mapToLong(EdgeArrays::edgeCount).sum(), (System.nanoTime() - t0) / 1e9, steps, batch);
    for (Synapses s : net.synapses()) {
      System.out.printf("  %-12s %,9d edges, density %.4f, %s%n", s.label(), s.edges().edgeCount(),
          s.edges().density(), s.getClass().getSimpleName());
    }
    WorldSettings ws = WorldSettings.defaults();
    t0 = System.nanoTime();
    Map<String, Double> cal = RateCalibration.calibrate(net, spec, ws, SparseCircuit.RATE_TARGETS, t.seed());
    System.out.printf("calibrated in %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, cal);

    OdourWorld world = new OdourWorld(spec, task, ws, batch, PathLosses.of(spec, task, ws));
    StartPositions starts = StartPositions.forEpisode(task, batch, t.seed(), 0);
    world.setStarts(starts, 1);
    BpttKernel kernel = new BpttKernel(net, steps, batch);
    UpdateRule adam = new UpdateRule(Optimizer.ADAM, net.parameters().learnable());

    List<TorchSession> torch = new ArrayList<>();
    Path export = null;
    if (python != null) {
      export = Files.createTempDirectory("dmn-sparse-torch-");
      TorchModel.writeWithEdgeFiles(net, spec, ws, starts, export);
      for (int threads : ScaleBenchmark.threadCounts(args, 4)) {
        torch.add(TorchSession.start(python, export, threads));
      }
    } else {
      System.out.println("PyTorch reference: skipped (asked, or no python3 with torch)");
    }

    List<Double> fused = new ArrayList<>();
    List<List<Double>> py = new ArrayList<>();
    torch.forEach(x -> py.add(new ArrayList<>()));
    double fusedLoss = 0;
    double torchLoss = Double.NaN;
    for (int r = 0; r <= rounds; r++) { // round 0 warms up
      t0 = System.nanoTime();
      net.parameters().zeroGradients();
      Map<String, Double> l = kernel.forward(world, ActivityObjective.NONE);
      kernel.backward(world, ActivityObjective.NONE);
      adam.apply(net.parameters().learnable(), 0.0);
      double f = (System.nanoTime() - t0) / 1e9;
      fusedLoss = l.values().stream().mapToDouble(Double::doubleValue).sum();
      StringBuilder line = new StringBuilder(String.format("round %d: fused %.3f s", r, f));
      for (int k = 0; k < torch.size(); k++) {
        double[] stepAndLoss = torch.get(k).step();
        torchLoss = stepAndLoss[1];
        line.append(String.format("  pytorch(%d thr) %.3f s", torch.get(k).threads(), stepAndLoss[0]));
        if (r > 0) {
          py.get(k).add(stepAndLoss[0]);
        }
      }
      if (r > 0) {
        fused.add(f);
      }
      System.out.println(line);
    }
    NetworkActivity activity = kernel.activity();
    double[][] fusedGrad = SignedWeightGradients.of(net); // of the last round, like PyTorch's
    StepFlops flops = StepFlops.count(net, activity, steps, batch);
    double gemm = Machine.gemmRate();
    double f = ScaleBenchmark.median(fused);
    if (!torch.isEmpty()) {
      System.out.printf("loss: fused %.6f, pytorch %.6f (relative difference %.1e)%n", fusedLoss, torchLoss,
          Math.abs(fusedLoss - torchLoss) / Math.abs(fusedLoss));
      SignedWeightGradients.compare(net, fusedGrad, torch.get(0).signedWeightGradients(net));
    }
    flops.print(f, gemm);
    System.out.printf("peak RSS of this JVM %.2f GB%n", Machine.vmHwmGb());
    System.out.printf("RESULT sparse T=%d B=%d  fused %.3f s/step%n", steps, batch, f);
    for (int k = 0; k < torch.size(); k++) {
      List<Double> times = py.get(k);
      double p = ScaleBenchmark.median(times);
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < times.size(); r++) {
        ratios.add(times.get(r) / fused.get(r));
      }
      System.out.printf("RESULT pytorch (CSR, %d threads) %.3f s/step (in-process time of forward+backward+Adam)"
          + "  pytorch/fused %.1fx (median of the per-round ratios %.1fx); process peak RSS %.2f GB%n",
          torch.get(k).threads(), p, p / f, ScaleBenchmark.median(ratios), torch.get(k).peakRssGb());
      torch.get(k).close();
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

/** Peak memory and seconds per step of the fused kernel on the example circuit, then PyTorch dense. */
final class MemoryRun {
  private MemoryRun() {}

  static void run(String[] args) throws Exception {
    int steps = ScaleBenchmark.intArg(args, 0, 5000);
    int batch = ScaleBenchmark.intArg(args, 1, 16);
    int rounds = ScaleBenchmark.intArg(args, 2, 2);
    String python = ScaleBenchmark.python(args, 3);
    CircuitSpec spec = ScaleBenchmark.withSize(CircuitJson.read(Files.readString(ScaleBenchmark.GOLDEN)), steps, batch);
    NavigationTask task = (NavigationTask) spec.task();
    List<EdgeArrays> wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(Path.of(".")))
        .projections().stream().map(EdgeArrays::of).toList();
    TrainingSpec t = spec.training();
    SurrogateSpike surrogate = new SurrogateSpike(t.surrogate(), t.surrogateSlope());
    Network net = new Network(spec, wiring, task.dt().si(), NetworkOptions.training(surrogate));
    WorldSettings ws = WorldSettings.defaults();
    Map<String, Double> cal = RateCalibration.calibrate(net, spec, ws, RateCalibration.DEFAULT_TARGETS, t.seed());
    System.out.println("circuit " + spec.name() + ", T=" + steps + ", B=" + batch + ", calibrated " + cal);
    System.out.printf("before the episode: peak RSS %.2f GB, max heap %.2f GB%n", Machine.vmHwmGb(),
        Runtime.getRuntime().maxMemory() / 1e9);

    OdourWorld world = new OdourWorld(spec, task, ws, batch, PathLosses.of(spec, task, ws));
    StartPositions starts = StartPositions.forEpisode(task, batch, t.seed(), 0);
    world.setStarts(starts, 1);
    BpttKernel kernel = new BpttKernel(net, steps, batch);
    UpdateRule adam = new UpdateRule(Optimizer.ADAM, net.parameters().learnable());
    List<Double> times = new ArrayList<>();
    double loss = 0;
    for (int r = 0; r < rounds; r++) {
      Machine.resetHeapPeaks();
      long t0 = System.nanoTime();
      net.parameters().zeroGradients();
      Map<String, Double> l = kernel.forward(world, ActivityObjective.NONE);
      kernel.backward(world, ActivityObjective.NONE);
      adam.apply(net.parameters().learnable(), 0.0);
      double f = (System.nanoTime() - t0) / 1e9;
      loss = l.values().stream().mapToDouble(Double::doubleValue).sum();
      times.add(f);
      System.out.printf("step %d: %.2f s, loss %.6f, peak RSS so far %.2f GB, heap peak during the step %.2f GB"
          + " (sum of pool peaks)%n", r, f, loss, Machine.vmHwmGb(), Machine.heapPeakBytes() / 1e9);
    }
    double peak = Machine.vmHwmGb(); // before the GEMM-rate probe allocates its own matrices
    double heapPeak = Machine.heapPeakBytes() / 1e9;
    NetworkActivity activity = kernel.activity();
    long traceBytes = 0;
    for (int p = 0; p < net.populations().size(); p++) {
      traceBytes += 2L * 4 * activity.state(p).outputTrace().length(); // membrane + output, float32
    }
    System.out.printf("forward traces by count (membrane + output, float32): %.2f GB%n", traceBytes / 1e9);
    StepFlops flops = StepFlops.count(net, activity, steps, batch);
    double f = times.size() > 1 ? ScaleBenchmark.median(times.subList(1, times.size())) : times.get(0);
    flops.print(f, Machine.gemmRate());
    System.out.printf("RESULT memory T=%d B=%d  fused %.2f s/step  peak RSS %.2f GB (VmHWM, whole process up to"
        + " the end of the last step)  heap peak %.2f GB  max heap %.1f GB%n", steps, batch, f, peak, heapPeak,
        Runtime.getRuntime().maxMemory() / 1e9);

    if (python == null) {
      System.out.println("PyTorch reference: skipped (asked, or no python3 with torch)");
      return;
    }
    double available = Machine.availableGb();
    // an estimate, not a result: ARCHITECTURE.md records 9.1 GB for the dense reference at T=5000, B=16,
    // and its autograd graph grows with T·B
    double need = 9.1 * steps * batch / (5000.0 * 16) + 1.0;
    if (available < need + 2.0) {
      System.out.printf("PyTorch reference: skipped (%.1f GB available; by ARCHITECTURE.md's 9.1 GB at T=5000,"
          + " B=16 it would need about %.1f GB)%n", available, need);
      return;
    }
    Path dir = Files.createTempDirectory("dmn-torch-memory-");
    TorchModel.writeDense(net, spec, ws, starts, dir.resolve("model.json"));
    for (int threads : ScaleBenchmark.threadCounts(args, 4)) {
      double[] run = denseTorchStep(python, dir.resolve("model.json"), threads);
      // one long PyTorch step is not alternated, so time the fused step again to bracket load changes
      long t0 = System.nanoTime();
      net.parameters().zeroGradients();
      kernel.forward(world, ActivityObjective.NONE);
      kernel.backward(world, ActivityObjective.NONE);
      adam.apply(net.parameters().learnable(), 0.0);
      double after = (System.nanoTime() - t0) / 1e9;
      System.out.printf("loss: fused %.6f, pytorch %.6f; fused step again after PyTorch: %.2f s%n", loss, run[1],
          after);
      System.out.printf("RESULT pytorch (dense, %d threads) %.2f s/step (one step, in-process time)  peak RSS %.2f GB"
          + "  pytorch/fused %.1fx time (%.1fx against the fused step after it), %.1fx memory%n", threads, run[0],
          run[2], run[0] / f, run[0] / after, run[2] / peak);
    }
    Files.deleteIfExists(dir.resolve("model.json"));
    Files.deleteIfExists(dir);
  }

  /**
   * One step of {@code torch_step.py} in a fresh process, pinned to {@code threads} (the script sets 2
   * on import, so the wrapper fixes the count first); returns {seconds, loss, peak RSS in GB}.
   */
  private static double[] denseTorchStep(String python, Path model, int threads) throws Exception {
    // VmHWM, not getrusage: ru_maxrss keeps the JVM's peak across the exec that started Python
    String wrapper = "import runpy, sys, torch; torch.set_num_threads(" + threads + "); "
        + "torch.set_num_threads = lambda n: None; sys.argv = ['torch_step.py', sys.argv[1], '1']; "
        + "runpy.run_path('benchmarks/engine/torch_step.py', run_name='__main__'); "
        + "print('PEAK_RSS_KB', [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0])";
    ProcessBuilder pb = new ProcessBuilder(python, "-c", wrapper, model.toString());
    pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    double[] out = {Double.NaN, Double.NaN, Double.NaN};
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] w = line.split(" ");
        if (line.startsWith("STEP ")) {
          out[0] = Double.parseDouble(w[1]);
          out[1] = Double.parseDouble(w[3]);
        } else if (line.startsWith("PEAK_RSS_KB ")) {
          out[2] = Double.parseDouble(w[1]) * 1024 / 1e9;
        } else {
          System.out.println("  pytorch: " + line);
        }
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the PyTorch reference failed");
    }
    return out;
  }
}

/**
 * FLOPs of one training step: dense-equivalent ({@code 6·T·B·Σ N_in·N_out}: forward W·x, backward Wᵀ·g
 * and g ⊗ x, 2 flops per multiply-add), on existing edges ({@code 6·T·B·Σ edges}) and as the kernel
 * executes them on the recorded activity (forward and weight gradient visit only spiking sources' rows;
 * the presynaptic gradient visits every edge, or the whole matrix for dense layouts).
 */
record StepFlops(double denseEquivalent, double onEdges, double executed, double activeSourceFraction) {

  static StepFlops count(Network net, NetworkActivity activity, int steps, int batch) {
    double dense = 0;
    double edges = 0;
    double executed = 0;
    double active = 0;
    double visits = 0;
    for (Synapses s : net.synapses()) {
      EdgeArrays e = s.edges();
      dense += (double) e.sourceCount() * e.targetCount();
      edges += e.edgeCount();
      boolean masked = s instanceof DenseSynapses;
      double[] row = new double[e.sourceCount()]; // multiply-adds per spiking source
      for (int src : e.sourceIndex()) {
        row[src] = masked ? e.targetCount() : row[src] + 1;
      }
      Trace out = activity.state(s.sourcePopulation()).outputTrace();
      int n = e.sourceCount();
      double spikingRows = 0;
      for (int t = 0; t + s.delay() < steps; t++) {
        for (int b = 0; b < batch; b++) {
          int base = (t * batch + b) * n;
          for (int j = 0; j < n; j++) {
            if (out.get(base + j) != 0) {
              spikingRows += row[j];
              active++;
            }
          }
        }
      }
      visits += (double) (steps - s.delay()) * batch * n;
      double all = masked ? (double) e.sourceCount() * e.targetCount() : e.edgeCount();
      executed += 2 * (2 * spikingRows + all * batch * (steps - s.delay()));
    }
    double k = 6.0 * steps * batch;
    return new StepFlops(dense * k, edges * k, executed, active / visits);
  }

  void print(double secondsPerStep, double gemmRate) {
    System.out.printf("FLOP per step: %.2f G dense-equivalent, %.2f G on existing edges, %.2f G executed"
        + " (%.1f %% of presynaptic outputs non-zero)%n", denseEquivalent / 1e9, onEdges / 1e9, executed / 1e9,
        100 * activeSourceFraction);
    System.out.printf("measured ND4J GEMM rate: %.1f GFLOP/s (float32, [16000 x 2000] x [2000 x 50], best of 6)%n",
        gemmRate / 1e9);
    System.out.printf("RESULT fused rate: %.2f GFLOP/s on existing edges = %.1f %% of the GEMM rate"
        + " (GEMM-rate time for those FLOPs %.3f s, measured %.3f s: %.1fx)%n", onEdges / secondsPerStep / 1e9,
        100 * onEdges / secondsPerStep / gemmRate, onEdges / gemmRate, secondsPerStep,
        secondsPerStep / (onEdges / gemmRate));
    System.out.printf("RESULT fused rate: %.2f GFLOP/s executed = %.1f %% of the GEMM rate; dense-equivalent"
        + " %.1f GFLOP/s = %.0f %%%n", executed / secondsPerStep / 1e9, 100 * executed / secondsPerStep / gemmRate,
        denseEquivalent / secondsPerStep / 1e9, 100 * denseEquivalent / secondsPerStep / gemmRate);
  }
}

/** d loss / d signed weight per edge (wiring order), from the raw-magnitude gradients. */
final class SignedWeightGradients {
  private SignedWeightGradients() {}

  static double[][] of(Network net) {
    double[][] out = new double[net.synapses().size()][];
    for (int q = 0; q < out.length; q++) {
      Synapses s = net.synapses().get(q);
      double[] raw = s.rawMagnitudes().value();
      double[] g = s.rawMagnitudes().gradient();
      out[q] = new double[raw.length];
      for (int e = 0; e < raw.length; e++) {
        // raw gradient = sign · scale · magnitude′(raw) · d loss / d w
        out[q][e] = g[e] / (s.edges().sign() * s.scale() * net.options().magnitude().derivative(raw[e]));
      }
    }
    return out;
  }

  static void compare(Network net, double[][] fused, double[][] torch) {
    double worst = 0;
    for (int q = 0; q < fused.length; q++) {
      double diff = 0;
      double norm = 0;
      for (int e = 0; e < fused[q].length; e++) {
        diff += (fused[q][e] - torch[q][e]) * (fused[q][e] - torch[q][e]);
        norm += torch[q][e] * torch[q][e];
      }
      double rel = norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
      worst = Math.max(worst, rel);
      System.out.printf("  weight gradient %-12s |g| %.3e  relative difference fused vs pytorch %.1e%n",
          net.synapses().get(q).label(), Math.sqrt(norm), rel);
    }
    System.out.printf("weight gradients: worst relative difference fused (float32 traces) vs pytorch (float32) %.1e%n",
        worst);
  }
}

/** A warm PyTorch process running {@code torch_sparse_step.py serve}: one step per request. */
final class TorchSession implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Path dir;
  private final int threads;

  private TorchSession(Process process, Path dir, int threads) {
    this.process = process;
    this.dir = dir;
    this.threads = threads;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  static TorchSession start(String python, Path dir, int threads) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(python, "-u", "benchmarks/engine/torch_sparse_step.py", dir.toString(),
        "serve", "check");
    pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
    pb.environment().put("DMN_TORCH_THREADS", String.valueOf(threads));
    pb.redirectErrorStream(true);
    TorchSession s = new TorchSession(pb.start(), dir, threads);
    s.await("READY");
    return s;
  }

  int threads() {
    return threads;
  }

  /** Runs one training step; returns {seconds, loss}. */
  double[] step() throws IOException {
    in.write("step\n");
    in.flush();
    String[] w = await("STEP").split(" ");
    return new double[] {Double.parseDouble(w[1]), Double.parseDouble(w[3])};
  }

  /** d loss / d signed weight of the last step, per projection in the exported edge order. */
  double[][] signedWeightGradients(Network net) throws IOException {
    in.write("grads\n");
    in.flush();
    await("GRADS");
    ByteBuffer all =
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("grad-weights.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    double[][] g = new double[net.synapses().size()][];
    for (int q = 0; q < g.length; q++) {
      g[q] = new double[net.synapses().get(q).edges().edgeCount()];
      for (int e = 0; e < g[q].length; e++) {
        g[q][e] = all.getDouble();
      }
    }
    return g;
  }

  /** Peak resident set of the PyTorch process so far, GB. */
  double peakRssGb() throws IOException {
    in.write("rss\n");
    in.flush();
    return Double.parseDouble(await("RSS").split(" ")[2]) * 1024 / 1e9;
  }

  private String await(String prefix) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println("  pytorch: " + line);
    }
    throw new IOException("the PyTorch process ended before " + prefix);
  }

  @Override
  public void close() throws Exception {
    in.write("quit\n");
    in.flush();
    process.waitFor();
  }
}

/** The model as the PyTorch references read it: physical parameters, projections, world, starts. */
final class TorchModel {
  private TorchModel() {}

  /** For {@code torch_step.py}: projections as dense masked matrices {@code [source][target]}. */
  static void writeDense(Network net, CircuitSpec spec, WorldSettings ws, StartPositions starts, Path file)
      throws IOException {
    Map<String, Object> m = common(net, spec, ws, starts);
    List<Map<String, Object>> prs = new ArrayList<>();
    for (Synapses s : net.synapses()) {
      EdgeArrays e = s.edges();
      double[] w = new double[e.sourceCount() * e.targetCount()];
      int[] tgt = e.targetIndex();
      for (int k = 0; k < e.edgeCount(); k++) {
        w[e.sourceIndex()[k] * e.targetCount() + tgt[k]] = s.weight(k);
      }
      Map<String, Object> o = projection(s);
      o.put("weights", w);
      prs.add(o);
    }
    m.put("projections", prs);
    new ObjectMapper().writeValue(file.toFile(), m);
  }

  /**
   * For {@code torch_sparse_step.py}: {@code model.json} plus {@code edges-<q>.bin} per projection
   * (little-endian int32 sources, int32 targets, float64 signed weights; edges by target, then source).
   */
  static void writeWithEdgeFiles(Network net, CircuitSpec spec, WorldSettings ws, StartPositions starts, Path dir)
      throws IOException {
    Map<String, Object> m = common(net, spec, ws, starts);
    List<Map<String, Object>> prs = new ArrayList<>();
    for (int q = 0; q < net.synapses().size(); q++) {
      Synapses s = net.synapses().get(q);
      EdgeArrays e = s.edges();
      int n = e.edgeCount();
      ByteBuffer b = ByteBuffer.allocate(n * 16).order(ByteOrder.LITTLE_ENDIAN);
      for (int k = 0; k < n; k++) {
        b.putInt(e.sourceIndex()[k]);
      }
      for (int t : e.targetIndex()) {
        b.putInt(t);
      }
      for (int k = 0; k < n; k++) {
        b.putDouble(s.weight(k));
      }
      b.flip();
      try (FileChannel c = FileChannel.open(dir.resolve("edges-" + q + ".bin"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        while (b.hasRemaining()) {
          c.write(b);
        }
      }
      Map<String, Object> o = projection(s);
      o.put("edges", n);
      prs.add(o);
    }
    m.put("projections", prs);
    new ObjectMapper().writeValue(dir.resolve("model.json").toFile(), m);
  }

  private static Map<String, Object> projection(Synapses s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", s.sourcePopulation());
    o.put("target", s.targetPopulation());
    o.put("delay", s.delay());
    o.put("sources", s.edges().sourceCount());
    o.put("targets", s.edges().targetCount());
    o.put("sign", s.edges().sign());
    return o;
  }

  private static Map<String, Object> common(Network net, CircuitSpec spec, WorldSettings ws, StartPositions starts) {
    NavigationTask task = (NavigationTask) spec.task();
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> pops = new ArrayList<>();
    for (LifPopulation p : net.populations()) {
      int n = p.cells();
      double[] beta = new double[n];
      double[] theta = new double[n];
      double[] bias = new double[n];
      for (int i = 0; i < n; i++) {
        beta[i] = p.beta(i);
        theta[i] = p.threshold(i);
        bias[i] = p.bias(i);
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", p.name());
      o.put("cells", n);
      o.put("graded", p.graded());
      o.put("subtract", p.resetMode() == ResetMode.SUBTRACT);
      o.put("reset", p.resetValue());
      o.put("beta", beta);
      o.put("theta", theta);
      o.put("bias", bias);
      pops.add(o);
    }
    m.put("populations", pops);
    m.put("sensory", net.populationIndex(OdourWorld.sensoryOf(spec)));
    m.put("motor", net.populationIndex(task.forward().population()));
    m.put("steps", task.steps());
    m.put("dt", task.dt().si());
    m.put("delay", (int) Math.round(task.motorDelay().si() / task.dt().si()));
    m.put("arena", new double[] {task.arenaWidth().si(), task.arenaHeight().si()});
    m.put("source", new double[] {task.source().x().si(), task.source().y().si()});
    m.put("startCentre", new double[] {task.startCentre().x().si(), task.startCentre().y().si()});
    m.put("sigma", task.plumeSigma().si());
    m.put("vmax", task.maxSpeed().si());
    m.put("forward", new int[] {task.forward().first(), task.forward().last()});
    m.put("turn", new int[] {task.turn().first(), task.turn().last()});
    m.put("world", ws);
    m.put("slope", spec.training().surrogateSlope());
    m.put("navigationWeight", 1.0);
    m.put("goalRadius", 0.015);
    for (LossTerm term : spec.losses()) {
      if (term instanceof LossTerm.Navigation n) {
        m.put("navigationWeight", n.weight());
        m.put("goalRadius", n.goalRadius().si());
      } else if (term instanceof LossTerm.Energy en) {
        m.put("energyWeight", en.weight());
      }
    }
    m.put("startX", starts.x());
    m.put("startY", starts.y());
    m.put("startH", starts.heading());
    return m;
  }
}

/** What this machine and process measure: GEMM rate, peak RSS, heap peaks, available memory. */
final class Machine {
  private Machine() {}

  /** Float32 GEMM rate of ND4J in flop/s, for the shape of the example's largest projection. */
  static double gemmRate() {
    int m = 16_000;
    INDArray a = Nd4j.rand(DataType.FLOAT, m, 2000);
    INDArray b = Nd4j.rand(DataType.FLOAT, 2000, 50);
    INDArray c = Nd4j.create(DataType.FLOAT, m, 50);
    double best = Double.MAX_VALUE;
    for (int r = 0; r < 6; r++) {
      long t0 = System.nanoTime();
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return 2.0 * m * 2000 * 50 / best;
  }

  /** Peak resident set of this process so far (VmHWM), GB. */
  static double vmHwmGb() throws IOException {
    return procKb(Path.of("/proc/self/status"), "VmHWM:") * 1024 / 1e9;
  }

  /** Memory the kernel reports available to new processes (MemAvailable), GB. */
  static double availableGb() throws IOException {
    return procKb(Path.of("/proc/meminfo"), "MemAvailable:") * 1024 / 1e9;
  }

  private static double procKb(Path file, String key) throws IOException {
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(key)) {
        return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
      }
    }
    return Double.NaN;
  }

  static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak use since the last reset: an upper bound of the heap's peak. */
  static long heapPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
