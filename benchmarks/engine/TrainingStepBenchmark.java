import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.samediff.ChunkedSameDiffKernel;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.UpdateRule;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * One training step (closed-loop forward over T steps, BPTT, Adam) of the example circuit, timed
 * alternately, in one process, for (a) the fused kernel, (b) a straightforward Java reference of the
 * identical model (dense masked matrices, per-element loops, double arrays), (c) optionally the
 * identical model in PyTorch, run as a subprocess, and (d) the engine's SameDiff path (one chunk graph
 * run chunk by chunk, exact BPTT across chunks). Before timing, the reference and the SameDiff path
 * are checked against the fused kernel's gradients in float64.
 *
 * <p>Arguments: {@code T B rounds torch samediffRounds} (defaults 1000 16 3 auto 1; torch = auto | none |
 * path to python3; samediffRounds = timed SameDiff steps, taken in the first rounds, 0 = none).
 */
public final class TrainingStepBenchmark {

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String torch = args.length > 3 ? args[3] : "auto";
    int sameDiffRounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    CircuitSpec golden = CircuitJson.read(Files.readString(
        Path.of("plugins/org.neuromechfly.dmn.circuit.tests/resources/golden/olfactory.ir.json")));
    CircuitSpec spec = withSize(golden, steps, batch);
    NavigationTask task = (NavigationTask) spec.task();
    List<EdgeArrays> wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(Path.of(".")))
        .projections().stream().map(EdgeArrays::of).toList();
    WorldSettings ws = WorldSettings.defaults();
    TrainingSpec t = spec.training();
    SurrogateSpike surrogate = new SurrogateSpike(t.surrogate(), t.surrogateSlope());
    Network net = new Network(spec, wiring, task.dt().si(), NetworkOptions.training(surrogate));
    Map<String, Double> cal = RateCalibration.calibrate(net, spec, ws, RateCalibration.DEFAULT_TARGETS, t.seed());
    System.out.println("circuit " + spec.name() + ", T=" + steps + ", B=" + batch + ", calibrated " + cal);

    checkGradients(golden, wiring, ws, surrogate, net);
    if (sameDiffRounds > 0) {
      checkSameDiff(golden, wiring, ws, surrogate, net);
    }

    OdourWorld world = new OdourWorld(spec, task, ws, batch, PathLosses.of(spec, task, ws));
    StartPositions starts = StartPositions.forEpisode(task, batch, t.seed(), 0);
    world.setStarts(starts, 1);
    BpttKernel kernel = new BpttKernel(net, steps, batch);
    Reference reference = new Reference(net, steps, batch);
    ChunkedSameDiffKernel sameDiff = sameDiffRounds > 0
        ? new ChunkedSameDiffKernel(net, steps, batch, ChunkedSameDiffKernel.chunkLength(steps, world.sensingLead()))
        : null;
    UpdateRule adam = new UpdateRule(Optimizer.ADAM, net.parameters().learnable());

    double denseFlop = 0;
    double edgeFlop = 0;
    for (Synapses s : net.synapses()) {
      denseFlop += (double) s.edges().sourceCount() * s.edges().targetCount();
      edgeFlop += s.edges().edgeCount();
    }
    // forward W·x, backward Wᵀ·g and g ⊗ x: three products of 2 flops per multiply-add
    denseFlop *= 6.0 * steps * batch;
    edgeFlop *= 6.0 * steps * batch;
    double gemm = gemmRate();
    System.out.printf("FLOP per step: %.2f G dense-equivalent (masked matrices), %.2f G on existing edges%n",
        denseFlop / 1e9, edgeFlop / 1e9);
    System.out.printf("measured ND4J GEMM rate: %.1f GFLOP/s (float32, [16000 x 2000] x [2000 x 50], best of 6)%n",
        gemm / 1e9);

    Path export = null;
    String python = torch.equals("auto") ? "/usr/bin/python3" : torch;
    boolean withTorch = !torch.equals("none") && Files.exists(Path.of(python)) && hasTorch(python);
    if (withTorch) {
      export = Files.createTempDirectory("dmn-torch-");
      exportModel(net, spec, ws, starts, export.resolve("model.json"));
    } else {
      System.out.println("PyTorch reference: skipped (" + (torch.equals("none") ? "asked" : "no python3 with torch") + ")");
    }

    List<Double> fused = new ArrayList<>();
    List<Double> straight = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    List<Double> sd = new ArrayList<>();
    double fusedLoss = 0;
    double refLoss = 0;
    double sdLoss = Double.NaN;
    for (int r = 0; r <= rounds; r++) { // round 0 warms up (and builds the SameDiff graphs)
      long t0 = System.nanoTime();
      net.parameters().zeroGradients();
      Map<String, Double> l = kernel.forward(world, ActivityObjective.NONE);
      kernel.backward(world, ActivityObjective.NONE);
      adam.apply(net.parameters().learnable(), 0.0);
      double f = (System.nanoTime() - t0) / 1e9;
      fusedLoss = l.values().stream().mapToDouble(Double::doubleValue).sum();
      t0 = System.nanoTime();
      refLoss = reference.step(world);
      adam.apply(net.parameters().learnable(), 0.0);
      double s = (System.nanoTime() - t0) / 1e9;
      double p = withTorch ? runTorch(python, export, 1) : Double.NaN;
      double d = Double.NaN;
      if (sameDiff != null && r <= sameDiffRounds) {
        t0 = System.nanoTime();
        net.parameters().zeroGradients();
        Map<String, Double> ls = sameDiff.forward(world, ActivityObjective.NONE);
        sameDiff.backward(world, ActivityObjective.NONE);
        adam.apply(net.parameters().learnable(), 0.0);
        d = (System.nanoTime() - t0) / 1e9;
        sdLoss = ls.values().stream().mapToDouble(Double::doubleValue).sum();
      }
      if (r > 0) {
        fused.add(f);
        straight.add(s);
        py.add(p);
        if (!Double.isNaN(d)) {
          sd.add(d);
        }
      }
      System.out.printf("round %d: fused %.3f s  reference %.3f s  pytorch %s  samediff %s%n", r, f, s,
          withTorch ? String.format("%.3f s", p) : "-", Double.isNaN(d) ? "-" : String.format("%.3f s", d));
    }
    double f = median(fused);
    double s = median(straight);
    System.out.printf("loss: fused %.6f, reference %.6f, samediff %.6f%n", fusedLoss, refLoss, sdLoss);
    System.out.printf("RESULT T=%d B=%d  fused %.3f s/step  reference %.3f s/step  reference/fused %.1fx%n",
        steps, batch, f, s, s / f);
    System.out.printf("RESULT fused: %.1f GFLOP/s dense-equivalent = %.0f%% of the measured GEMM rate%n",
        denseFlop / f / 1e9, 100 * denseFlop / f / gemm);
    if (withTorch) {
      double p = median(py);
      System.out.printf("RESULT pytorch %.3f s/step (2 threads, in-process time of forward+backward+Adam)"
          + "  pytorch/fused %.1fx%n", p, p / f);
    }
    if (!sd.isEmpty()) {
      double d = median(sd);
      System.out.printf("RESULT samediff %.3f s/step (chunks of %d steps, %d timed)  samediff/fused %.1fx%n", d,
          sameDiff.chunkLength(), sd.size(), d / f);
    }
  }

  /** SameDiff and fused gradients of every parameter in float64 on a short window (several chunks). */
  private static void checkSameDiff(CircuitSpec golden, List<EdgeArrays> wiring, WorldSettings ws,
      SurrogateSpike surrogate, Network calibrated) {
    int steps = 60;
    CircuitSpec small = withSize(golden, steps, 2);
    NavigationTask task = (NavigationTask) small.task();
    NetworkOptions options = NetworkOptions.training(surrogate).toBuilder().precision(Precision.FLOAT64).build();
    Network a = new Network(small, wiring, task.dt().si(), options);
    Network b = new Network(small, wiring, task.dt().si(), options);
    for (Network n : List.of(a, b)) {
      n.parameters().restore(calibrated.parameters().snapshot());
      n.prepare();
      n.parameters().zeroGradients();
    }
    OdourWorld world = new OdourWorld(small, task, ws, 2, PathLosses.of(small, task, ws));
    world.setStarts(StartPositions.forEpisode(task, 2, 5, 1), 1);
    BpttKernel fused = new BpttKernel(a, steps, 2);
    double lf = fused.forward(world, ActivityObjective.NONE).values().stream().mapToDouble(Double::doubleValue).sum();
    fused.backward(world, ActivityObjective.NONE);
    ChunkedSameDiffKernel chunked = new ChunkedSameDiffKernel(b, steps, 2,
        ChunkedSameDiffKernel.chunkLength(steps, world.sensingLead()));
    double ls = chunked.forward(world, ActivityObjective.NONE).values().stream().mapToDouble(Double::doubleValue).sum();
    chunked.backward(world, ActivityObjective.NONE);
    double worst = 0;
    for (Parameter p : a.parameters().all()) {
      double[] x = p.gradient();
      double[] y = b.parameters().get(p.name()).orElseThrow().gradient();
      double diff = 0;
      double norm = 0;
      for (int i = 0; i < x.length; i++) {
        diff += (x[i] - y[i]) * (x[i] - y[i]);
        norm += x[i] * x[i];
      }
      if (norm > 0) {
        worst = Math.max(worst, Math.sqrt(diff / norm));
      }
    }
    System.out.printf("check samediff (float64, T=%d, B=2, chunks of %d): loss fused %.12f samediff %.12f, worst"
        + " relative gradient difference over all parameters %.2e%n", steps, chunked.chunkLength(), lf, ls, worst);
  }

  private static double median(List<Double> v) {
    List<Double> c = new ArrayList<>(v);
    c.sort(Double::compare);
    int n = c.size();
    return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
  }

  /** Reference and fused weight gradients in float64 on a short window (the reference's correctness). */
  private static void checkGradients(CircuitSpec golden, List<EdgeArrays> wiring, WorldSettings ws,
      SurrogateSpike surrogate, Network calibrated) {
    CircuitSpec small = withSize(golden, 60, 2);
    NavigationTask task = (NavigationTask) small.task();
    Network net = new Network(small, wiring, task.dt().si(),
        NetworkOptions.training(surrogate).toBuilder().precision(Precision.FLOAT64).build());
    net.parameters().restore(calibrated.parameters().snapshot());
    net.prepare();
    OdourWorld world = new OdourWorld(small, task, ws, 2, PathLosses.of(small, task, ws));
    world.setStarts(StartPositions.forEpisode(task, 2, 5, 1), 1);
    BpttKernel kernel = new BpttKernel(net, 60, 2);
    net.parameters().zeroGradients();
    double lf = kernel.forward(world, ActivityObjective.NONE).values().stream().mapToDouble(Double::doubleValue).sum();
    kernel.backward(world, ActivityObjective.NONE);
    Map<String, double[]> fusedGrad = new LinkedHashMap<>();
    for (Parameter p : net.parameters().all()) {
      fusedGrad.put(p.name(), p.gradient().clone());
    }
    Reference ref = new Reference(net, 60, 2);
    double lr = ref.step(world);
    double worst = 0;
    for (int q = 0; q < net.synapses().size(); q++) {
      Synapses s = net.synapses().get(q);
      double[] a = fusedGrad.get(s.rawMagnitudes().name());
      double[] b = ref.rawWeightGradient(q);
      double diff = 0;
      double norm = 0;
      for (int e = 0; e < a.length; e++) {
        diff += (a[e] - b[e]) * (a[e] - b[e]);
        norm += b[e] * b[e];
      }
      if (norm > 0) {
        worst = Math.max(worst, Math.sqrt(diff / norm));
      }
    }
    System.out.printf("check (float64, T=60, B=2): loss fused %.12f reference %.12f, worst relative weight-gradient"
        + " difference %.2e%n", lf, lr, worst);
  }

  private static CircuitSpec withSize(CircuitSpec s, int steps, int batch) {
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

  /** Float32 GEMM rate of ND4J on this machine, in flop/s, for the shape of the largest projection. */
  private static double gemmRate() {
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

  private static boolean hasTorch(String python) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static double runTorch(String python, Path dir, int reps) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(python, "benchmarks/engine/torch_step.py", dir.resolve("model.json").toString(),
        String.valueOf(reps));
    pb.environment().put("OMP_NUM_THREADS", "2");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    double seconds = Double.NaN;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("STEP ")) {
          String[] f = line.split(" ");
          seconds = Double.parseDouble(f[1]);
          System.out.println("  pytorch: loss " + f[3]);
        } else {
          System.out.println("  pytorch: " + line);
        }
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the PyTorch reference failed");
    }
    return seconds;
  }

  /** Writes the model (physical parameters, dense masked weights), world settings and starts as JSON. */
  private static void exportModel(Network net, CircuitSpec spec, WorldSettings ws, StartPositions starts, Path file)
      throws Exception {
    NavigationTask task = (NavigationTask) spec.task();
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> pops = new ArrayList<>();
    for (LifPopulation p : net.populations()) {
      Map<String, Object> o = new LinkedHashMap<>();
      int n = p.cells();
      double[] beta = new double[n];
      double[] theta = new double[n];
      double[] bias = new double[n];
      for (int i = 0; i < n; i++) {
        beta[i] = p.beta(i);
        theta[i] = p.threshold(i);
        bias[i] = p.bias(i);
      }
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
    List<Map<String, Object>> prs = new ArrayList<>();
    for (Synapses s : net.synapses()) {
      EdgeArrays e = s.edges();
      double[] w = new double[e.sourceCount() * e.targetCount()]; // [source][target]
      int[] tgt = e.targetIndex();
      for (int k = 0; k < e.edgeCount(); k++) {
        w[e.sourceIndex()[k] * e.targetCount() + tgt[k]] = s.weight(k);
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("source", s.sourcePopulation());
      o.put("target", s.targetPopulation());
      o.put("delay", s.delay());
      o.put("sources", e.sourceCount());
      o.put("targets", e.targetCount());
      o.put("sign", e.sign());
      o.put("weights", w);
      prs.add(o);
    }
    m.put("projections", prs);
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
    for (var term : spec.losses()) {
      if (term instanceof org.neuromechfly.dmn.model.LossTerm.Navigation n) {
        m.put("navigationWeight", n.weight());
        m.put("goalRadius", n.goalRadius().si());
      } else if (term instanceof org.neuromechfly.dmn.model.LossTerm.Energy en) {
        m.put("energyWeight", en.weight());
      }
    }
    m.put("startX", starts.x());
    m.put("startY", starts.y());
    m.put("startH", starts.heading());
    new ObjectMapper().writeValue(file.toFile(), m);
  }

  /**
   * The same model differentiated the plain way: dense masked weight matrices, per-element loops,
   * every state kept in double arrays {@code [T][B·N]}, no event skipping, no BLAS. Supports what the
   * example circuit uses (no synaptic currents, no refractoriness).
   */
  static final class Reference {
    private final Network net;
    private final int steps;
    private final int batch;
    private final int pops;
    private final double[][][] v;
    private final double[][][] s;
    private final double[][][] gOut;
    private final double[][][] w; // [q][target][source]
    private final double[][][] gw;
    private final double[][] carry;
    private final double[][] gIn;
    private final SurrogateSpike surrogate;

    Reference(Network net, int steps, int batch) {
      this.net = net;
      this.steps = steps;
      this.batch = batch;
      this.pops = net.populations().size();
      this.surrogate = net.options().surrogate();
      v = new double[pops][][];
      s = new double[pops][][];
      gOut = new double[pops][][];
      carry = new double[pops][];
      gIn = new double[pops][];
      for (int p = 0; p < pops; p++) {
        LifPopulation pop = net.populations().get(p);
        if (pop.refractorySteps() > 0 || pop.alpha(0) != 0) {
          throw new IllegalArgumentException("the reference supports neither refractoriness nor synaptic currents");
        }
        int n = batch * pop.cells();
        v[p] = new double[steps][n];
        s[p] = new double[steps][n];
        gOut[p] = new double[steps][n];
        carry[p] = new double[n];
        gIn[p] = new double[n];
      }
      int nq = net.synapses().size();
      w = new double[nq][][];
      gw = new double[nq][][];
      for (int q = 0; q < nq; q++) {
        EdgeArrays e = net.synapses().get(q).edges();
        w[q] = new double[e.targetCount()][e.sourceCount()];
        gw[q] = new double[e.targetCount()][e.sourceCount()];
      }
    }

    /** Forward and backward over one episode; returns the loss. */
    double step(OdourWorld world) {
      for (int q = 0; q < w.length; q++) {
        Synapses syn = net.synapses().get(q);
        EdgeArrays e = syn.edges();
        int[] tgt = e.targetIndex();
        for (double[] row : w[q]) {
          java.util.Arrays.fill(row, 0);
        }
        for (double[] row : gw[q]) {
          java.util.Arrays.fill(row, 0);
        }
        for (int k = 0; k < e.edgeCount(); k++) {
          w[q][tgt[k]][e.sourceIndex()[k]] = syn.weight(k);
        }
      }
      int sensory = net.populationIndex(world.sensoryPopulation());
      int motor = net.populationIndex(world.motorPopulation());
      world.begin();
      double[][] input = new double[pops][];
      double[] external = new double[v[sensory][0].length];
      for (int t = 0; t < steps; t++) {
        for (int p = 0; p < pops; p++) {
          input[p] = new double[v[p][t].length];
        }
        for (int q = 0; q < w.length; q++) {
          Synapses syn = net.synapses().get(q);
          int from = t - syn.delay();
          if (from < 0) {
            continue;
          }
          int ns = syn.edges().sourceCount();
          int nt = syn.edges().targetCount();
          double[] src = s[syn.sourcePopulation()][from];
          double[] dst = input[syn.targetPopulation()];
          for (int b = 0; b < batch; b++) {
            for (int i = 0; i < nt; i++) {
              double sum = 0;
              for (int j = 0; j < ns; j++) {
                sum += w[q][i][j] * src[b * ns + j];
              }
              dst[b * nt + i] += sum;
            }
          }
        }
        world.sense(t, external);
        for (int k = 0; k < external.length; k++) {
          input[sensory][k] += external[k];
        }
        for (int p = 0; p < pops; p++) {
          LifPopulation pop = net.populations().get(p);
          int n = pop.cells();
          for (int b = 0; b < batch; b++) {
            for (int c = 0; c < n; c++) {
              int k = b * n + c;
              double u = t == 0 ? 0 : after(pop, c, v[p][t - 1][k], s[p][t - 1][k]);
              double vv = pop.beta(c) * u + (1 - pop.beta(c)) * (input[p][k] + pop.bias(c));
              v[p][t][k] = vv;
              s[p][t][k] = pop.graded() ? Math.max(0, vv) : SurrogateSpike.step(vv - pop.threshold(c));
            }
          }
        }
        world.act(t, s[motor][t]);
      }
      double loss = world.endForward().values().stream().mapToDouble(Double::doubleValue).sum();
      for (int p = 0; p < pops; p++) {
        java.util.Arrays.fill(carry[p], 0);
        for (double[] g : gOut[p]) {
          java.util.Arrays.fill(g, 0);
        }
      }
      double[] motorGrad = new double[gOut[motor][0].length];
      for (int t = steps - 1; t >= 0; t--) {
        world.motorGradient(t, motorGrad);
        for (int k = 0; k < motorGrad.length; k++) {
          gOut[motor][t][k] += motorGrad[k];
        }
        for (int p = 0; p < pops; p++) {
          LifPopulation pop = net.populations().get(p);
          int n = pop.cells();
          for (int b = 0; b < batch; b++) {
            for (int c = 0; c < n; c++) {
              int k = b * n + c;
              double vv = v[p][t][k];
              double gv = carry[p][k];
              if (pop.graded()) {
                gv += vv > 0 ? gOut[p][t][k] : 0;
              } else {
                double th = pop.threshold(c);
                double sd = surrogate.derivative(vv - th);
                if (pop.resetMode() == ResetMode.SUBTRACT) {
                  double gs = gOut[p][t][k] - th * gv;
                  gv = gv + gs * sd;
                } else {
                  double gs = gOut[p][t][k] + gv * (pop.resetValue() - vv);
                  gv = gv * (1 - s[p][t][k]) + gs * sd;
                }
              }
              gIn[p][k] = gv * (1 - pop.beta(c));
              carry[p][k] = gv * pop.beta(c);
            }
          }
        }
        world.sensoryGradient(t, gIn[sensory]);
        for (int q = 0; q < w.length; q++) {
          Synapses syn = net.synapses().get(q);
          int from = t - syn.delay();
          if (from < 0) {
            continue;
          }
          int ns = syn.edges().sourceCount();
          int nt = syn.edges().targetCount();
          double[] src = s[syn.sourcePopulation()][from];
          double[] gsrc = gOut[syn.sourcePopulation()][from];
          double[] gt = gIn[syn.targetPopulation()];
          for (int b = 0; b < batch; b++) {
            for (int i = 0; i < nt; i++) {
              double g = gt[b * nt + i];
              for (int j = 0; j < ns; j++) {
                gw[q][i][j] += g * src[b * ns + j];
                gsrc[b * ns + j] += w[q][i][j] * g;
              }
            }
          }
        }
      }
      return loss;
    }

    private static double after(LifPopulation pop, int c, double v, double s) {
      if (pop.graded()) {
        return v;
      }
      return pop.resetMode() == ResetMode.SUBTRACT ? v - pop.threshold(c) * s : v * (1 - s) + pop.resetValue() * s;
    }

    /** d loss / d raw magnitude per edge in wiring order (ABS magnitudes with positive raw values). */
    double[] rawWeightGradient(int q) {
      Synapses syn = net.synapses().get(q);
      EdgeArrays e = syn.edges();
      int[] tgt = e.targetIndex();
      double[] out = new double[e.edgeCount()];
      double[] raw = syn.rawMagnitudes().value();
      for (int k = 0; k < out.length; k++) {
        out[k] = e.sign() * syn.scale() * (raw[k] >= 0 ? 1 : -1) * gw[q][tgt[k]][e.sourceIndex()[k]];
      }
      return out;
    }
  }
}
