package org.neuromechfly.dmn.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.connectome.wiring.ProjectionWiring;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.TrainOptions;
import org.neuromechfly.dmn.engine.TrainingListener;
import org.neuromechfly.dmn.engine.TrainingResult;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingSpec;

class TrainingRunTest {

  static CircuitSpec spec(double lr) {
    CircuitSpec s = TinyCircuit.spec(60, GradientPath.MOTOR_ONLY);
    TrainingSpec t = new TrainingSpec(Optimizer.ADAM, lr, Schedule.constant(), 4, 4, 5.0, 42, 2, 0,
        ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5.0);
    return new CircuitSpec(s.name(), null, s.connectomes(), s.populations(), s.projections(), s.task(), s.losses(), t, null);
  }

  static TrainOptions options(Path dir) {
    return TrainOptions.of(dir).withHeldOut(8).withProgressBar(false);
  }

  @Test
  void resumedTrainingIsBitIdenticalToStraightTraining(@TempDir Path tmp) {
    CircuitSpec spec = spec(1e-2);
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 5, 0.3, 1.5);
    TrainingResult straight = TrainingRun.train(spec, wiring, options(tmp.resolve("a")), TrainingListener.NONE);
    TrainingRun.train(spec, wiring, options(tmp.resolve("b")).withEpisodes(2), TrainingListener.NONE);
    TrainingResult resumed = TrainingRun.train(spec, wiring,
        options(tmp.resolve("b")).withEpisodes(4).withResume(tmp.resolve("b")), TrainingListener.NONE);
    assertEquals(4, straight.episodes());
    assertEquals(4, resumed.episodes());
    TrainingState a = CheckpointStore.read(tmp.resolve("a"));
    TrainingState b = CheckpointStore.read(tmp.resolve("b"));
    assertEquals(a.parameters.keySet(), b.parameters.keySet());
    a.parameters.forEach((k, v) -> assertArrayEquals(v, b.parameters.get(k), 0.0, k));
    a.firstMoments.forEach((k, v) -> assertArrayEquals(v, b.firstMoments.get(k), 0.0, k));
    assertEquals(a.history.size(), b.history.size());
    assertEquals(a.history.get(3).loss(), b.history.get(3).loss(), 0.0);
  }

  @Test
  void writesTheRunFolder(@TempDir Path tmp) {
    CircuitSpec spec = spec(1e-2);
    TrainingResult r = TrainingRun.train(spec, TinyCircuit.wiring(spec, 5, 0.3, 1.5), options(tmp), TrainingListener.NONE);
    for (String f : List.of("circuit.json", "checkpoint.json", "best.json", "history.csv", "history.json", "loss.png",
        "trajectories-before.png", "trajectories-after.png", "raster-KC.png", "summary.txt", "summary.json")) {
      assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
    }
    assertTrue(Double.isFinite(r.finalLoss()));
    assertTrue(r.successAfter() >= 0 && r.successAfter() <= 1);
  }

  @Test
  void trainsACircuitWiringFromTheConnectomeModule(@TempDir Path tmp) {
    CircuitSpec spec = spec(1e-2);
    List<ProjectionWiring> projections = TinyCircuit.wiring(spec, 5, 0.3, 1.5).stream()
        .map(e -> new ProjectionWiring(e.projection(),
            new EdgeList(e.sourceCount(), e.targetCount(), e.rowPtr(), e.sourceIndex(), ones(e.edgeCount())),
            e.magnitudes(), e.sign()))
        .toList();
    TrainingResult r = TrainingRun.train(new CircuitWiring(spec, projections, List.of()),
        options(tmp).withEpisodes(2), TrainingListener.NONE);
    assertEquals(2, r.episodes());
  }

  private static float[] ones(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, 1f);
    return a;
  }

  @Test
  void nonFiniteLossRollsBackAndSaysSo(@TempDir Path tmp) {
    CircuitSpec spec = spec(1e300);
    List<String> messages = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void message(String text) {
        messages.add(text);
      }
    };
    TrainingRun.train(spec, TinyCircuit.wiring(spec, 5, 0.3, 1.5), options(tmp).withEpisodes(6), listener);
    assertTrue(messages.stream().anyMatch(m -> m.contains("rolled back")), messages.toString());
  }
}
