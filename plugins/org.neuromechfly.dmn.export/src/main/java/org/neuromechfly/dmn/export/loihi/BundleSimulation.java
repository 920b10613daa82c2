package org.neuromechfly.dmn.export.loihi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.TrajectoryMetrics;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.LoihiCells;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.ReplayedSensing;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.CircuitSource;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * The bundle against the model it came from, both run by the engine: the model as trained (float, or
 * Loihi mode when it trained for Loihi 2), and the same network running the bundle's integers — every
 * on-chip population in the LIF step's Loihi mode (Lava's bit-accurate CUBA arithmetic, checked
 * against Lava itself: export README) with the integer decays, threshold and biases of its layer, every
 * projection into the chip with its integer weights. The spike source stays the model's (it runs
 * off-chip).
 *
 * <p>With a navigation task, each held-out fly walks an episode with the model; its sensory input is
 * recorded and replayed to the bundle (open loop, same input, spikes compared), and the bundle then
 * walks the same start in closed loop, for the task success of the integer network. Without a task,
 * the spike-source cells get Bernoulli input events.
 */
public final class BundleSimulation {
  private static final int BATCH = 4;

  private BundleSimulation() {}

  /**
   * @param agreement per on-chip population, layer order
   * @param sourceSpikes spikes of each spike-source population (the same on both sides)
   * @param maxVoltage per layer, the largest |V| the bundle reached, as a fraction of the 24-bit limit
   * @param saturated per layer, how many (step, cell) values of V hit the 24-bit limit
   * @param task held-out success of model and bundle, or {@code null} without a task
   * @param runs how the comparison was run, for the report
   */
  public record Result(List<SpikeAgreement> agreement, Map<String, Long> sourceSpikes, double[] maxVoltage,
      long[] saturated, TaskComparison task, String runs) {}

  /**
   * Held-out task performance of the model and of its bundle in closed loop, on the same starts and plumes.
   *
   * @param starts held-out flies
   * @param modelSuccess fraction that reached the source with the model
   * @param bundleSuccess fraction that reached it with the bundle
   * @param modelClosestApproachMm mean closest approach with the model
   * @param bundleClosestApproachMm mean closest approach with the bundle
   */
  public record TaskComparison(int starts, double modelSuccess, double bundleSuccess, double modelClosestApproachMm,
      double bundleClosestApproachMm) {}

