package org.neuromechfly.dmn.engine.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.ActivityObserver;
import org.neuromechfly.dmn.engine.network.ActivityRecorder;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.engine.train.EpisodeReport;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.engine.train.TrainingState;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingFootprint;
import org.neuromechfly.dmn.model.TrainingSpec;

/**
 * Segment recomputation keeps checkpoints instead of the whole record and re-runs each segment in the
 * backward pass with the same operations in the same order: losses, every gradient and the parameters
 * training reaches must be the very bits the whole record gives (compared with zero tolerance), with
 * real spikes, in both precisions, for segment lengths that do not divide the episode, with synaptic
 * currents, both resets and a graded APL (the tiny circuit), refractory periods, delays longer than a
 * segment, truncated BPTT windows that segments do not align with, and the wind-and-puff world with two
 * sensory populations.
 */
class SegmentRecomputationTest {
  /** A prime: no segment length below divides it, so the last segment is always short. */
  private static final int STEPS = 41;
  private static final int BATCH = 3;

  enum Variant {
    PLAIN, REFRACTORY, LONG_DELAY, WINDOW, WIND
  }

  static CircuitSpec spec(Variant variant, GradientPath path) {
    CircuitSpec s = TinyCircuit.spec(STEPS, path);
    return switch (variant) {
      case PLAIN -> s;
      case REFRACTORY -> TinyCircuit.withRefractory(s, Map.of("PN", 3.0, "KC", 2.0, "DN", 2.0));
      case LONG_DELAY -> TinyCircuit.withDelay(s, "KC -> MBON", 6);
      case WINDOW -> TinyCircuit.withWindow(
          TinyCircuit.withRefractory(TinyCircuit.withDelay(s, "KC -> MBON", 4), Map.of("KC", 2.0)), 7);
      case WIND -> TinyCircuit.withWindAndPuffs(s, 150);
    };
  }

