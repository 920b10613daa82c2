package org.neuromechfly.dmn.export;

import java.nio.file.Path;
import java.util.Objects;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.model.CircuitSpec;

/** What to export: a trained run folder, a circuit's initial state, or ready parameters. */
public sealed interface CircuitSource {

  /** Loads the numbers to export. */
  CircuitParameters load();

  /**
   * The engine's network with these numbers, to simulate the circuit as it was trained (in Loihi mode
   * when the model trains for Loihi 2).
   */
  Network network(NetworkOptions options);

  /** A run folder of {@code dmn train} (circuit.json + best.json/checkpoint.json). */
  record RunFolder(Path folder, DataDirectory data, CircuitParameters.RunCheckpoint checkpoint)
      implements CircuitSource {
    public RunFolder {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }

    @Override
    public CircuitParameters load() {
      return CircuitParameters.trained(folder, data, checkpoint);
    }

    @Override
    public Network network(NetworkOptions options) {
      return CircuitParameters.network(CircuitWiringBuilder.build(CircuitParameters.specOf(folder), data),
          CheckpointStore.readParameters(CircuitParameters.parametersOf(folder, checkpoint)), options);
    }
  }

  /** The IR with its wiring: initial (untrained) values. */
  record Initial(CircuitWiring wiring) implements CircuitSource {
    public Initial {
      Objects.requireNonNull(wiring, "wiring");
    }

    @Override
    public CircuitParameters load() {
      return CircuitParameters.initial(wiring);
    }

    @Override
    public Network network(NetworkOptions options) {
      return CircuitParameters.network(wiring, null, options);
    }
  }

  /** Parameters already in hand (an imported NIR graph, a test network). */
  record Given(CircuitParameters parameters) implements CircuitSource {
    public Given {
      Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public CircuitParameters load() {
      return parameters;
    }

    @Override
    public Network network(NetworkOptions options) {
      return parameters.network(options);
    }
  }

  static CircuitSource runFolder(Path folder, DataDirectory data) {
    return new RunFolder(folder, data, CircuitParameters.RunCheckpoint.BEST);
  }

  static CircuitSource initial(CircuitSpec spec, DataDirectory data) {
    return new Initial(CircuitWiringBuilder.build(spec, data));
  }

  static CircuitSource initial(CircuitWiring wiring) {
    return new Initial(wiring);
  }

  static CircuitSource of(CircuitParameters parameters) {
    return new Given(parameters);
  }
}
