package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.synthetic.SyntheticBrain;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * A connectome model whose synapses, unknown before the data is read, make training too large for the
 * heap (issue #15, bad input: "a model that would need more memory than the machine has: estimate
 * before allocating and refuse with the estimate"): {@code dmn train} passes the first estimate, wires
 * the brain, and refuses with the estimate that counts the wired synapses before the network is made —
 * not with an {@code OutOfMemoryError}. The heap is chosen between the two estimates, so the refusal can
 * only come from the second.
 */
class WiredMemoryRefusalTest {
  @TempDir Path dir;

  @Test
  void aBrainWhoseWiredSynapsesDoNotFitIsRefusedWithTheEstimateBeforeTheNetworkIsAllocated() throws Exception {
    Path data = dir.resolve("data");
    SyntheticBrain.write(new SyntheticBrain.Parameters(3000, 300_000, 5), data.resolve("brain"));
    Path file = dir.resolve("brain.circuit");
    Files.writeString(file, """
        circuit WiredBrain
        connectome flywire shiu "brain"
        population ORN : ORN { count 8 }
        population Brain : neuron { from flywire tau_mem 20 ms tau_syn 5 ms reset to 0 refractory 2 ms }
        population DN : DN { count 10 }
        projection ORN -> Brain random fan_in 1 weight constant(0.5)
        projection Brain -> Brain from flywire sign per_neuron weight synapses * 0.0389 delay 2 ms learn
        projection Brain -> DN random fan_in 5 weight uniform(0, 0.5) learn

        task navigation {
          arena 200 mm x 200 mm
          source at (150 mm, 100 mm)
          start within 10 mm of (140 mm, 100 mm)
          steps 100
          dt 1 ms
          forward from DN[0..4]
          turn from DN[5..9]
        }
        loss { navigation 1.0 }
        training { episodes 1 batch 1 }
        """);
    ModelWorkspace workspace = new ModelWorkspace(DataDirectory.of(data));
    CircuitSpec spec = workspace.compile(workspace.load(file));
    CircuitWiring wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(data));
    Map<String, Long> synapses = new HashMap<>();
    wiring.projections().forEach(p -> synapses.merge(p.projection().label(), (long) p.edges().edgeCount(), Long::sum));
    int shards = TrainOptions.shardsFor(spec.training().batch());
    long before = TrainingFootprint.of(spec, shards).bytes();
    long wired = TrainingFootprint.ofWired(spec, shards, synapses).bytes();
    assertTrue(wired - before > 20L << 20, "the brain's synapses should add tens of MiB: " + before + " -> " + wired);

    long heapMiB = (before + wired) / 2 >> 20;
    var train = ChildProcess.run(dir, Map.of(), List.of("-Xmx" + heapMiB + "m", "-XX:+UseG1GC"), 300, "train",
        file.toString(), "--data-dir", data.toString(), "--out", dir.resolve("run").toString(), "--no-progress");
    assertEquals(1, train.exit(), train.out() + train.err());
    assertTrue(train.out().contains("synapses in 3 projections"), "the brain is wired first: " + train.out());
    String expected = "error: " + file + ": not trained: with its " + String.format(java.util.Locale.ROOT, "%,d",
        wiring.edgeCount()) + " synapses as wired from the data, training needs about "
        + TrainingFootprint.size(wired) + " of memory";
    assertTrue(train.err().startsWith(expected), train.err());
    assertTrue(train.err().contains("DMN_JAVA_OPTS=-Xmx"), train.err());
    assertFalse(train.err().contains("OutOfMemoryError"), train.err());
    assertFalse(train.out().contains("training into"), "refused before the run starts: " + train.out());
  }
}
