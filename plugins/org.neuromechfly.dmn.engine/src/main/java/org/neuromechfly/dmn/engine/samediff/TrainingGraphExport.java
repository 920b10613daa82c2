package org.neuromechfly.dmn.engine.samediff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * Saves a circuit's SameDiff training graph ({@code dmn train --emit-samediff}): the very chunk graph
 * the SameDiff engine trains with ({@link ChunkGraph}: K steps, K = the task's motor delay + 1 step or
 * less, state in and out, loss {@code Σ readout · output + Σ λ · end state} with its gradient
 * function), holding the initial parameters. Running it ⌈T/K⌉ times with the state passed on is one
 * episode; see the engine README for its placeholders.
 */
public final class TrainingGraphExport {
  private TrainingGraphExport() {}

  /**
   * @param wiring the wired circuit (must declare a navigation task)
   * @param file where to write the FlatBuffers graph
   * @return the chunk length K of the saved graph
   */
  public static int save(CircuitWiring wiring, Path file) throws java.io.IOException {
    if (!(wiring.spec().task() instanceof NavigationTask task)) {
      throw new IllegalArgumentException("circuit " + wiring.spec().name()
          + " declares no navigation task: no motor population for the graph's readout");
    }
    var training = wiring.spec().training();
    Network network = new Network(wiring.spec(), wiring.projections().stream().map(EdgeArrays::of).toList(),
        task.dt().si(), NetworkOptions.training(new SurrogateSpike(training.surrogate(), training.surrogateSlope())));
    int chunk = ChunkedSameDiffKernel.chunkLength(task.steps(), OdourWorld.sensingLead(task),
        wiring.spec().training().bpttWindow());
    ChunkGraph graph = new ChunkGraph(network, chunk, Math.max(1, training.batch()), true);
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      graph.sameDiff().save(temp.toFile(), false);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return chunk;
  }
}
