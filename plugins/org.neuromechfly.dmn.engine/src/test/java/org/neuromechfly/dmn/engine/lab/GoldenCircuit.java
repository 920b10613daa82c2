package org.neuromechfly.dmn.engine.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/** The example circuit as the circuit compiler emits it (the golden IR), wired by the connectome module. */
public final class GoldenCircuit {
  private GoldenCircuit() {}

  public static Path golden() {
    Path p = Path.of("plugins/org.neuromechfly.dmn.circuit.tests/resources/golden/olfactory.ir.json");
    for (int up = 0; up < 4 && !Files.exists(p); up++) {
      p = Path.of("..").resolve(p);
    }
    return p;
  }

  public static CircuitSpec spec() {
    try {
      return CircuitJson.read(Files.readString(golden()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<EdgeArrays> wiring(CircuitSpec spec) {
    CircuitWiring w = CircuitWiringBuilder.build(spec, DataDirectory.of(Path.of(".")));
    return w.projections().stream().map(EdgeArrays::of).toList();
  }
}
