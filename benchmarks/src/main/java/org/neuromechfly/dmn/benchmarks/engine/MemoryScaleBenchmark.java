package org.neuromechfly.dmn.benchmarks.engine;

import java.lang.ref.Reference;
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
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * {@code scale-memory}: the fused kernel on the example circuit over long episodes, keeping the whole
 * record against recomputing segments from checkpoints, alternated round by round in one process:
 * seconds per training step (forward and backward apart), the heap's peak during the step (sum of the
 * heap pools' peaks), the heap still reachable after it (full collections, the kernel alive, less what
 * was reachable before the kernel existed) and the bytes the kernel holds for the backward pass by
 * count — beside {@link TrainingFootprint}'s estimate; the two kernels' losses and gradients must be
 * the same bits. Then, if memory allows, one step of the dense PyTorch reference ({@code torch_step.py})
 * per thread count, in a fresh process, for its seconds and peak RSS.
 *
 * <p>Arguments: {@code T B rounds torch threads} (defaults 5000 16 2 auto 2).
 */
public final class MemoryScaleBenchmark {
  /**
   * An estimate, not a result: ARCHITECTURE.md records 9.1 GB for the dense PyTorch reference at T=5000,
   * B=16, and its autograd graph grows with T·B.
   */
  private static final double TORCH_GB_AT_5000_BY_16 = 9.1;

  private MemoryScaleBenchmark() {}

  /** One kernel's training step: seconds, loss and memory. */
  private record Measure(double forward, double backward, double loss, double[] gradients, long heapPeak,
      long retained, long held) {
    double seconds() {
      return forward + backward;
    }
  }

  public static void main(String[] args) throws Exception {
    BenchmarkMain.run("scale-memory", args, a -> ScaleSettings.parse(a, 5000, 16, 2), MemoryScaleBenchmark::run);
  }

  private static void run(ScaleSettings settings) throws Exception {
    int steps = settings.steps();
    int batch = settings.batch();
    int rounds = settings.rounds();

    CircuitSpec spec = Circuits.example(steps, batch);
    Network net = Circuits.network(spec, Circuits.wire(spec));
    WorldSettings ws = WorldSettings.defaults();
    Map<String, Double> cal =
        RateCalibration.calibrate(net, spec, ws, TrainOptions.defaults().rateTargetsFor(spec), spec.training().seed());
    System.out.println("circuit " + spec.name() + ", T=" + steps + ", B=" + batch + ", calibrated " + cal);
    ClosedLoop loop = new ClosedLoop(spec, net, ws);

    TrainingFootprint chosen = TrainingFootprint.of(spec, 1);
    TrainingFootprint whole = TrainingFootprint.of(spec, 1, TrainingFootprint.FLOAT_BYTES, 0);
    int segment = chosen.segmentSteps() > 0 ? chosen.segmentSteps() : (int) Math.round(Math.sqrt(2.0 * steps));
    TrainingFootprint segmented = TrainingFootprint.of(spec, 1, TrainingFootprint.FLOAT_BYTES, segment);
    System.out.printf("footprint: whole record %.3f GB; segments of %d steps %.3f GB (%s); whole training estimate"
        + " %.2f GB with the default choice%n", whole.historyBytes() / 1e9, segment, segmented.historyBytes() / 1e9,
        chosen.segmentSteps() > 0 ? "the default for these sizes" : "forced: the default keeps the whole record here",
        chosen.bytes() / 1e9);

    List<Measure> wholeRuns = new ArrayList<>();
    List<Measure> segmentRuns = new ArrayList<>();
    boolean identical = true;
    for (int r = 0; r <= rounds; r++) {
      boolean wholeFirst = r % 2 == 0; // alternate the order, so that drift in the load favours neither
      Measure a = measure(loop, net, steps, batch, wholeFirst ? Recomputation.none() : Recomputation.segments(segment));
      Measure b = measure(loop, net, steps, batch, wholeFirst ? Recomputation.segments(segment) : Recomputation.none());
      Measure w = wholeFirst ? a : b;
      Measure s = wholeFirst ? b : a;
      identical &= w.loss == s.loss && java.util.Arrays.equals(w.gradients, s.gradients);
      System.out.printf("round %d%s: whole %.2f s (forward %.2f, backward %.2f), heap peak %.2f GB, retained %.2f GB"
          + " | segments of %d %.2f s (forward %.2f, backward %.2f), heap peak %.2f GB, retained %.3f GB | same bits"
          + " %s  (load %s)%n", r, r == 0 ? " (warm-up, not counted)" : "", w.seconds(), w.forward, w.backward,
          w.heapPeak / 1e9, w.retained / 1e9, segment, s.seconds(), s.forward, s.backward, s.heapPeak / 1e9,
          s.retained / 1e9, w.loss == s.loss && java.util.Arrays.equals(w.gradients, s.gradients) ? "yes" : "NO",
          Machine.loadAverage());
      if (r > 0) {
        wholeRuns.add(w);
        segmentRuns.add(s);
      }
    }
    print("whole record", steps, batch, wholeRuns, whole);
    print("segments of " + segment, steps, batch, segmentRuns, segmented);
    List<Double> tw = wholeRuns.stream().map(Measure::seconds).toList();
    List<Double> ts = segmentRuns.stream().map(Measure::seconds).toList();
    System.out.printf("RESULT recomputation T=%d B=%d: time %.2fx the whole record's (median of the per-round ratios"
        + " %.2fx), retained heap %.1fx smaller, losses and gradients the same bits: %s%n", steps, batch,
        Statistics.median(ts) / Statistics.median(tw), Statistics.medianRatio(ts, tw),
        median(wholeRuns, Measure::retained) / median(segmentRuns, Measure::retained), identical ? "yes" : "NO");

    BpttKernel kernel = new BpttKernel(net, steps, batch, Recomputation.none());
    loop.forwardBackward(kernel);
    StepFlops.count(net, kernel.activity(), steps, batch).print(Statistics.median(tw), GemmProbe.rate());
    torch(settings, loop, Statistics.median(ts), segment);
  }

