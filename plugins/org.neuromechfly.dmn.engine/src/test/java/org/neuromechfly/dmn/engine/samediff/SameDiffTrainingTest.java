package org.neuromechfly.dmn.engine.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.TrainingResult;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.engine.train.TrainingState;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/** {@code dmn train --engine samediff}: trains through the trainer, checkpoints, resumes, refuses what it cannot run. */
class SameDiffTrainingTest {

  /** The tiny circuit, 12 steps with a 1 ms motor delay (chunks of 2 steps: small graphs), batch 2, 2 episodes. */
  static CircuitSpec spec() {
    CircuitSpec s = TinyCircuit.spec(12, GradientPath.MOTOR_ONLY);
    NavigationTask f = (NavigationTask) s.task();
    NavigationTask task = f.toBuilder().motorDelay(TinyCircuit.ms(1)).build();
    TrainingSpec t = new TrainingSpec(Optimizer.ADAM, 1e-2, Schedule.constant(), 2, 2, 5.0, 42, 1, 0,
        ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5.0);
    return new CircuitSpec(s.name(), null, s.connectomes(), s.populations(), s.projections(), task, s.losses(), t, null);
  }

  /** Without the initial rate calibration (it runs the fused kernel and is tested elsewhere). */
  static TrainOptions.Builder options() {
    return TrainOptions.builder().heldOut(2).engine(ExecutionEngine.SAMEDIFF).rateTargets(Map.of());
  }

  @Test
  void trainsCheckpointsAndResumesBitIdentically(@TempDir Path tmp) throws Exception {
    CircuitSpec spec = spec();
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 5, 2.0, 6.0);
    List<String> messages = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void message(String text) {
        messages.add(text);
      }
    };
    TrainingResult straight = TrainingRun.train(spec, wiring, RunFolder.empty(tmp.resolve("a")), options().build(),
        listener);
    TrainingRun.train(spec, wiring, RunFolder.empty(tmp.resolve("b")), options().episodes(1).build(),
        TrainingListener.NONE);
    TrainingResult resumed = TrainingRun.train(spec, wiring, RunFolder.resumable(tmp.resolve("b")),
        options().episodes(2).resumeFrom(tmp.resolve("b")).build(), TrainingListener.NONE);

    assertTrue(messages.stream().anyMatch(m -> m.startsWith("SameDiff engine: one graph of 2 steps")), messages.toString());
    assertTrue(Files.readString(tmp.resolve("a").resolve("run.json")).contains("\"engine\" : \"samediff\""),
        "run.json records the engine");
    assertEquals(2, straight.episodes());
    assertEquals(2, resumed.episodes());
    assertTrue(Double.isFinite(straight.finalLoss()));
    TrainingState a = CheckpointStore.read(RunFolder.resumable(tmp.resolve("a")));
    TrainingState b = CheckpointStore.read(RunFolder.resumable(tmp.resolve("b")));
    assertTrue(a.history.get(1).gradientNorm() > 0, "the SameDiff gradient reaches the parameters");
    a.parameters.forEach((k, v) -> assertArrayEquals(v, b.parameters.get(k), 0.0, k));
    a.firstMoments.forEach((k, v) -> assertArrayEquals(v, b.firstMoments.get(k), 0.0, k));
    assertEquals(a.history.get(1).loss(), b.history.get(1).loss(), 0.0);
  }
}