  public static Result run(CircuitSource source, CircuitParameters circuit, NetxNetwork net, LoihiOptions o) {
    CircuitSpec spec = circuit.spec();
    var t = spec.training();
    NetworkOptions options = NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope()));
    Network model = source.network(options);
    Network bundle = source.network(options);
    install(bundle, net);
    Map<String, SpikeAgreement.Counter> counters = new LinkedHashMap<>();
    Map<String, Integer> layerOf = new LinkedHashMap<>();
    for (NetxLayer l : net.layers()) {
      for (NetxLayer.Slice s : l.populations()) {
        counters.put(s.population(), new SpikeAgreement.Counter());
        layerOf.put(s.population(), l.index());
      }
    }
    Map<String, Long> sourceSpikes = new LinkedHashMap<>();
    net.sources().forEach(s -> sourceSpikes.put(s.population(), 0L));
    double[] maxVoltage = new double[net.layers().size()];
    long[] saturated = new long[net.layers().size()];
    TaskComparison task = null;
    String runs;
    if (spec.task() instanceof NavigationTask nav && o.heldOutStarts() > 0) {
      int steps = nav.steps();
      int batch = Math.min(BATCH, o.heldOutStarts());
      // the comparison reads both whole records (the bundle's membranes too), which a kernel that
      // recomputes segments does not keep: fewer flies per run where two records would not fit (large
      // circuits, long episodes; the example of 2,000 KCs fits its 4)
      while (batch > 1 && !BpttKernel.keepsWholeRecord(model, steps, 2 * batch)) {
        batch /= 2;
      }
      if (!BpttKernel.keepsWholeRecord(model, steps, 2 * batch)) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the quantisation report compares the"
            + " model and the bundle over whole %,d-step episodes, and the two records of even one fly would not fit"
            + " in this Java VM's memory (at most %,d MB); give Java more memory (DMN_JAVA_OPTS=-Xmx…) or pass"
            + " --held-out 0", steps, Runtime.getRuntime().maxMemory() >> 20));
      }
      int chunks = Math.max(1, o.heldOutStarts() / batch);
      StartPositions starts = StartPositions.heldOut(nav, batch * chunks, t.seed());
      BpttKernel onModel = new BpttKernel(model, steps, batch, Recomputation.none());
      BpttKernel onBundle = new BpttKernel(bundle, steps, batch, Recomputation.none());
      double[] success = new double[2];
      double[] approach = new double[2];
      for (int c = 0; c < chunks; c++) {
        StartPositions part = starts.slice(c * batch, (c + 1) * batch);
        long noise = (t.seed() ^ 0xE7A1L) + 7919L * c * batch;
        OdourWorld walked = world(spec, nav, batch, part, noise);
        ReplayedSensing sensing = new ReplayedSensing(walked);
        onModel.forward(sensing, ActivityObjective.NONE);
        add(metrics(walked, nav), success, approach, 0);
        onBundle.forward(sensing, ActivityObjective.NONE); // the model's input, replayed
        compare(onModel.activity(), onBundle.activity(), net, counters, sourceSpikes, maxVoltage, saturated);
        OdourWorld alone = world(spec, nav, batch, part, noise);
        onBundle.forward(alone, ActivityObjective.NONE);
        add(metrics(alone, nav), success, approach, 1);
      }
      int flies = batch * chunks;
      task = new TaskComparison(flies, success[0] / chunks, success[1] / chunks, approach[0] / chunks * 1e3,
          approach[1] / chunks * 1e3);
      runs = flies + " held-out starts, " + steps + " steps each: the model walks, its sensory input is replayed to"
          + " the bundle for the spike comparison, then the bundle walks the same starts alone for task success";
    } else {
      int steps = o.reportSteps();
      if (steps == 0) {
        return null;
      }
      List<String> sources = net.sources().stream().map(NetxLayer.Slice::population).toList();
      double[] current = sources.stream().mapToDouble(s -> eventCurrent(circuit, s, o)).toArray();
      String readout = spec.populations().get(spec.populations().size() - 1).name();
      InputEvents input = new InputEvents(sources, current, readout, steps, o.inputProbability(), o.seed());
      BpttKernel onModel = new BpttKernel(model, steps, 1);
      BpttKernel onBundle = new BpttKernel(bundle, steps, 1);
      onModel.forward(input, ActivityObjective.NONE);
      onBundle.forward(input, ActivityObjective.NONE);
      compare(onModel.activity(), onBundle.activity(), net, counters, sourceSpikes, maxVoltage, saturated);
      runs = steps + " steps of Bernoulli input events (p = " + o.inputProbability() + " per step and spike-source"
          + " cell), the same for model and bundle";
    }
    List<SpikeAgreement> agreement = new ArrayList<>();
    counters.forEach((p, counter) -> agreement.add(counter.result(p, layerOf.get(p))));
    return new Result(agreement, sourceSpikes, maxVoltage, saturated, task, runs);
  }

  /**
   * Spikes of one run of the bundle, cell by cell, as a spike source and Lava see them: the input
   * channels and every layer's cells, per step (the spiking indices). For the check against Lava.
   *
   * @param input per step, the spiking input channels
   * @param layers per layer (index − 1), per step, the spiking cells
   */
  public record Trace(int[][] input, List<int[][]> layers) {}

  /**
   * One run of the bundle as the report runs it (the first held-out fly with the model's sensory input
   * replayed, or the input events), as spike indices per step.
   *
   * @param steps how many steps to keep (at most the run's)
   */
  public static Trace trace(CircuitSource source, CircuitParameters circuit, NetxNetwork net, LoihiOptions o,
      int steps) {
    CircuitSpec spec = circuit.spec();
    var t = spec.training();
    NetworkOptions options = NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope()));
    Network model = source.network(options);
    Network bundle = source.network(options);
    install(bundle, net);
    NetworkActivity activity;
    if (spec.task() instanceof NavigationTask nav) {
      StartPositions start = StartPositions.heldOut(nav, 1, t.seed());
      ReplayedSensing sensing = new ReplayedSensing(world(spec, nav, 1, start, t.seed() ^ 0xE7A1L));
      new BpttKernel(model, nav.steps(), 1).forward(sensing, ActivityObjective.NONE);
      BpttKernel onBundle = new BpttKernel(bundle, nav.steps(), 1);
      onBundle.forward(sensing, ActivityObjective.NONE);
      activity = onBundle.activity();
    } else {
      List<String> sources = net.sources().stream().map(NetxLayer.Slice::population).toList();
      double[] current = sources.stream().mapToDouble(s -> eventCurrent(circuit, s, o)).toArray();
      String readout = spec.populations().get(spec.populations().size() - 1).name();
      BpttKernel onBundle = new BpttKernel(bundle, o.reportSteps(), 1);
      onBundle.forward(new InputEvents(sources, current, readout, o.reportSteps(), o.inputProbability(), o.seed()),
          ActivityObjective.NONE);
      activity = onBundle.activity();
    }
    int n = Math.min(steps, activity.state(0).steps());
    int[][] input = raster(activity, net.sources(), n);
    List<int[][]> layers = net.layers().stream().map(l -> raster(activity, l.populations(), n)).toList();
    return new Trace(input, layers);
  }

  private static int[][] raster(NetworkActivity activity, List<NetxLayer.Slice> slices, int steps) {
    int[][] out = new int[steps][];
    for (int step = 0; step < steps; step++) {
      List<Integer> on = new ArrayList<>();
      for (NetxLayer.Slice s : slices) {
        PopulationState st = activity.state(activity.network().populationIndex(s.population()));
        for (int c = 0; c < s.count(); c++) {
          if (st.output(step, 0, c) != 0) {
            on.add(s.offset() + c);
          }
        }
      }
      out[step] = on.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /**
   * Puts a network on the bundle's integers: its on-chip populations into Loihi mode with their layer's
   * integers, the projections into the chip onto the integer weights (read back from the layers'
   * matrices, in the engine's units).
   */
  public static void install(Network network, NetxNetwork net) {
    Map<String, NetxLayer> layerOf = new LinkedHashMap<>();
    Map<String, NetxLayer.Slice> where = new LinkedHashMap<>();
    net.sources().forEach(s -> where.put(s.population(), s));
    for (NetxLayer l : net.layers()) {
      for (NetxLayer.Slice s : l.populations()) {
        layerOf.put(s.population(), l);
        where.put(s.population(), s);
        LoihiCells all = l.cells();
        int from = s.offset();
        network.populations().get(network.populationIndex(s.population())).useLoihi(new LoihiCells(all.vDecay(),
            all.iDecay(), all.vThMant(), java.util.Arrays.copyOfRange(all.scale(), from, from + s.count()),
            java.util.Arrays.copyOfRange(all.biasMant(), from, from + s.count())));
      }
    }
    for (Synapses s : network.synapses()) {
      String target = network.populations().get(s.targetPopulation()).name();
      String sourceName = network.populations().get(s.sourcePopulation()).name();
      NetxLayer l = layerOf.get(target);
      if (l == null) {
        continue;
      }
      boolean within = l.populationNames().contains(sourceName);
      int[][] matrix = within ? l.weightRec() : l.weight();
      int rowOff = where.get(target).offset();
      int colOff = where.get(sourceName).offset();
      int extra = l.delay() == null ? 0 : -1;
      int[] targets = s.edges().targetIndex();
      double leak = l.cells().vDecay() / (double) LoihiCells.DECAY_UNITY;
      double[] w = new double[targets.length];
      for (int e = 0; e < w.length; e++) {
        int row = rowOff + targets[e];
        int col = colOff + s.edges().sourceIndex()[e];
        w[e] = matrix[row][col] * 64.0 / (leak * l.cells().scale()[row]);
        if (l.delay() != null) {
          extra = l.delay()[row][col];
        }
      }
      int bundleDelay = 1 + Math.max(0, extra);
      if (w.length > 0 && bundleDelay != s.delay()) {
        throw new IllegalStateException("projection " + s.label() + " has a delay of " + s.delay()
            + " steps in the model and " + bundleDelay + " in the bundle");
      }
      s.useForwardWeights(w);
    }
  }

  private static OdourWorld world(CircuitSpec spec, NavigationTask task, int batch, StartPositions starts, long noise) {
    OdourWorld world = new OdourWorld(spec, task, WorldSettings.defaults(), batch, List.of());
    world.setStarts(starts, noise);
    return world;
  }

  private static TrajectoryMetrics metrics(OdourWorld world, NavigationTask task) {
    return TrajectoryMetrics.of(world.trajectory(), task.successRadius().si());
  }

  private static void add(TrajectoryMetrics m, double[] success, double[] approach, int side) {
    success[side] += m.success();
    approach[side] += m.closestApproach();
  }

  /** The current of one input event: the options', or (0) one that lifts a resting cell to 1.5 × θ. */
  static double eventCurrent(CircuitParameters c, String population, LoihiOptions o) {
    if (o.inputCurrent() > 0) {
      return o.inputCurrent();
    }
    var p = c.population(population);
    double theta = java.util.Arrays.stream(p.threshold()).max().orElse(1);
    double[] tau = p.tauMem().clone();
    java.util.Arrays.sort(tau);
    return 1.5 * theta / -Math.expm1(-c.dt() / tau[tau.length / 2]);
  }

  private static void compare(NetworkActivity model, NetworkActivity bundle, NetxNetwork net,
      Map<String, SpikeAgreement.Counter> counters, Map<String, Long> sourceSpikes, double[] maxVoltage,
      long[] saturated) {
    Network network = bundle.network();
    for (var e : counters.entrySet()) {
      int p = network.populationIndex(e.getKey());
      e.getValue().add(model.state(p), bundle.state(p));
    }
    for (var e : sourceSpikes.entrySet()) {
      PopulationState s = model.state(network.populationIndex(e.getKey()));
      e.setValue(e.getValue() + spikes(s));
    }
    for (int l = 0; l < net.layers().size(); l++) {
      for (NetxLayer.Slice slice : net.layers().get(l).populations()) {
        int p = network.populationIndex(slice.population());
        LifPopulation pop = network.populations().get(p);
        PopulationState s = bundle.state(p);
        double[] scale = pop.loihi().scale();
        for (int t = 0; t < s.steps(); t++) {
          for (int b = 0; b < s.batch(); b++) {
            for (int n = 0; n < s.cells(); n++) {
              double v = Math.abs(s.membrane(t, b, n)) * scale[n] / (LoihiCells.STATE_LIMIT - 1);
              maxVoltage[l] = Math.max(maxVoltage[l], v);
              saturated[l] += v >= 1 - 1e-6 ? 1 : 0;
            }
          }
        }
      }
    }
  }

  private static long spikes(PopulationState s) {
    long n = 0;
    for (int i = 0; i < s.outputTrace().length(); i++) {
      n += s.outputTrace().get(i) != 0 ? 1 : 0;
    }
    return n;
  }
}
