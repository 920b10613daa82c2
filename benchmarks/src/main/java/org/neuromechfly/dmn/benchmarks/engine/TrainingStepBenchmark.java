package org.neuromechfly.dmn.benchmarks.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuromechfly.dmn.benchmarks.Arguments;
import org.neuromechfly.dmn.benchmarks.BenchmarkMain;
import org.neuromechfly.dmn.benchmarks.Machine;
import org.neuromechfly.dmn.benchmarks.Statistics;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.samediff.ChunkedSameDiffKernel;
import org.neuromechfly.dmn.engine.synapse.BlasThreads;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Unit;

/**
 * {@code training-step}: one training step (closed-loop forward over T steps, BPTT, Adam) of the example
 * circuit, timed alternately, in one process, for (a) the fused kernel, one kernel on one thread and, as
 * {@code dmn train} runs it, split into the trainer's shards on {@code threads} threads ({@link ShardedLoop};
 * PyTorch gets the machine's two cores too), each round also with OpenBLAS on all cores per call (how
 * {@code dmn train} ran before {@code synapse.BlasThreads}), (b) the plain Java
 * {@link ReferenceStep}, (c) optionally the identical model in PyTorch ({@code torch_step.py}, a
 * subprocess per round) and (d) the engine's SameDiff path (one chunk graph run chunk by chunk, exact
 * BPTT across chunks). Before timing, the reference and the SameDiff path are checked against the fused
 * kernel's gradients in float64.
 *
 * <p>Arguments: {@code T B rounds torch samediffRounds threads} (defaults 1000 16 3 auto 1 2; torch = auto |
 * none | path to a python3 with torch; samediffRounds = timed SameDiff steps, taken in the first rounds,
 * 0 = none; threads = threads of the sharded fused step, 0 = none).
 */
public final class TrainingStepBenchmark {
  private static final int CHECK_STEPS = 60;
  private static final int CHECK_BATCH = 2;
  /** PyTorch threads: the machine's two cores. */
  private static final int TORCH_THREADS = 2;

  private TrainingStepBenchmark() {}

  /** The arguments: episode length, batch, timed rounds, the PyTorch choice and the SameDiff rounds. */
  private record Settings(int steps, int batch, int rounds, String torch, int sameDiffRounds, int threads) {
    static Settings parse(Arguments args) {
      return new Settings(args.integer(0, "T", 1000, 1), args.integer(1, "B", 16, 1),
          args.integer(2, "rounds", 3, 1), args.text(3, "torch", "auto"), args.integer(4, "samediffRounds", 1, 0),
          args.integer(5, "threads", TORCH_THREADS, 0));
    }
  }

  public static void main(String[] args) throws Exception {
    BenchmarkMain.run("training-step", args, Settings::parse, TrainingStepBenchmark::run);
  }

