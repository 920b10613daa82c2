package org.neuromechfly.dmn.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.ProjectionWiring;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.TrainingResult;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.TrainOptions;
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

  static TrainOptions.Builder options() {
    return TrainOptions.builder().heldOut(8);
  }

  @Test
  void resumedTrainingIsBitIdenticalToStraightTraining(@TempDir Path tmp) throws Exception {
    CircuitSpec spec = spec(1e-2);
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 5, 0.3, 1.5);
    TrainingResult straight = TrainingRun.train(spec, wiring, RunFolder.empty(tmp.resolve("a")), options().build(),
        TrainingListener.NONE);
    TrainingRun.train(spec, wiring, RunFolder.empty(tmp.resolve("b")), options().episodes(2).build(),
        TrainingListener.NONE);
    // an interrupted checkpoint write leaves a temporary file behind; resuming removes it
    Files.writeString(tmp.resolve("b").resolve("checkpoint.json123.tmp"), "{\"nextEp");
    TrainingResult resumed = TrainingRun.train(spec, wiring, RunFolder.resumable(tmp.resolve("b")),
        options().episodes(4).resumeFrom(tmp.resolve("b")).build(), TrainingListener.NONE);
    assertEquals(4, straight.episodes());
    assertEquals(4, resumed.episodes());
    assertEquals(straight.successBefore(), resumed.successBefore(), 0.0,
        "'before' describes the untrained network, also after a resume");
    try (var files = Files.list(tmp.resolve("b"))) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
    }
    TrainingState a = CheckpointStore.read(RunFolder.resumable(tmp.resolve("a")));
    TrainingState b = CheckpointStore.read(RunFolder.resumable(tmp.resolve("b")));
    assertEquals(a.parameters.keySet(), b.parameters.keySet());
    a.parameters.forEach((k, v) -> assertArrayEquals(v, b.parameters.get(k), 0.0, k));
    a.firstMoments.forEach((k, v) -> assertArrayEquals(v, b.firstMoments.get(k), 0.0, k));
    assertEquals(a.history.size(), b.history.size());
    assertEquals(a.history.get(3).loss(), b.history.get(3).loss(), 0.0);
  }

  @Test
  void writesTheRunFolder(@TempDir Path tmp) {
    CircuitSpec spec = spec(1e-2);
    TrainingResult r = TrainingRun.train(spec, TinyCircuit.wiring(spec, 5, 0.3, 1.5), RunFolder.empty(tmp),
        options().build(), TrainingListener.NONE);
    for (String f : List.of("circuit.json", "run.json", "checkpoint.json", "best.json", "history.csv", "history.json", "loss.png",
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
    TrainingResult r = TrainingRun.train(new CircuitWiring(spec, projections, List.of()), RunFolder.empty(tmp),
        options().episodes(2).build(), TrainingListener.NONE);
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
    TrainingRun.train(spec, TinyCircuit.wiring(spec, 5, 0.3, 1.5), RunFolder.empty(tmp), options().episodes(6).build(),
        listener);
    assertTrue(messages.stream().anyMatch(m -> m.contains("rolled back")), messages.toString());
  }

  @ParameterizedTest(name = "damaged checkpoint {index}")
  @ValueSource(strings = {"", "{\"nextEpisode\": 3, \"param", "garbage", "{\"nextEpisode\": -5, \"parameters\": {\"a\": [1]},"
      + " \"firstMoments\": {}, \"secondMoments\": {}, \"history\": []}", "null"})
  void aDamagedCheckpointIsRefusedWithTheFileNamed(String content, @TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("checkpoint.json"), content);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CheckpointStore.read(RunFolder.resumable(tmp)));
    assertTrue(e.getMessage().startsWith(tmp.resolve("checkpoint.json") + " cannot be resumed: "), e.getMessage());
  }

  @Test
  void aNewRunRefusesAFolderThatHoldsFiles(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.empty(tmp));
    assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    assertEquals(tmp.resolve("Tiny"), RunFolder.fresh(tmp, "Tiny").path());
    Files.createDirectories(tmp.resolve("Tiny"));
    assertEquals(tmp.resolve("Tiny-2"), RunFolder.fresh(tmp, "Tiny").path());
  }
}
