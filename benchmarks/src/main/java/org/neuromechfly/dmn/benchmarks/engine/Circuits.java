package org.neuromechfly.dmn.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.neuromechfly.dmn.benchmarks.BenchmarkMain;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.EpisodeMemory;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.OdourPlume;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.TrainingFootprint;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The circuits the engine benchmarks train, built through the real path: IR records →
 * {@link CircuitWiringBuilder} (seeded rules, connectome files from the data directory) → {@link Network}.
 */
public final class Circuits {
  /** The example circuit ({@code dsl-examples/olfactory.circuit}) as its golden IR. */
  static final String EXAMPLE_IR = "plugins/org.neuromechfly.dmn.circuit.tests/resources/golden/olfactory.ir.json";

  private Circuits() {}

  /**
   * The example circuit with episodes of {@code steps} steps and batches of {@code batch}, in the world
   * the PyTorch reference implements: a static Gaussian plume 30 mm wide in still air, a speed floor
   * of 80 %, no blank trials (the example's own world has wind, puffs and wind sensing; the network is
   * the same, its wind-sensing cells then get no input).
   */
  public static CircuitSpec example(int steps, int batch) throws IOException {
    CircuitSpec s = CircuitJson.read(Files.readString(BenchmarkMain.repositoryFile(EXAMPLE_IR)));
    NavigationTask f = (NavigationTask) s.task();
    NavigationTask still = f.toBuilder()
        .plume(new OdourPlume(PlumeModel.GAUSSIAN, Quantity.of(30, Unit.MILLIMETRE), f.plume().rate(),
            f.plume().spread(), f.plume().meander()))
        .wind(null)
        .windSensors(null)
        .blankTrials(0)
        .speedFloor(0.8)
        .build();
    CircuitSpec world = new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), s.populations(), s.projections(),
        still, s.losses(), s.training(), s.exports());
    return withSize(world, steps, batch);
  }

  /** The circuit with the episode length and batch changed. */
  static CircuitSpec withSize(CircuitSpec s, int steps, int batch) {
    NavigationTask f = (NavigationTask) s.task();
    NavigationTask task = f.toBuilder().steps(steps).build();
    TrainingSpec training = s.training().toBuilder().batch(batch).build();
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), s.populations(), s.projections(), task,
        s.losses(), training, s.exports());
  }

  /** Every projection's edges, wired as training wires them (not from the wiring cache: runs time the wiring). */
  static List<EdgeArrays> wire(CircuitSpec spec) {
    return CircuitWiringBuilder.build(spec, DataDirectory.fromSystemProperty().withoutCache()).projections().stream()
        .map(EdgeArrays::of).toList();
  }

  /** The surrogate spike the circuit's training settings ask for. */
  public static SurrogateSpike surrogate(CircuitSpec spec) {
    TrainingSpec t = spec.training();
    return new SurrogateSpike(t.surrogate(), t.surrogateSlope());
  }

  /** The training network (float32 traces) of the circuit. */
  public static Network network(CircuitSpec spec, List<EdgeArrays> wiring) {
    return network(spec, wiring, NetworkOptions.training(surrogate(spec)));
  }

  /** The training network of the circuit, keeping its episode record as {@code dmn train} would ({@link #asTrained}). */
  static Network trainingNetwork(CircuitSpec spec, List<EdgeArrays> wiring) {
    return network(spec, wiring, asTrained(spec, NetworkOptions.training(surrogate(spec))));
  }

  static Network network(CircuitSpec spec, List<EdgeArrays> wiring, NetworkOptions options) {
    return new Network(spec, wiring, ((NavigationTask) spec.task()).dt().si(), options);
  }

  /**
   * {@code options} with the episode record kept as {@code dmn train} keeps it on this heap for a kernel
   * of the spec's whole batch ({@link EpisodeMemory}: whole while the estimate takes at most half of the
   * heap, else recomputed segments), printing the choice. Without it a benchmark's kernel would follow
   * the engine's fixed default budget and could pay a recomputation that training on this heap does not.
   */
  public static NetworkOptions asTrained(CircuitSpec spec, NetworkOptions options) {
    NetworkOptions decided = EpisodeMemory.decide(spec, options, 1, TrainingFootprint.availableHeap(),
        new TrainingListener() {
          @Override
          public void message(String text) {
            System.out.println("dmn train's choice: " + text);
          }
        });
    if (decided.recomputation().segmentSteps() == 0) {
      System.out.println("dmn train's choice: the fused kernel keeps the whole episode record");
    }
    return decided;
  }
}