  private static void run(Settings settings) throws Exception {
    int steps = settings.steps();
    int batch = settings.batch();
    int rounds = settings.rounds();
    int sameDiffRounds = settings.sameDiffRounds();

    CircuitSpec spec = Circuits.example(steps, batch);
    List<EdgeArrays> wiring = Circuits.wire(spec);
    Network net = Circuits.trainingNetwork(spec, wiring);
    WorldSettings ws = WorldSettings.defaults();
    Map<String, Double> cal =
        RateCalibration.calibrate(net, spec, ws, TrainOptions.defaults().rateTargetsFor(spec), spec.training().seed());
    System.out.println("circuit " + spec.name() + ", T=" + steps + ", B=" + batch + ", calibrated " + cal);

    CircuitSpec small = Circuits.withSize(spec, CHECK_STEPS, CHECK_BATCH);
    checkReference(small, "the example's cells", wiring, ws, net);
    checkReference(withRefractorySynapsesAndResetToZero(small),
        "refractory 2 ms, tau_syn 5 ms, reset to 0", wiring, ws, net);
    if (sameDiffRounds > 0) {
      checkSameDiff(small, wiring, ws, net);
    }

    ClosedLoop loop = new ClosedLoop(spec, net, ws);
    BpttKernel kernel = new BpttKernel(net, steps, batch);
    ShardedLoop sharded = settings.threads() > 0 ? new ShardedLoop(spec, wiring, net, ws, settings.threads()) : null;
    ReferenceStep reference = new ReferenceStep(net, steps, batch);
    ChunkedSameDiffKernel sameDiff = sameDiffRounds > 0 ? new ChunkedSameDiffKernel(net, steps, batch,
        ChunkedSameDiffKernel.chunkLength(steps, loop.world.sensingLead(), spec.training().bpttWindow())) : null;
    Optional<String> python = Torch.python(settings.torch());
    Path model = null;
    if (python.isPresent()) {
      model = Files.createTempDirectory("dmn-torch-").resolve("model.json");
      TorchModel.writeDense(loop, model);
    }

    List<Double> fused = new ArrayList<>();
    List<Double> shardedTimes = new ArrayList<>();
    List<Double> shardedBlasAllCores = new ArrayList<>();
    List<Double> straight = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    List<Double> sd = new ArrayList<>();
    List<Double> fusedWithSameDiff = new ArrayList<>();
    double fusedLoss = Double.NaN;
    double shardedLoss = Double.NaN;
    double shardedBlasLoss = Double.NaN;
    double refLoss = Double.NaN;
    double torchLoss = Double.NaN;
    double sdLoss = Double.NaN;
    for (int r = 0; r <= rounds; r++) { // round 0 warms up (and builds the SameDiff graphs)
      ClosedLoop.Step f = loop.trainingStep(kernel);
      ClosedLoop.Step h = null;
      ClosedLoop.Step hb = null;
      if (sharded != null) {
        BlasThreads.set(1); // as the trainer sets it (and benchmarks/run's OMP_NUM_THREADS=1)
        h = sharded.trainingStep();
        BlasThreads.set(Runtime.getRuntime().availableProcessors()); // dmn train before BlasThreads
        hb = sharded.trainingStep();
        BlasThreads.set(1);
      }
      ClosedLoop.Step s = loop.time(() -> reference.step(loop.world));
      Torch.DenseStep p = python.isPresent() ? Torch.denseStep(python.get(), model, TORCH_THREADS, 1) : null;
      ClosedLoop.Step d = sameDiff != null && r <= sameDiffRounds ? loop.trainingStep(sameDiff) : null;
      fusedLoss = f.loss();
      if (h != null) {
        shardedLoss = h.loss();
        shardedBlasLoss = hb.loss();
      }
      refLoss = s.loss();
      if (p != null) {
        torchLoss = p.loss();
      }
      if (d != null) {
        sdLoss = d.loss();
      }
      if (r > 0) {
        fused.add(f.seconds());
        if (h != null) {
          shardedTimes.add(h.seconds());
          shardedBlasAllCores.add(hb.seconds());
        }
        straight.add(s.seconds());
        if (p != null) {
          py.add(p.seconds());
        }
        if (d != null) {
          sd.add(d.seconds());
          fusedWithSameDiff.add(f.seconds());
        }
      }
      System.out.printf("round %d: fused %.3f s  fused in shards %s  reference %.3f s  pytorch %s  samediff %s"
          + "  (load %s)%n", r, f.seconds(), h == null ? "-" : String.format(
          "(%d on %d threads) %.3f s (OpenBLAS on all cores per call: %.3f s)", sharded.shardCount(), sharded.threads,
          h.seconds(), hb.seconds()), s.seconds(),
          p == null ? "-" : String.format("%.3f s", p.seconds()),
          d == null ? "-" : String.format("%.3f s", d.seconds()), Machine.loadAverage());
    }
    if (model != null) {
      Files.delete(model);
      Files.delete(model.getParent());
    }
    if (sharded != null) {
      sharded.close();
    }
    NetworkActivity activity = loop.activity(kernel);
    double f = Statistics.median(fused);
    System.out.printf("loss: fused %.6f, reference %.6f, pytorch %.6f, samediff %.6f%s%n", fusedLoss, refLoss,
        torchLoss, sdLoss, sharded == null ? ""
            : String.format(", fused in shards %.6f (OpenBLAS on all cores %.6f, %s)", shardedLoss, shardedBlasLoss,
                shardedLoss == shardedBlasLoss ? "same bits" : "DIFFERENT"));
    StepFlops.count(net, activity, steps, batch).print(f, GemmProbe.rate());
    System.out.printf("RESULT T=%d B=%d  fused %.3f s/step (one kernel, one thread)%n", steps, batch, f);
    if (sharded != null) {
      System.out.printf("RESULT T=%d B=%d  fused %.3f s/step as dmn train runs it: %d shards on %d threads%n", steps,
          batch, Statistics.median(shardedTimes), sharded.shardCount(), sharded.threads);
      printRatio("shards with OpenBLAS on all cores", "dmn train before synapse/BlasThreads", shardedBlasAllCores,
          "shards as dmn train runs them", shardedTimes);
    }
    printRatio("reference", "plain Java, dense loops", straight, fused);
    if (!py.isEmpty()) {
      printRatio("pytorch", TORCH_THREADS + " threads, in-process time of forward+backward+Adam", py, fused);
      if (sharded != null) {
        printRatio("pytorch", TORCH_THREADS + " threads", py, "fused, " + sharded.threads + " threads", shardedTimes);
      }
    }
    if (!sd.isEmpty()) {
      printRatio("samediff", "chunks of " + sameDiff.chunkLength() + " steps, " + sd.size() + " timed", sd,
          fusedWithSameDiff);
    }
  }

