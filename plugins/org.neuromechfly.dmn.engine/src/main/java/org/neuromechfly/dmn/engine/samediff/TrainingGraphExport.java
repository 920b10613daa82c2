package org.neuromechfly.dmn.engine.samediff;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.engine.fused.Network;
import org.neuromechfly.dmn.engine.fused.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * Saves a circuit's SameDiff training graph ({@code dmn train --emit-samediff}): the model unrolled
 * over a short window, from the sensory population's drive to the motor population's readout, with
 * the initial parameters. The graph grows with the window (ARCHITECTURE.md), so keep it short.
 */
public final class TrainingGraphExport {
  private TrainingGraphExport() {}

  /**
   * @param wiring the wired circuit (must declare a navigation task)
   * @param steps window length in time steps
   * @param batch episodes per batch in the graph's placeholders
   * @param file where to write the FlatBuffers graph
   */
  public static void save(CircuitWiring wiring, int steps, int batch, Path file) throws java.io.IOException {
    if (!(wiring.spec().task() instanceof NavigationTask task)) {
      throw new IllegalArgumentException("circuit " + wiring.spec().name() + " declares no navigation task: no motor population for the graph's readout");
    }
    if (steps < 1 || batch < 1) {
      throw new IllegalArgumentException("the graph window and batch must be at least 1");
    }
    var training = wiring.spec().training();
    Network network = new Network(wiring.spec(), wiring.projections().stream().map(EdgeArrays::of).toList(), task.dt().si(),
        NetworkOptions.training(new SurrogateSpike(training.surrogate(), training.surrogateSlope())));
    SameDiffGraph graph = SameDiffGraph.build(network, steps, batch, OdourWorld.sensoryOf(wiring.spec()), task.forward().population());
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      graph.save(temp.toFile());
      Files.move(temp, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
