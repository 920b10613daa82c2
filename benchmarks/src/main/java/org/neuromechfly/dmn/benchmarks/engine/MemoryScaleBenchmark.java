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
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * {@code scale-memory}: peak RSS, peak heap and seconds per step of the fused kernel on the example
 * circuit over long episodes; then, if memory allows, one step of the dense PyTorch reference
 * ({@code torch_step.py}) per thread count, in a fresh process, for its seconds and peak RSS.
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
    System.out.printf("before the episode: peak RSS %.2f GB, max heap %.2f GB%n", Machine.peakRssBytes() / 1e9,
        Runtime.getRuntime().maxMemory() / 1e9);

    ClosedLoop loop = new ClosedLoop(spec, net, ws);
    BpttKernel kernel = new BpttKernel(net, steps, batch);
    List<Double> times = new ArrayList<>();
    double loss = Double.NaN;
    for (int r = 0; r < rounds; r++) {
      Machine.resetHeapPeaks();
      ClosedLoop.Step f = loop.trainingStep(kernel);
      loss = f.loss();
      times.add(f.seconds());
      System.out.printf("step %d: %.2f s, loss %.6f, peak RSS so far %.2f GB, heap peak during the step %.2f GB"
          + " (sum of pool peaks)  (load %s)%n", r, f.seconds(), loss, Machine.peakRssBytes() / 1e9,
          Machine.heapPeakBytes() / 1e9, Machine.loadAverage());
    }
    double peak = Machine.peakRssBytes() / 1e9; // before the GEMM-rate probe allocates its own matrices
    double heapPeak = Machine.heapPeakBytes() / 1e9;
    NetworkActivity activity = kernel.activity();
    long traceBytes = 0;
    for (int p = 0; p < net.populations().size(); p++) {
      traceBytes += 2L * 4 * activity.state(p).outputTrace().length(); // membrane + output, float32
    }
    System.out.printf("forward traces by count (membrane + output, float32): %.2f GB%n", traceBytes / 1e9);
    double f = times.size() > 1 ? Statistics.median(times.subList(1, times.size())) : times.get(0);
    StepFlops.count(net, activity, steps, batch).print(f, GemmProbe.rate());
    System.out.printf("RESULT memory T=%d B=%d  fused %.2f s/step  peak RSS %.2f GB (VmHWM, whole process up to"
        + " the end of the last step)  heap peak %.2f GB  max heap %.1f GB%n", steps, batch, f, peak, heapPeak,
        Runtime.getRuntime().maxMemory() / 1e9);

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
    for (int threads : settings.threads()) {
      Torch.DenseStep run = Torch.denseStep(python.get(), model, threads, 1);
      // one long PyTorch step is not alternated, so time the fused step again to bracket load changes
      ClosedLoop.Step after = loop.trainingStep(kernel);
      System.out.printf("loss: fused %.6f, pytorch %.6f; fused step again after PyTorch: %.2f s%n", loss,
          run.loss(), after.seconds());
      System.out.printf("RESULT pytorch (dense, %d threads) %.2f s/step (one step, in-process time)  peak RSS %.2f GB"
          + "  pytorch/fused %.1fx time (%.1fx against the fused step after it), %.1fx memory%n", threads,
          run.seconds(), run.peakRssBytes() / 1e9, run.seconds() / f, run.seconds() / after.seconds(),
          run.peakRssBytes() / 1e9 / peak);
    }
    Files.delete(model);
    Files.delete(model.getParent());
  }
}