  @ParameterizedTest(name = "{0}, {1}, segments of {2}, {3}")
  @CsvSource({
    "PLAIN, FLOAT32, 1, FULL",
    "PLAIN, FLOAT64, 8, FULL",
    "REFRACTORY, FLOAT32, 5, MOTOR_ONLY",
    "REFRACTORY, FLOAT64, 3, FULL",
    "LONG_DELAY, FLOAT32, 2, FULL",
    "LONG_DELAY, FLOAT64, 13, MOTOR_ONLY",
    "WINDOW, FLOAT32, 5, FULL",
    "WINDOW, FLOAT64, 10, TRUNCATED",
    "WIND, FLOAT32, 4, FULL",
    "WIND, FLOAT64, 40, MOTOR_ONLY",
  })
  void lossesAndGradientsAreTheBitsOfTheWholeRecord(Variant variant, Precision precision, int segment,
      GradientPath path) {
    CircuitSpec spec = spec(variant, path);
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 0.5, 2.5);
    Episode whole = new Episode(spec, wiring, precision, Recomputation.none());
    Episode segmented = new Episode(spec, wiring, precision, Recomputation.segments(segment));
    assertEquals(0, whole.kernel.segmentSteps());
    assertEquals(segment, segmented.kernel.segmentSteps());
    // two episodes on each kernel: what one leaves behind must not leak into the next
    for (long seed : new long[] {3, 4}) {
      Map<String, Double> expected = whole.run(seed);
      Map<String, Double> actual = segmented.run(seed);
      assertEquals(expected, actual, "losses");
      List<Parameter> a = whole.network.parameters().all();
      List<Parameter> b = segmented.network.parameters().all();
      for (int k = 0; k < a.size(); k++) {
        assertArrayEquals(a.get(k).gradient(), b.get(k).gradient(), 0.0, a.get(k).name());
      }
    }
    NetworkActivity act = whole.kernel.activity();
    long spikes = 0;
    long clamped = 0;
    for (int p = 0; p < act.populationCount(); p++) {
      for (int i = 0; i < act.state(p).outputTrace().length(); i++) {
        spikes += act.state(p).outputTrace().get(i) > 0 ? 1 : 0;
      }
      clamped += act.state(p).clampedCount();
    }
    assertTrue(spikes > 100, "the circuit should be active, " + spikes + " outputs > 0");
    if (variant == Variant.REFRACTORY) {
      assertTrue(clamped > 20, "refractoriness should clamp cells, clamped " + clamped);
    }
    assertTrue(nonZeroGradients(segmented.network) > 10, "gradients should reach the parameters");
  }

  @Test
  void theRecordedFirstFlyIsTheWholeRecordsFirstFly() {
    CircuitSpec spec = spec(Variant.REFRACTORY, GradientPath.FULL);
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 0.5, 2.5);
    Episode whole = new Episode(spec, wiring, Precision.FLOAT32, Recomputation.none());
    Episode segmented = new Episode(spec, wiring, Precision.FLOAT32, Recomputation.segments(6));
    ActivityRecorder recorder = new ActivityRecorder(segmented.network, 1);
    whole.run(5);
    segmented.run(5, recorder);
    NetworkActivity all = whole.kernel.activity();
    NetworkActivity first = recorder.activity();
    for (int p = 0; p < all.populationCount(); p++) {
      assertEquals(1, first.state(p).batch());
      for (int t = 0; t < STEPS; t++) {
        for (int n = 0; n < all.state(p).cells(); n++) {
          assertEquals(all.state(p).output(t, 0, n), first.state(p).output(t, 0, n), 0.0);
        }
      }
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, segmented.kernel::activity);
    assertTrue(e.getMessage().contains("ActivityRecorder"), e.getMessage());
  }

  /**
   * What the kernel allocates for the backward pass is what {@link TrainingFootprint} — the estimate
   * the validator and {@code dmn train} refuse models by — says it allocates, to the byte.
   */
  @ParameterizedTest(name = "{0}, segments of {1}")
  @CsvSource({"FLOAT32, 0", "FLOAT32, 6", "FLOAT64, 9", "FLOAT32, -1"})
  void theKernelHoldsWhatTheFootprintEstimates(Precision precision, int segment) {
    CircuitSpec spec = TinyCircuit.withWindAndPuffs(
        TinyCircuit.withRefractory(TinyCircuit.withDelay(spec(Variant.PLAIN, GradientPath.FULL), "KC -> MBON", 4),
            Map.of("PN", 3.0)), 150);
    Episode e = new Episode(spec, TinyCircuit.wiring(spec, 7, 0.5, 2.5), precision, new Recomputation(segment));
    e.run(3);
    List<TrainingFootprint.PopulationSize> sizes = new ArrayList<>();
    for (LifPopulation p : e.network.populations()) {
      boolean sensory = p.name().equals("ORN") || p.name().equals("WIND");
      sizes.add(new TrainingFootprint.PopulationSize(p.name(), p.cells(), p.synapticCurrent(), p.refractorySteps() > 0,
          sensory));
    }
    TrainingFootprint estimate = TrainingFootprint.estimate(STEPS, BATCH, e.network.maxDelay(), 1, sizes, List.of(),
        precision == Precision.FLOAT64 ? 8 : 4, segment);
    assertEquals(Math.max(segment, 0), estimate.segmentSteps());
    assertEquals(estimate.segmentSteps(), e.kernel.segmentSteps());
    assertEquals(estimate.historyBytes(), e.kernel.historyBytes());
  }

  /**
   * Left to choose, a kernel keeps the whole record of short episodes and recomputes segments of about
   * √(2T) steps when the whole record would exceed the footprint's budget — here 200,000 steps of 64 flies
   * of the tiny circuit, 2.5 GB whole — holding a few megabytes instead.
   */
  @Test
  void longEpisodesAreRecomputedBoundedShortOnesKeptWhole() {
    CircuitSpec spec = spec(Variant.PLAIN, GradientPath.FULL);
    Network network = new Network(spec, TinyCircuit.wiring(spec, 7, 0.5, 2.5), 1e-3, options(Precision.FLOAT32,
        Recomputation.chosen()));
    BpttKernel shortEpisodes = new BpttKernel(network, 1000, 64);
    assertEquals(0, shortEpisodes.segmentSteps());
    BpttKernel longEpisodes = new BpttKernel(network, 200_000, 64);
    int s = longEpisodes.segmentSteps();
    assertTrue(s > 300 && s < 3000, "segments of " + s + " steps");
    assertTrue(longEpisodes.historyBytes() < 40e6, longEpisodes.historyBytes() + " bytes held");
    // asked beforehand (the quantisation report sizes its runs by it), the choice is the same
    assertTrue(BpttKernel.keepsWholeRecord(network, 1000, 64));
    assertFalse(BpttKernel.keepsWholeRecord(network, 200_000, 64));
  }

  /**
   * Training end to end through {@link TrainingRun} — calibrated-free tiny circuit with refractory
   * cells and a delay longer than a segment — reaches the same parameters, optimiser state, losses and
   * measures, and writes the same pictures and behaviour figures, with and without recomputation.
   */
  @ParameterizedTest(name = "{0}, segments of {1}")
  @CsvSource({"FLOAT32, 7", "FLOAT64, 4"})
  void trainingReachesTheSameParametersAndRunFolder(Precision precision, int segment, @TempDir Path tmp)
      throws IOException {
    CircuitSpec tiny = TinyCircuit.withRefractory(
        TinyCircuit.withDelay(TinyCircuit.spec(60, GradientPath.MOTOR_ONLY), "KC -> MBON", 9), Map.of("KC", 2.0));
    TrainingSpec t = new TrainingSpec(Optimizer.ADAM, 2e-2, Schedule.constant(), 4, 4, 5.0, 42, 2, 0,
        ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5.0);
    CircuitSpec spec = new CircuitSpec(tiny.name(), null, tiny.connectomes(), tiny.populations(), tiny.projections(),
        tiny.task(), tiny.losses(), t, null);
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 5, 0.5, 2.5);
    Path a = tmp.resolve("whole");
    Path b = tmp.resolve("segments");
    train(spec, wiring, a, precision, Recomputation.none());
    train(spec, wiring, b, precision, Recomputation.segments(segment));
    TrainingState x = CheckpointStore.read(RunFolder.resumable(a));
    TrainingState y = CheckpointStore.read(RunFolder.resumable(b));
    assertEquals(x.parameters.keySet(), y.parameters.keySet());
    x.parameters.forEach((k, v) -> assertArrayEquals(v, y.parameters.get(k), 0.0, k));
    x.firstMoments.forEach((k, v) -> assertArrayEquals(v, y.firstMoments.get(k), 0.0, k));
    x.secondMoments.forEach((k, v) -> assertArrayEquals(v, y.secondMoments.get(k), 0.0, k));
    assertEquals(4, x.history.size());
    for (int e = 0; e < x.history.size(); e++) {
      EpisodeReport r = x.history.get(e);
      EpisodeReport q = y.history.get(e);
      assertEquals(r.loss(), q.loss(), 0.0);
      assertEquals(r.components(), q.components());
      assertEquals(r.measures(), q.measures());
      assertEquals(r.gradientNorm(), q.gradientNorm(), 0.0);
    }
    assertTrue(x.parameters.entrySet().stream().anyMatch(en -> !java.util.Arrays.equals(en.getValue(),
        initial(spec, wiring, precision).get(en.getKey()))), "training should have changed parameters");
    for (String file : List.of("best.json", "behaviour.json", "raster-KC.png", "raster-DN.png", "trajectories-after.png")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
  }

  private static Map<String, double[]> initial(CircuitSpec spec, List<EdgeArrays> wiring, Precision precision) {
    return new Network(spec, wiring, 1e-3, options(precision, Recomputation.none())).parameters().snapshot();
  }

  private static void train(CircuitSpec spec, List<EdgeArrays> wiring, Path dir, Precision precision,
      Recomputation recomputation) {
    NetworkOptions options = NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5.0)).toBuilder()
        .precision(precision).recomputation(recomputation).build();
    TrainingRun.train(spec, wiring, RunFolder.empty(dir), TrainOptions.builder().heldOut(8).threads(2).network(options)
        .build(), TrainingListener.NONE);
  }

  static NetworkOptions options(Precision precision, Recomputation recomputation) {
    return new NetworkOptions(precision, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5.0), false, 1e-3,
        Magnitude.ABS, new SynapseLayout(SynapseLayout.Kind.AUTO, 0.5, 0), recomputation);
  }

  private static int nonZeroGradients(Network network) {
    int n = 0;
    for (Parameter p : network.parameters().all()) {
      for (double g : p.gradient()) {
        n += g != 0 ? 1 : 0;
      }
    }
    return n;
  }

  /** One network, kernel, world and activity losses, built the same way for both kernels. */
  private static final class Episode {
    final Network network;
    final BpttKernel kernel;
    final OdourWorld world;
    final ActivityTerms terms;

    Episode(CircuitSpec spec, List<EdgeArrays> wiring, Precision precision, Recomputation recomputation) {
      NavigationTask task = (NavigationTask) spec.task();
      network = new Network(spec, wiring, task.dt().si(), options(precision, recomputation));
      kernel = new BpttKernel(network, task.steps(), BATCH);
      WorldSettings ws = WorldSettings.defaults().toBuilder().ornGain(30).build();
      world = new OdourWorld(spec, task, ws, BATCH, PathLosses.of(spec, task, ws));
      terms = new ActivityTerms(network, spec.losses());
    }

    Map<String, Double> run(long seed) {
      return run(seed, null);
    }

    /** An episode forward and backward from seeded starts, {@code also} watching it if not null. */
    Map<String, Double> run(long seed, ActivityObserver also) {
      world.setStarts(StartPositions.draw(world.task(), BATCH, seed), seed + 11);
      network.parameters().zeroGradients();
      ActivityObjective objective = also == null ? terms : terms.observedBy(also);
      Map<String, Double> losses = kernel.forward(world, objective);
      kernel.backward(world, objective);
      return losses;
    }
  }
}
