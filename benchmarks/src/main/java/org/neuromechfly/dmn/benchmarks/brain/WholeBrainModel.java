package org.neuromechfly.dmn.benchmarks.brain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.neuromechfly.dmn.connectome.synthetic.SyntheticBrain;
import org.neuromechfly.dmn.model.CellSet;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.PoissonStimulus;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSelection;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.StimulusExperiment;
import org.neuromechfly.dmn.model.TaskSpec;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * The whole-brain model of Shiu et al. 2024 as an IR, the circuit {@code benchmarks/brain/README.md} states
 * in the language (and {@code ExperimentSimulateTest} runs through {@code dmn simulate}), over a folder of
 * Shiu-format files (real v783 files or
 * {@link org.neuromechfly.dmn.connectome.synthetic.SyntheticBrain}): one population of every neuron,
 * one recurrent projection with the synapse count × 0.275 mV signed by each neuron's transmitter,
 * τ_m 20 ms, τ_syn 5 ms, threshold 7 mV above rest, reset to rest, refractory 2.2 ms frozen and delay
 * 1.8 ms in Brian2's convention (21 and 19 steps of 0.1 ms in ours), Poisson stimulation at 150 Hz.
 */
public final class WholeBrainModel {
  /** Normalised units: 7 mV from rest (−52 mV) to threshold (−45 mV). */
  public static final double MILLIVOLTS_PER_UNIT = 7.0;
  public static final double DT_MS = 0.1;

  private WholeBrainModel() {}

  static Quantity ms(double v) {
    return Quantity.of(v, Unit.MILLISECOND);
  }

  /**
   * The synaptic weight per synapse in our units that reproduces Shiu et al.'s 0.275 mV: their current
   * is integrated exactly, ours by exponential Euler over a step (Brian2Export.kappa).
   */
  public static double weightPerSynapse() {
    return weightPerSynapse(DT_MS * 1e-3);
  }

  /** {@link #weightPerSynapse()} for a step of {@code dt} seconds. */
  public static double weightPerSynapse(double dt) {
    return 0.275 / MILLIVOLTS_PER_UNIT * org.neuromechfly.dmn.engine.simulate.Brian2Export.kappa(0.020, 0.005, dt);
  }

  /** The circuit over the Shiu folder {@code name} of the data directory with {@code neurons} neurons. */
  public static CircuitSpec spec(String name, int neurons, int steps, int trials, List<Long> stimulated, double rateHz,
      long seed) {
    NeuronModel cell = new NeuronModel(ms(20), ms(5), 1.0, 0.0, ms(2.1), ResetMode.ZERO, false, 0.0,
        RefractoryMode.FREEZE);
    Population brain = new Population("Brain", "neuron", neurons, cell, List.of(), ParameterSharing.PER_POPULATION,
        null, new PopulationSelection("flywire", null, null, null, null));
    Projection recurrent = new Projection("Brain", "Brain",
        new Connectivity.FromConnectome("flywire", new Connectivity.ConnectomeQuery(null, null, null, null, 1)),
        Sign.PER_NEURON, null, new WeightInit.SynapseScaled(weightPerSynapse()), false, ms(1.9));
    TaskSpec task = new StimulusExperiment(steps, ms(DT_MS), trials,
        List.of(new PoissonStimulus(new CellSet("Brain", null, null, stimulated), Quantity.of(rateHz, Unit.HERTZ),
            250 * 0.275 / MILLIVOLTS_PER_UNIT)),
        List.of());
    TrainingSpec training = TrainingSpec.defaults().toBuilder().seed(seed).build();
    return new CircuitSpec("WholeBrain", null,
        List.of(new ConnectomeSource("flywire", ConnectomeFormat.SHIU, name, "v783", null)),
        List.of(brain), List.of(recurrent), task, List.of(), training, null);
  }

  /**
   * The Shiu folder {@code folder}, written first as a FlyWire-shaped synthetic brain of {@code neurons}
   * neurons ({@link SyntheticBrain}, connections in the v783 proportion) when it holds no completeness table.
   */
  public static Path folderOrSynthetic(Path folder, int neurons) {
    Path f = folder.toAbsolutePath().normalize();
    if (!Files.isRegularFile(f.resolve("Completeness_783.csv"))) {
      long connections = Math.round(SyntheticBrain.FLYWIRE_CONNECTIONS * (double) neurons
          / SyntheticBrain.FLYWIRE_NEURONS);
      long t0 = System.nanoTime();
      var summary = SyntheticBrain.write(new SyntheticBrain.Parameters(neurons, connections, 783), f);
      System.out.printf("generated %s in %.1f s: %,d neurons, %,d connections, %,d synapses, %,d inhibitory%n",
          f, (System.nanoTime() - t0) / 1e9, summary.neurons(), summary.connections(), summary.synapses(),
          summary.inhibitory());
    }
    return f;
  }

  /**
   * The cells (indices in the folder's row order) a Shiu-style experiment drives: a fixed random choice of
   * {@code count} distinct cells (a sugar-GRN-sized set, 21 in Shiu et al. Fig. 2).
   */
  public static int[] stimulatedCells(int neurons, int count) {
    SplittableRandom pick = new SplittableRandom(21);
    java.util.LinkedHashSet<Integer> cells = new java.util.LinkedHashSet<>();
    while (cells.size() < count) {
      cells.add(pick.nextInt(neurons));
    }
    return cells.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Root ids of a Shiu folder's completeness table, in its row order. */
  public static List<Long> ids(Path folder) {
    try (Stream<String> lines = Files.lines(folder.resolve("Completeness_783.csv"))) {
      List<Long> ids = new ArrayList<>();
      lines.skip(1).forEach(l -> ids.add(Long.parseLong(l.substring(0, l.indexOf(',')).trim())));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
