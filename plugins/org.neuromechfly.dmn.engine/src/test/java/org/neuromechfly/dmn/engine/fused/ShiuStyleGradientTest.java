package org.neuromechfly.dmn.engine.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.ReplayedSensing;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * The whole-brain training model in small (issue #15: "gradients checked against finite differences
 * on a small sub-network"): sensory cells drive a few cells of a 300-cell brain of Shiu et al.'s cells
 * (τ_m 20 ms, τ_syn 5 ms, reset to rest, a refractory period of 2 steps, clamped or frozen), whose one recurrent
 * edge-list projection carries per-edge learnable weights (synapse count × scale) signed per
 * presynaptic neuron (a fifth of them inhibitory) and delayed by 2 steps; a readout population of
 * descending neurons reads a few brain cells and walks the fly, and the loss — navigation and energy —
 * is defined on it. Every per-edge weight sampled, of excitatory and of inhibitory neurons, and every
 * other parameter, against central finite differences in float64 with the spike replaced by its
 * smooth surrogate (as {@link BpttKernelGradientTest}).
 */
class ShiuStyleGradientTest {
  private static final int BRAIN = 300;
  private static final int ENTRY = 20;
  private static final int READOUT = 40;
  private static final int STEPS = 40;

  @ParameterizedTest(name = "{0}, segments of {1}, {2}")
  @CsvSource({"MOTOR_ONLY, 0, CLAMP", "FULL, 0, CLAMP", "MOTOR_ONLY, 7, CLAMP",
      "MOTOR_ONLY, 0, FREEZE", "FULL, 0, FREEZE", "MOTOR_ONLY, 7, FREEZE"})
  void perEdgeWeightsOfASignedRecurrentBrainMatchFiniteDifferences(GradientPath path, int segment,
      RefractoryMode mode) {
    CircuitSpec spec = spec(path, mode);
    List<EdgeArrays> wiring = wiring(spec, 5);
    NetworkOptions options = new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 4.0),
        true, 1e-3, Magnitude.ABS, new SynapseLayout(SynapseLayout.Kind.SPARSE, 0.5, 0),
        segment == 0 ? Recomputation.none() : Recomputation.segments(segment));
    Network network = new Network(spec, wiring, 1e-3, options);
    Synapses recurrent = network.synapses().stream().filter(s -> s.label().equals("Brain -> Brain")).findFirst()
        .orElseThrow();
    assertEquals(2, recurrent.delay());
    assertTrue(recurrent.edges().signedPerNeuron());

    NavigationTask task = (NavigationTask) spec.task();
    WorldSettings settings = WorldSettings.defaults().toBuilder().ornGain(30).build();
    OdourWorld world = new OdourWorld(spec, task, settings, 2, PathLosses.of(spec, task, settings));
    world.setStarts(StartPositions.draw(task, 2, 3), 11);
    BpttKernel kernel = new BpttKernel(network, STEPS, 2);
    assertEquals(segment, kernel.segmentSteps());
    // with the sensing path detached, the true reference is the loss under the recorded inputs
    Environment env = path == GradientPath.MOTOR_ONLY ? new ReplayedSensing(world) : world;
    GradientCheck check = new GradientCheck(network, kernel, env, new ActivityTerms(network, spec.losses()));
    List<double[]> analytic = check.analytic();
    if (segment == 0) {
      long clamped = kernel.activity().state(network.populationIndex("Brain")).clampedCount();
      assertTrue(clamped > 100, "brain cells should cross threshold and refract, clamped " + clamped);
    }
    if (segment == 0 && mode == RefractoryMode.FREEZE) {
      // the frozen periods must have dropped input the clamped ones would have integrated
      long dropped = kernel.activity().state(network.populationIndex("Brain")).clearedCount();
      assertTrue(dropped > 100, "frozen periods should clear synaptic currents, cleared " + dropped);
    }

    List<Parameter> params = network.parameters().all();
    double worst = 0;
    StringBuilder report = new StringBuilder();
    for (int k = 0; k < params.size(); k++) {
      Parameter p = params.get(k);
      boolean brainWeights = p == recurrent.rawMagnitudes();
      List<Integer> sampled = brainWeights ? edgesOfBothSigns(recurrent.edges(), 8)
          : sampleEvenly(p.size(), 6);
      // A parameter shared by every brain cell (τ, threshold, bias, the recurrent projection's gain) moves all
      // 300 cells: a step of 1e-5 flips some refractory trigger (a threshold crossing, which the gradient
      // treats as constant) and the difference jumps (measured: 4x off); 1e-6 flips none here and sits far
      // above float64 round-off for gradients of this size. One weight or cell moves too little to flip one.
      boolean everyBrainCell = p.name().startsWith("Brain.") || p.name().equals("gain:Brain -> Brain");
      double h = everyBrainCell ? 1e-6 : 1e-5;
      double diff = 0;
      double norm = 0;
      double[] normBySign = new double[2];
      for (int i : sampled) {
        double a = analytic.get(k)[i];
        double f = check.numeric(p, i, h);
        diff += (a - f) * (a - f);
        norm += f * f;
        if (brainWeights) {
          normBySign[recurrent.edges().sign(i) > 0 ? 0 : 1] += f * f;
        }
      }
      double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-9);
      report.append(String.format("%-22s |g| %.3e rel %.2e%n", p.name(), Math.sqrt(norm), rel));
      if (brainWeights) {
        // the check must not pass vacuously: the loss depends on weights of both signs
        assertTrue(normBySign[0] > 1e-12 && normBySign[1] > 1e-12, "gradients of excitatory and inhibitory brain"
            + " weights should be non-zero: " + java.util.Arrays.toString(normBySign));
      }
      if (Math.sqrt(norm) > 1e-9) {
        worst = Math.max(worst, rel);
      }
    }
    System.out.println("Shiu-style brain " + path + " segments " + segment + " " + mode + "\n" + report + "worst " + worst);
    assertTrue(worst < 1e-6, "worst relative error " + worst + "\n" + report);
  }

  /**
   * Sensors (4 ORNs), the brain, and 4 DNs (the readout: forward DN[0..1], turn DN[2..3], the tiny
   * circuit's task and its navigation and energy losses).
   */
  static CircuitSpec spec(GradientPath path, RefractoryMode mode) {
    CircuitSpec tiny = TinyCircuit.spec(STEPS, path);
    NeuronModel shiu = new NeuronModel(TinyCircuit.ms(20), TinyCircuit.ms(5), 1.0, 0.0, TinyCircuit.ms(2),
        ResetMode.ZERO, false, 0.0, mode);
    List<Population> pops = List.of(
        tiny.population("ORN").orElseThrow(),
        new Population("Brain", "neuron", BRAIN, shiu, List.of(LearnableParameter.BIAS),
            ParameterSharing.PER_POPULATION),
        tiny.population("DN").orElseThrow());
    List<Projection> prs = List.of(
        new Projection("ORN", "Brain", new Connectivity.RandomFanIn(2), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE,
            new WeightInit.Uniform(1, 2), true, null),
        new Projection("Brain", "Brain", new Connectivity.RandomFanIn(30), Sign.PER_NEURON, null,
            new WeightInit.SynapseScaled(0.06), true, TinyCircuit.ms(2)),
        new Projection("Brain", "DN", new Connectivity.RandomFanIn(READOUT / 4), Sign.EXCITATORY,
            Transmitter.ACETYLCHOLINE, new WeightInit.Uniform(0.5, 1), true, null));
    List<LossTerm> losses = tiny.losses().stream()
        .filter(l -> l instanceof LossTerm.Navigation || l instanceof LossTerm.Energy).toList();
    return new CircuitSpec("ShiuStyleBrain", null, List.of(), pops, prs, tiny.task(), losses, tiny.training(), null);
  }

  /**
   * The edges, as the whole-brain benchmark wires its brain: each ORN pair drives a few of the
   * first {@value #ENTRY} brain cells; the brain is random with heavy-tailed synapse counts (1 + a
   * geometric number, mean 4) × 0.06, each presynaptic neuron inhibitory with probability 0.2; DN d
   * reads its own {@code READOUT / 4} of the last {@value #READOUT} brain cells.
   */
  static List<EdgeArrays> wiring(CircuitSpec spec, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Projection> prs = spec.projections();
    int orns = spec.population("ORN").orElseThrow().count();
    int dns = spec.population("DN").orElseThrow().count();
    List<EdgeArrays> out = new ArrayList<>();

    List<int[]> entry = new ArrayList<>();
    for (int t = 0; t < BRAIN; t++) {
      entry.add(t < ENTRY ? r.ints(0, orns).distinct().limit(2).sorted().toArray() : new int[0]);
    }
    out.add(csr(prs.get(0), orns, entry, null, r, 1, 2));

    boolean[] inhibitory = new boolean[BRAIN];
    for (int n = 0; n < BRAIN; n++) {
      inhibitory[n] = r.nextDouble() < 0.2;
    }
    List<int[]> recurrent = new ArrayList<>();
    for (int t = 0; t < BRAIN; t++) {
      int target = t;
      recurrent.add(r.ints(0, BRAIN).filter(s -> s != target).distinct().limit(30).sorted().toArray());
    }
    out.add(csr(prs.get(1), BRAIN, recurrent, inhibitory, r, 0, 0));

    List<int[]> readout = new ArrayList<>();
    int per = READOUT / dns;
    for (int d = 0; d < dns; d++) {
      int first = BRAIN - READOUT + d * per;
      readout.add(java.util.stream.IntStream.range(first, first + per).toArray());
    }
    out.add(csr(prs.get(2), BRAIN, readout, null, r, 0.5, 1));
    return out;
  }

  /**
   * CSR edges from per-target source lists; magnitudes uniform in [lo, hi], or (lo = hi = 0) synapse
   * counts × 0.06 with signs per presynaptic neuron from {@code inhibitory}.
   */
  private static EdgeArrays csr(Projection p, int sources, List<int[]> from, boolean[] inhibitory, SplittableRandom r,
      double lo, double hi) {
    int targets = from.size();
    int[] rowPtr = new int[targets + 1];
    for (int t = 0; t < targets; t++) {
      rowPtr[t + 1] = rowPtr[t] + from.get(t).length;
    }
    int[] sourceIndex = new int[rowPtr[targets]];
    float[] magnitudes = new float[sourceIndex.length];
    byte[] signs = inhibitory == null ? null : new byte[sourceIndex.length];
    for (int t = 0; t < targets; t++) {
      int[] f = from.get(t);
      for (int k = 0; k < f.length; k++) {
        int e = rowPtr[t] + k;
        sourceIndex[e] = f[k];
        if (inhibitory == null) {
          magnitudes[e] = (float) (lo + (hi - lo) * r.nextDouble());
        } else {
          int count = 1 + (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(0.75));
          magnitudes[e] = (float) (count * 0.06);
          signs[e] = (byte) (inhibitory[f[k]] ? -1 : 1);
        }
      }
    }
    return new EdgeArrays(p, sources, targets, rowPtr, sourceIndex, magnitudes, p.sign().factor(), signs);
  }

  /** {@code each} edges of excitatory and {@code each} of inhibitory presynaptic neurons, spread over the list. */
  private static List<Integer> edgesOfBothSigns(EdgeArrays edges, int each) {
    List<Integer> excitatory = new ArrayList<>();
    List<Integer> inhibitory = new ArrayList<>();
    int stride = Math.max(1, edges.edgeCount() / (8 * each));
    for (int e = 0; e < edges.edgeCount(); e += stride) {
      List<Integer> into = edges.sign(e) > 0 ? excitatory : inhibitory;
      if (into.size() < each) {
        into.add(e);
      }
    }
    List<Integer> out = new ArrayList<>(excitatory);
    out.addAll(inhibitory);
    return out;
  }

  private static List<Integer> sampleEvenly(int size, int count) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size; i += Math.max(1, size / count)) {
      out.add(i);
    }
    return out;
  }
}
