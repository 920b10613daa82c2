package org.neuromechfly.dmn.benchmarks.engine;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * A flyvis-scale circuit in the odour task: ORN (sensors) → PN → {LN, KC, LHN}, LN ⊣ KC, KC → MBON,
 * MBON → DN and LHN ⊣ DN; 45,000 cells, every projection a random fan-in (≤ 1 % dense, so the engine
 * lays all of them out as edge lists). Cells, task, losses and training settings are the example
 * circuit's.
 */
final class SparseCircuit {
  /** Initial mean rates (Hz) for the rate calibration, in the spirit of the example's. */
  static final Map<String, Double> RATE_TARGETS =
      Map.of("ORN", 50.0, "PN", 40.0, "LN", 20.0, "KC", 5.0, "LHN", 20.0, "MBON", 30.0, "DN", 40.0);

  private SparseCircuit() {}

  /** The circuit, with the task, losses and training settings (episode length, batch) of {@code example}. */
  static CircuitSpec of(CircuitSpec example) {
    NeuronModel cell = example.populations().get(0).neuron();
    List<Population> pops = List.of(
        population("ORN", "ORN", 1_000, cell, LearnableParameter.BIAS),
        population("PN", "uPN", 4_000, cell, LearnableParameter.TAU_MEM, LearnableParameter.BIAS),
        population("LN", "LN", 10_000, cell, LearnableParameter.TAU_MEM),
        population("KC", "KC", 10_000, cell, LearnableParameter.TAU_MEM),
        population("LHN", "LHN", 9_990, cell, LearnableParameter.TAU_MEM, LearnableParameter.BIAS),
        population("MBON", "MBON", 10_000, cell, LearnableParameter.TAU_MEM, LearnableParameter.BIAS),
        population("DN", "DN", 10, cell, LearnableParameter.BIAS)); // the task reads DN[0..9]
    List<Projection> prs = List.of(
        fanIn("ORN", "PN", 30, true, Transmitter.ACETYLCHOLINE),
        fanIn("PN", "LN", 30, false, Transmitter.ACETYLCHOLINE),
        fanIn("PN", "KC", 30, true, Transmitter.ACETYLCHOLINE),
        fanIn("LN", "KC", 20, false, Transmitter.GABA),
        fanIn("PN", "LHN", 30, true, Transmitter.ACETYLCHOLINE),
        fanIn("KC", "MBON", 30, false, Transmitter.ACETYLCHOLINE),
        fanIn("MBON", "DN", 100, false, Transmitter.ACETYLCHOLINE),
        fanIn("LHN", "DN", 100, false, Transmitter.GLUTAMATE));
    return new CircuitSpec("SparseOdourCircuit45k", example.referenceData(), List.of(), pops, prs, example.task(),
        example.losses(), example.training(), example.exports());
  }

  private static Population population(String name, String type, int count, NeuronModel cell,
      LearnableParameter... learned) {
    return new Population(name, type, count, cell, List.of(learned), ParameterSharing.PER_POPULATION);
  }

  private static Projection fanIn(String from, String to, int fanIn, boolean ipsilateral, Transmitter tx) {
    Sign sign = tx == Transmitter.ACETYLCHOLINE ? Sign.EXCITATORY : Sign.INHIBITORY;
    return new Projection(from, to, new Connectivity.RandomFanIn(fanIn, ipsilateral), sign, tx,
        new WeightInit.Uniform(0, 1), true, null);
  }
}