  /** A fresh kernel's training step (forward, backward) and what it kept. */
  private static Measure measure(ClosedLoop loop, Network net, int steps, int batch, Recomputation recomputation) {
    long before = Machine.heapUsedAfterGc();
    BpttKernel kernel = new BpttKernel(net, steps, batch, recomputation);
    Machine.resetHeapPeaks();
    net.parameters().zeroGradients();
    long t0 = System.nanoTime();
    double loss = ClosedLoop.total(kernel.forward(loop.world, ActivityObjective.NONE));
    long t1 = System.nanoTime();
    kernel.backward(loop.world, ActivityObjective.NONE);
    long t2 = System.nanoTime();
    long peak = Machine.heapPeakBytes();
    long retained = Machine.heapUsedAfterGc() - before;
    long held = kernel.historyBytes();
    Reference.reachabilityFence(kernel);
    double[] gradients = net.parameters().all().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.gradient()))
        .toArray();
    return new Measure((t1 - t0) / 1e9, (t2 - t1) / 1e9, loss, gradients, peak, retained, held);
  }

  private static void print(String mode, int steps, int batch, List<Measure> runs, TrainingFootprint estimate) {
    System.out.printf("RESULT memory T=%d B=%d %s: %.2f s/step (forward %.2f s, backward %.2f s), heap peak %.2f GB"
        + " (sum of pool peaks), retained %.3f GB, held for the backward pass %.3f GB by count (footprint %.3f GB)%n",
        steps, batch, mode, median(runs, Measure::seconds), median(runs, Measure::forward),
        median(runs, Measure::backward), median(runs, m -> (double) m.heapPeak) / 1e9,
        median(runs, m -> (double) m.retained) / 1e9, runs.get(0).held / 1e9, estimate.historyBytes() / 1e9);
  }

  private static double median(List<Measure> runs, java.util.function.ToDoubleFunction<Measure> value) {
    return Statistics.median(runs.stream().map(value::applyAsDouble).toList());
  }

  /** One dense PyTorch step per thread count, if memory allows, against the fused kernel as trained. */
  private static void torch(ScaleSettings settings, ClosedLoop loop, double fused, int segment) throws Exception {
    int steps = settings.steps();
    int batch = settings.batch();
    Optional<String> python = Torch.python(settings.torch());
    if (python.isEmpty()) {
      return;
    }
    double available = Machine.availableBytes() / 1e9;
    double need = TORCH_GB_AT_5000_BY_16 * steps * batch / (5000.0 * 16) + 1.0;
    if (available < need + 2.0) {
      System.out.printf("PyTorch contender: skipped (%.1f GB available; by ARCHITECTURE.md's 9.1 GB at T=5000,"
          + " B=16 it would need about %.1f GB)%n", available, need);
      return;
    }
    Path model = Files.createTempDirectory("dmn-torch-memory-").resolve("model.json");
    TorchModel.writeDense(loop, model);
    BpttKernel kernel = new BpttKernel(loop.network, steps, batch, Recomputation.segments(segment));
    for (int threads : settings.threads()) {
      Torch.DenseStep run = Torch.denseStep(python.get(), model, threads, 1);
      // one long PyTorch step is not alternated, so time the fused step again to bracket load changes
      ClosedLoop.Step after = loop.trainingStep(kernel);
      System.out.printf("loss: fused %.6f, pytorch %.6f; fused step (segments of %d) again after PyTorch: %.2f s%n",
          after.loss(), run.loss(), segment, after.seconds());
      System.out.printf("RESULT pytorch (dense, %d threads) %.2f s/step (one step, in-process time)  peak RSS %.2f GB"
          + "  pytorch/fused %.1fx time (%.1fx against the fused step after it)%n", threads, run.seconds(),
          run.peakRssBytes() / 1e9, run.seconds() / fused, run.seconds() / after.seconds());
    }
    Files.delete(model);
    Files.delete(model.getParent());
  }
}
