package org.neuromechfly.dmn.generated;

import java.nio.file.Path;
import java.util.List;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.TrainingResult;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.ExportSpec;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.ScheduleKind;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * Trains circuit MushroomBody, generated from mushroom_body.circuit by NeuroMechFly DMN 0.1.0.
 * Do not edit: change the model and regenerate.
 */
public final class MushroomBodyTraining {
  private MushroomBodyTraining() {}

  /** The circuit as compiled from the model. */
  public static CircuitSpec circuit() {
    return new CircuitSpec(
        "MushroomBody",
        null,
        List.of(
            new ConnectomeSource("hemibrain", ConnectomeFormat.NEUPRINT, "hemibrain_v1.2.1_mushroom_body", "v1.2.1", null)),
        List.of(
            new Population("PN", "uPN", 119, new NeuronModel(Quantity.of(20, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.SUBTRACT, false, 0, null), List.of(LearnableParameter.BIAS), ParameterSharing.PER_POPULATION, null, null),
            new Population("KC", "KC", 1919, new NeuronModel(Quantity.of(20, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.SUBTRACT, false, 0, null), List.of(LearnableParameter.THRESHOLD), ParameterSharing.PER_POPULATION, null, null),
            new Population("MBON", "MBON", 57, new NeuronModel(Quantity.of(20, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.SUBTRACT, false, 0, null), List.of(LearnableParameter.TAU_MEM), ParameterSharing.PER_POPULATION, null, null)),
        List.of(
            new Projection("PN", "KC", new Connectivity.FromConnectome("hemibrain", new Connectivity.ConnectomeQuery("CA(R)", ".*PN", "KC.*", null, 1)), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.SynapseScaled(0.05), true, null),
            new Projection("KC", "MBON", new Connectivity.FromConnectome("hemibrain", new Connectivity.ConnectomeQuery(null, "KC.*", "MBON.*", null, 1)), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.SynapseScaled(0.01), true, null)),
        null,
        List.of(
            new LossTerm.Sparsity(0.01, "KC", Quantity.of(5, Unit.PERCENT)),
            new LossTerm.Activity(0.001, Quantity.of(1, Unit.HERTZ), Quantity.of(50, Unit.HERTZ))),
        new TrainingSpec(Optimizer.ADAM, 0.001, new Schedule(ScheduleKind.CONSTANT, 0, 0, 1), 20, 4, 5, 7, 10, 0, ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5, null),
        new ExportSpec(null, null));
  }

  /** Wires and trains the circuit into the new or empty folder {@code runDir}; {@code episodes} null keeps the model's. */
  public static TrainingResult train(Path runDir, Integer episodes) {
    var wiring = CircuitWiringBuilder.build(circuit(), DataDirectory.fromSystemProperty());
    return TrainingRun.train(wiring, RunFolder.empty(runDir), TrainOptions.builder().episodes(episodes).build(),
        TrainingListener.NONE);
  }

  /** {@code java org.neuromechfly.dmn.generated.MushroomBodyTraining [run-folder] [episodes]} */
  public static void main(String[] args) {
    Path runDir = args.length > 0 ? Path.of(args[0]) : RunFolder.fresh(Path.of("runs"), "MushroomBody").path();
    Integer episodes = args.length > 1 ? Integer.valueOf(args[1]) : null;
    TrainingResult result = train(runDir, episodes);
    System.out.printf("held-out success %.1f %% -> %.1f %%, run folder %s%n",
        100 * result.successBefore(), 100 * result.successAfter(), result.runDir());
  }
}