  /** {@code contender/fused}: ratio of the medians, and the median of the per-round ratios. */
  private static void printRatio(String name, String how, List<Double> times, List<Double> fused) {
    printRatio(name, how, times, "fused", fused);
  }

  /** {@code contender/against}, {@code against} named as given. */
  private static void printRatio(String name, String how, List<Double> times, String against, List<Double> base) {
    double t = Statistics.median(times);
    System.out.printf("RESULT %s %.3f s/step (%s)  %s/%s %.1fx (median of the per-round ratios %.1fx)%n", name,
        t, how, name, against, t / Statistics.median(base), Statistics.medianRatio(times, base));
  }

  /**
   * The reference's weight gradients against the fused kernel's, in float64 on a short window: what
   * makes the reference a reference. The fused kernel's clamp count shows whether refractoriness was hit.
   */
  private static void checkReference(CircuitSpec small, String label, List<EdgeArrays> wiring, WorldSettings ws,
      Network calibrated) {
    Network net = float64Copy(small, wiring, calibrated);
    ClosedLoop loop = new ClosedLoop(small, net, ws, 5, 1);
    BpttKernel kernel = new BpttKernel(net, CHECK_STEPS, CHECK_BATCH);
    double lf = loop.forwardBackward(kernel);
    double[][] fused = SignedWeightGradients.of(net);
    ReferenceStep reference = new ReferenceStep(net, CHECK_STEPS, CHECK_BATCH);
    double lr = reference.step(loop.world);
    double worst = SignedWeightGradients.compare(net, fused, reference.signedWeightGradients(), "reference", false);
    long clamped = 0;
    for (int p = 0; p < net.populations().size(); p++) {
      clamped += kernel.activity().state(p).clampedCount();
    }
    System.out.printf("check reference (%s; float64, T=%d, B=%d): loss fused %.12f reference %.12f, worst"
        + " relative weight-gradient difference %.2e; %d refractory clamps%n", label, CHECK_STEPS, CHECK_BATCH, lf,
        lr, worst, clamped);
  }

  /** SameDiff and fused gradients of every parameter in float64 on a short window (several chunks). */
  private static void checkSameDiff(CircuitSpec small, List<EdgeArrays> wiring, WorldSettings ws,
      Network calibrated) {
    Network a = float64Copy(small, wiring, calibrated);
    Network b = float64Copy(small, wiring, calibrated);
    ClosedLoop loop = new ClosedLoop(small, a, ws, 5, 1);
    double lf = loop.forwardBackward(new BpttKernel(a, CHECK_STEPS, CHECK_BATCH));
    ChunkedSameDiffKernel chunked = new ChunkedSameDiffKernel(b, CHECK_STEPS, CHECK_BATCH,
        ChunkedSameDiffKernel.chunkLength(CHECK_STEPS, loop.world.sensingLead(), small.training().bpttWindow()));
    double ls = loop.forwardBackward(chunked);
    double worst = 0;
    for (Parameter p : a.parameters().all()) {
      double[] y = b.parameters().get(p.name()).orElseThrow().gradient();
      worst = Math.max(worst, Statistics.relativeDifference(y, p.gradient()));
    }
    System.out.printf("check samediff (float64, T=%d, B=%d, chunks of %d): loss fused %.12f samediff %.12f, worst"
        + " relative gradient difference over all parameters %.2e%n", CHECK_STEPS, CHECK_BATCH,
        chunked.chunkLength(), lf, ls, worst);
  }

  /** A float64 network of {@code small} with the calibrated network's values where names match. */
  private static Network float64Copy(CircuitSpec small, List<EdgeArrays> wiring, Network calibrated) {
    NetworkOptions options = calibrated.options().toBuilder().precision(Precision.FLOAT64).build();
    Network net = Circuits.network(small, wiring, options);
    for (Parameter p : net.parameters().all()) {
      calibrated.parameters().get(p.name())
          .ifPresent(c -> System.arraycopy(c.value(), 0, p.value(), 0, p.value().length));
    }
    net.prepare();
    return net;
  }

  /**
   * The circuit with every cell given a refractory period, a synaptic current and a reset to 0, so that
   * the reference check covers the branches of the LIF step the example does not use.
   */
  private static CircuitSpec withRefractorySynapsesAndResetToZero(CircuitSpec s) {
    List<Population> pops = s.populations().stream().map(p -> {
      NeuronModel n = p.neuron();
      NeuronModel changed = new NeuronModel(n.tauMem(), Quantity.of(5, Unit.MILLISECOND), n.threshold(), 0.0,
          Quantity.of(2, Unit.MILLISECOND), ResetMode.ZERO, n.graded(), n.bias());
      return new Population(p.name(), p.cellType(), p.count(), changed, p.learned(), p.sharing());
    }).toList();
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), pops, s.projections(), s.task(),
        s.losses(), s.training(), s.exports());
  }
}
