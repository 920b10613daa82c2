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
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.OdourPlume;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.Point;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSlice;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.ScheduleKind;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;
import org.neuromechfly.dmn.model.Wind;

/**
 * Trains circuit HemibrainNavigationLoihi2, generated from hemibrain_navigation_loihi2.circuit by NeuroMechFly DMN 0.1.0.
 * Do not edit: change the model and regenerate.
 */
public final class HemibrainNavigationLoihi2Training {
  private HemibrainNavigationLoihi2Training() {}

  /** The circuit as compiled from the model. */
  public static CircuitSpec circuit() {
    return new CircuitSpec(
        "HemibrainNavigationLoihi2",
        null,
        List.of(
            new ConnectomeSource("hemibrain", ConnectomeFormat.NEUPRINT, "hemibrain_v1.2.1_mushroom_body", "v1.2.1", null),
            new ConnectomeSource("antenna", ConnectomeFormat.GLOMERULUS_MAP, "hemibrain_olf_data_schlegel2021", "Schlegel et al. 2021", null)),
        List.of(
            new Population("ORN", "ORN", 2252, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.SUBTRACT, false, 0, null), List.of(LearnableParameter.BIAS), ParameterSharing.PER_POPULATION, Quantity.of(50, Unit.HERTZ), null),
            new Population("PN", "uPN", 119, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.ZERO, false, 0, null), List.of(LearnableParameter.BIAS), ParameterSharing.PER_POPULATION, Quantity.of(40, Unit.HERTZ), null),
            new Population("KC", "KC", 1919, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.ZERO, false, 0, null), List.of(), ParameterSharing.PER_POPULATION, Quantity.of(4, Unit.HERTZ), null),
            new Population("APL", "APL", 1, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.ZERO, false, 0, null), List.of(), ParameterSharing.PER_POPULATION, Quantity.of(20, Unit.HERTZ), null),
            new Population("MBON", "MBON", 57, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.ZERO, false, 0, null), List.of(LearnableParameter.BIAS), ParameterSharing.PER_POPULATION, Quantity.of(30, Unit.HERTZ), null),
            new Population("JON", "JON", 8, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.SUBTRACT, false, 0, null), List.of(), ParameterSharing.PER_POPULATION, null, null),
            new Population("WPN", "WPN", 8, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.ZERO, false, 0, null), List.of(LearnableParameter.BIAS), ParameterSharing.PER_NEURON, Quantity.of(20, Unit.HERTZ), null),
            new Population("DN", "DN", 10, new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1, 0, Quantity.of(0, Unit.MILLISECOND), ResetMode.ZERO, false, 0, null), List.of(LearnableParameter.BIAS), ParameterSharing.PER_NEURON, Quantity.of(40, Unit.HERTZ), null)),
        List.of(
            new Projection("ORN", "PN", new Connectivity.Glomerular(0, "antenna"), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.Normal(0.5, 0.1), true, null),
            new Projection("PN", "KC", new Connectivity.FromConnectome("hemibrain", new Connectivity.ConnectomeQuery("CA(R)", ".*PN", "KC.*", null, 1)), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.SynapseScaled(0.05), true, null),
            new Projection("KC", "APL", new Connectivity.FromConnectome("hemibrain", new Connectivity.ConnectomeQuery(null, "KC.*", "APL", null, 1)), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.SynapseScaled(0.002), false, null),
            new Projection("APL", "KC", new Connectivity.Dense(), Sign.INHIBITORY, Transmitter.GABA, new WeightInit.Constant(0.5), false, null),
            new Projection("KC", "MBON", new Connectivity.FromConnectome("hemibrain", new Connectivity.ConnectomeQuery(null, "KC.*", "MBON.*", null, 1)), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.SynapseScaled(0.01), true, null),
            new Projection("MBON", "DN", new Connectivity.Dense(), Sign.INHIBITORY, Transmitter.GLUTAMATE, new WeightInit.Xavier(), true, null),
            new Projection("JON", "WPN", new Connectivity.Dense(), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.Xavier(), true, null),
            new Projection("WPN", "DN", new Connectivity.Dense(), Sign.EXCITATORY, Transmitter.ACETYLCHOLINE, new WeightInit.Xavier(), true, null)),
        new NavigationTask(Quantity.of(300, Unit.MILLIMETRE), Quantity.of(180, Unit.MILLIMETRE), new Point(Quantity.of(270, Unit.MILLIMETRE), Quantity.of(90, Unit.MILLIMETRE)), new OdourPlume(PlumeModel.PUFFS, Quantity.of(5, Unit.MILLIMETRE), Quantity.of(5, Unit.HERTZ), Quantity.of(30, Unit.SQUARE_MILLIMETRE_PER_SECOND), Quantity.of(15, Unit.MILLIMETRE_PER_SECOND)), new Wind(Quantity.of(150, Unit.MILLIMETRE_PER_SECOND), Quantity.of(0, Unit.DEGREE)), new Point(Quantity.of(220, Unit.MILLIMETRE), Quantity.of(90, Unit.MILLIMETRE)), Quantity.of(10, Unit.MILLIMETRE), 5000, Quantity.of(1, Unit.MILLISECOND), Quantity.of(20, Unit.MILLISECOND), "ORN", "JON", new PopulationSlice("DN", 0, 4), new PopulationSlice("DN", 5, 9), Quantity.of(40, Unit.MILLIMETRE_PER_SECOND), Quantity.of(8, Unit.RADIAN_PER_SECOND), 0, Quantity.of(15, Unit.MILLIMETRE), 0.25, GradientPath.MOTOR_ONLY),
        List.of(
            new LossTerm.Navigation(1, Quantity.of(15, Unit.MILLIMETRE)),
            new LossTerm.Energy(0.1),
            new LossTerm.Sparsity(0.05, "KC", Quantity.of(5, Unit.PERCENT)),
            new LossTerm.Activity(0.001, Quantity.of(1, Unit.HERTZ), Quantity.of(100, Unit.HERTZ))),
        new TrainingSpec(Optimizer.ADAM, 0.02, new Schedule(ScheduleKind.COSINE, 0, 0, 0.5), 80, 16, 5, 42, 10, 0, ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5, TrainingTarget.LOIHI2),
        new ExportSpec(null, null));
  }

  /** Wires and trains the circuit into the new or empty folder {@code runDir}; {@code episodes} null keeps the model's. */
  public static TrainingResult train(Path runDir, Integer episodes) {
    var wiring = CircuitWiringBuilder.build(circuit(), DataDirectory.fromSystemProperty());
    return TrainingRun.train(wiring, RunFolder.empty(runDir), TrainOptions.builder().episodes(episodes).build(),
        TrainingListener.NONE);
  }

  /** {@code java org.neuromechfly.dmn.generated.HemibrainNavigationLoihi2Training [run-folder] [episodes]} */
  public static void main(String[] args) {
    Path runDir = args.length > 0 ? Path.of(args[0]) : RunFolder.fresh(Path.of("runs"), "HemibrainNavigationLoihi2").path();
    Integer episodes = args.length > 1 ? Integer.valueOf(args[1]) : null;
    TrainingResult result = train(runDir, episodes);
    System.out.printf("held-out success %.1f %% -> %.1f %%, run folder %s%n",
        100 * result.successBefore(), 100 * result.successAfter(), result.runDir());
  }
}
