package org.neuromechfly.dmn.engine.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.lab.GoldenCircuit;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.EpisodeKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * The chunked SameDiff path and the fused kernel give the same gradient, parameter by parameter, for
 * whole closed-loop episodes several chunks long (float64, real spikes forward, surrogate backward,
 * navigation, energy, sparsity and rate-band losses).
 */
class ChunkedSameDiffKernelTest {
  private static final int B = 2;
  private static Pair tiny;
  private static Pair refractory;
  private static Pair truncated;

  /**
   * The tiny circuit (synaptic currents, both resets, graded APL, shared parameters, recurrent
   * inhibition) with a KC → MBON delay of 5 steps, longer than the 4-step chunks (motor delay 3 steps
   * + 1), so that chunk boundaries cut through delay lines; 18 steps = 4 full chunks and one padded.
   * Built once: the graphs do not depend on the gradient path, only the world does.
   */
  private static synchronized Pair tiny() {
    if (tiny == null) {
      CircuitSpec spec = withLongDelay(TinyCircuit.spec(18, GradientPath.MOTOR_ONLY));
      List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 2.0, 6.0);
      tiny = new Pair(spec, new Episode(spec, wiring, Engine.FUSED, 0), new Episode(spec, wiring, Engine.SAMEDIFF, 4));
    }
    return tiny;
  }

  /** The tiny circuit with refractory periods on PN (3 ms), KC and DN (2 ms). */
  private static synchronized Pair refractory() {
    if (refractory == null) {
      CircuitSpec spec = TinyCircuit.withRefractory(withLongDelay(TinyCircuit.spec(18, GradientPath.MOTOR_ONLY)),
          Map.of("PN", 3.0, "KC", 2.0, "DN", 2.0));
      List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 2.0, 6.0);
      refractory = new Pair(spec, new Episode(spec, wiring, Engine.FUSED, 0),
          new Episode(spec, wiring, Engine.SAMEDIFF, 4));
    }
    return refractory;
  }

  /** The tiny circuit trained with truncated BPTT over windows of 8 steps (two chunks each). */
  private static synchronized Pair truncated() {
    if (truncated == null) {
      CircuitSpec spec = TinyCircuit.withWindow(withLongDelay(TinyCircuit.spec(18, GradientPath.MOTOR_ONLY)), 8);
      List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 2.0, 6.0);
      truncated = new Pair(spec, new Episode(spec, wiring, Engine.FUSED, 0), new Episode(spec, wiring, Engine.SAMEDIFF,
          ChunkedSameDiffKernel.chunkLength(18, 4, 8)));
    }
    return truncated;
  }

  /**
   * Truncated BPTT, written independently in both engines (the fused kernel cuts its carries and the
   * world's at window starts; the SameDiff path zeroes the carried state's adjoint between chunks),
   * gives the same gradients for every gradient path — and not those of exact BPTT.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(GradientPath.class)
  void truncatedBpttMatchesBetweenEngines(GradientPath path) {
    Pair p = truncated();
    assertEquals(4, ChunkedSameDiffKernel.chunkLength(18, 4, 8), "chunks divide the window");
    assertAgree(p, path, 20, "w:ORN -> PN", "w:PN -> KC", "w:KC -> MBON", "w:MBON -> DN", "DN.bias");
    Pair exact = tiny();
    OdourWorld world = exact.world(path, WorldSettings.defaults().toBuilder().ornGain(30).build());
    exact.fused.gradient(world);
    GradientAgreement differs = GradientAgreement.of(exact.fused.network.parameters(), p.fused.network.parameters());
    assertTrue(differs.worst() > 1e-3, "truncation changes the gradient\n" + differs.report());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(GradientPath.class)
  void tinyCircuitGradientsMatchTheFusedKernel(GradientPath path) {
    assertAgree(tiny(), path, 25, "w:ORN -> PN", "w:KC -> APL", "w:KC -> MBON", "w:MBON -> DN", "w:DN -> DN", "DN.bias");
  }

  /**
   * Refractoriness, a mask over the ordinary step in both engines (the clamp a constant for the
   * gradient), gives the same losses and gradients; the counter crosses chunk boundaries as state.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = GradientPath.class, names = {"FULL", "MOTOR_ONLY"})
  void refractoryCircuitGradientsMatchTheFusedKernel(GradientPath path) {
    Pair p = refractory();
    assertAgree(p, path, 20, "w:ORN -> PN", "w:PN -> KC", "w:APL -> KC", "PN.tau_syn", "KC.threshold", "DN.bias");
    long clamped = 0;
    for (int q = 0; q < p.fused.network.populations().size(); q++) {
      clamped += p.fused.kernel.activity().state(q).clampedCount();
    }
    assertTrue(clamped > 20, "refractoriness should clamp cells, clamped " + clamped);
  }

  private static void assertAgree(Pair p, GradientPath path, int nonzero, String... deep) {
    OdourWorld world = p.world(path, WorldSettings.defaults().toBuilder().ornGain(30).build());
    double lossFused = p.fused.gradient(world);
    double lossChunked = p.chunked.gradient(world);
    GradientAgreement agreement = GradientAgreement.of(p.fused.network.parameters(), p.chunked.network.parameters());
    System.out.println("chunked SameDiff vs fused, " + path + ": loss " + lossFused + " vs " + lossChunked + "\n"
        + agreement.report() + "worst " + agreement.worst() + ", output spikes " + p.fused.spikes());
    assertEquals(lossFused, lossChunked, 1e-12 * Math.abs(lossFused));
    assertTrue(p.fused.spikes() > 50, "the circuit should be active");
    assertTrue(agreement.nonzero() >= nonzero, "most parameters should get a gradient\n" + agreement.report());
    for (String name : deep) {
      assertTrue(agreement.relative().containsKey(name), name + " should get a gradient\n" + agreement.report());
    }
    assertTrue(agreement.worst() < 1e-6, "worst relative error " + agreement.worst() + "\n" + agreement.report());
  }

  /** The comparison can fail: a bias changed by 1e-4 in one of the two networks is caught. */
  @Test
  void aPerturbedParameterIsDetected() {
    Pair p = tiny();
    OdourWorld world = p.world(GradientPath.MOTOR_ONLY, WorldSettings.defaults().toBuilder().ornGain(30).build());
    double[] bias = p.chunked.network.parameters().get("DN.bias").orElseThrow().value();
    double original = bias[0];
    try {
      bias[0] += 1e-4;
      p.chunked.network.prepare();
      p.fused.gradient(world);
      p.chunked.gradient(world);
    } finally {
      bias[0] = original;
      p.chunked.network.prepare();
    }
    GradientAgreement agreement = GradientAgreement.of(p.fused.network.parameters(), p.chunked.network.parameters());
    assertTrue(agreement.worst() > 1e-6, "a perturbed model should not agree\n" + agreement.report());
  }

  /**
   * The example circuit from its golden IR (ORN 50 → PN 150 → KC 2000 ↔ APL → MBON 50 → DN 10, 20 ms
   * motor delay, all four losses), 30 steps in three chunks of 10, float64. (The training default is
   * chunks of up to 21 steps; shorter ones keep this test's graph, and its build, small.)
   */
  @Test
  void olfactoryExampleGradientMatchesTheFusedKernel() {
    CircuitSpec spec = withSteps(GoldenCircuit.spec(), 30);
    List<EdgeArrays> wiring = GoldenCircuit.wiring(spec);
    Episode fused = new Episode(spec, wiring, Engine.FUSED, 0);
    Episode chunked = new Episode(spec, wiring, Engine.SAMEDIFF, 10);
    for (Episode e : List.of(fused, chunked)) {
      louder(e.network); // the declared weights leave the deep chain silent over 30 steps
    }
    OdourWorld world = new OdourWorld(spec, (NavigationTask) spec.task(), WorldSettings.defaults(), B, PathLosses.of(spec, (NavigationTask) spec.task(), WorldSettings.defaults()));
    world.setStarts(StartPositions.draw((NavigationTask) spec.task(), B, 3), 11);
    assertEquals(21, world.sensingLead(), "motor delay 20 steps + 1");
    assertEquals(20, ChunkedSameDiffKernel.chunkLength(1000, world.sensingLead(), 0), "the example's chunks in training");
    long start = System.nanoTime();
    double lossChunked = chunked.gradient(world);
    double seconds = (System.nanoTime() - start) / 1e9;
    double lossFused = fused.gradient(world);
    GradientAgreement agreement = GradientAgreement.of(fused.network.parameters(), chunked.network.parameters());
    System.out.printf("olfactory example, T=30 B=2 float64: SameDiff %.1f s; loss %.15f vs %.15f%n%s worst %.2e%n",
        seconds, lossFused, lossChunked, agreement.report(), agreement.worst());
    assertEquals(lossFused, lossChunked, 1e-12 * Math.abs(lossFused));
    for (String deep : new String[] {"w:PN -> KC", "w:KC -> APL", "w:KC -> MBON", "w:MBON -> DN", "DN.bias", "KC.tau_mem"}) {
      assertTrue(agreement.relative().containsKey(deep), deep + " should get a gradient\n" + agreement.report());
    }
    assertTrue(agreement.worst() < 1e-6, "worst relative error " + agreement.worst() + "\n" + agreement.report());
  }

  /**
   * Every excitatory projection ×10 and ORN and DN biases up (MBON → DN inhibits): every population
   * is active within 60 ms, as the rate calibration would make it over a longer episode.
   */
  private static void louder(Network net) {
    net.synapses().forEach(s -> {
      if (s.edges().sign() > 0) {
        s.scaleFrom(s.gain().value()[0], 10);
      }
    });
    java.util.Arrays.fill(net.parameters().get("ORN.bias").orElseThrow().value(), 3);
    java.util.Arrays.fill(net.parameters().get("DN.bias").orElseThrow().value(), 3);
    net.prepare();
  }

  enum Engine {
    FUSED,
    SAMEDIFF
  }

  /** One network, kernel and activity losses; {@link #gradient} runs an episode forward and backward. */
  private static final class Episode {
    final Network network;
    final EpisodeKernel kernel;
    final ActivityTerms activity;

    /** @param chunk steps per SameDiff chunk (ignored by the fused kernel) */
    Episode(CircuitSpec spec, List<EdgeArrays> wiring, Engine engine, int chunk) {
      NavigationTask task = (NavigationTask) spec.task();
      NetworkOptions options = new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5.0),
          false, 1e-3, Magnitude.ABS, SynapseLayout.auto());
      network = new Network(spec, wiring, task.dt().si(), options);
      kernel = engine == Engine.FUSED
          ? new BpttKernel(network, task.steps(), B)
          : new ChunkedSameDiffKernel(network, task.steps(), B, chunk);
      activity = new ActivityTerms(network, spec.losses());
    }

    double gradient(OdourWorld world) {
      network.parameters().zeroGradients();
      Map<String, Double> losses = kernel.forward(world, activity);
      kernel.backward(world, activity);
      return losses.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double spikes() {
      double n = 0;
      var act = kernel.activity();
      for (int p = 0; p < act.populationCount(); p++) {
        var trace = act.state(p).outputTrace();
        for (int i = 0; i < trace.length(); i++) {
          n += trace.get(i) > 0 ? 1 : 0;
        }
      }
      return n;
    }
  }

  /** The fused and the SameDiff kernel of one circuit. */
  private record Pair(CircuitSpec spec, Episode fused, Episode chunked) {
    /** A world with the given gradient path, fixed starts. */
    OdourWorld world(GradientPath path, WorldSettings ws) {
      NavigationTask t = (NavigationTask) spec.task();
      NavigationTask task = t.toBuilder().gradientPath(path).build();
      OdourWorld world = new OdourWorld(spec, task, ws, B, PathLosses.of(spec, task, ws));
      world.setStarts(StartPositions.draw(task, B, 3), 11);
      return world;
    }
  }

  private static CircuitSpec withLongDelay(CircuitSpec s) {
    return TinyCircuit.withDelay(s, "KC -> MBON", 5);
  }

  static CircuitSpec withSteps(CircuitSpec s, int steps) {
    NavigationTask f = (NavigationTask) s.task();
    NavigationTask task = f.toBuilder().steps(steps).build();
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), s.populations(), s.projections(), task,
        s.losses(), s.training(), s.exports());
  }
}
