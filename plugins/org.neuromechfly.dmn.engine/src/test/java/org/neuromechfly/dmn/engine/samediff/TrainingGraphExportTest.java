package org.neuromechfly.dmn.engine.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * The exported SameDiff training graph is the chunk graph that trains: saved, read back by SameDiff
 * and run from the rest state on a random sensory drive, it gives every population's output of the
 * fused kernel on the same drive, spike for spike (float64; refractory PN cells included).
 */
class TrainingGraphExportTest {
  private static final int K = 12;
  private static final int B = 2;

  @TempDir Path dir;

  @Test
  void savedChunkGraphReproducesTheFusedKernel() throws Exception {
    CircuitSpec spec = TinyCircuit.withRefractory(TinyCircuit.spec(K, GradientPath.MOTOR_ONLY), Map.of("PN", 2.0));
    NetworkOptions options = new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5.0),
        false, 1e-3, Magnitude.ABS, SynapseLayout.auto());
    Network net = new Network(spec, TinyCircuit.wiring(spec, 7, 4.0, 12.0), 1e-3, options);
    int sensory = net.populationIndex("ORN");
    int nIn = net.populations().get(sensory).cells();
    SplittableRandom r = new SplittableRandom(3);
    double[][] drive = new double[K][B * nIn];
    for (double[] row : drive) {
      for (int i = 0; i < row.length; i++) {
        row[i] = 4 * r.nextDouble();
      }
    }
    BpttKernel kernel = new BpttKernel(net, K, B);
    kernel.forward(new Drive(drive), ActivityObjective.NONE);

    ChunkGraph graph = new ChunkGraph(net, K, B, true);
    File file = dir.resolve("training-graph.fb").toFile();
    graph.sameDiff().save(file, false);
    SameDiff loaded = SameDiff.load(file, false);
    assertTrue(loaded.hasVariable(ChunkGraph.LOSS) && loaded.hasVariable(ChunkGraph.READOUT)
        && loaded.hasVariable(ChunkGraph.REFRACTORY_IN), "the training graph's loss and placeholders");

    ChunkState rest = graph.rest();
    Map<String, INDArray> feed = new HashMap<>();
    int cells = graph.cells();
    double[] wide = new double[K * B * cells];
    for (int t = 0; t < K; t++) {
      for (int b = 0; b < B; b++) {
        System.arraycopy(drive[t], b * nIn, wide, (t * B + b) * cells + graph.offset(sensory), nIn);
      }
    }
    feed.put(ChunkGraph.DRIVE, Nd4j.createFromArray(wide).reshape(K, B, cells).castTo(DataType.DOUBLE));
    feed.put(ChunkGraph.MEMBRANE_IN, rest.membrane());
    feed.put(ChunkGraph.HISTORY_IN, rest.history());
    feed.put(ChunkGraph.SYNAPTIC_IN, rest.synaptic());
    feed.put(ChunkGraph.REFRACTORY_IN, rest.refractory());
    INDArray out = loaded.output(feed, ChunkGraph.OUTPUT).get(ChunkGraph.OUTPUT);
    long spikes = 0;
    for (int p = 0; p < net.populations().size(); p++) {
      var st = kernel.activity().state(p);
      for (int t = 0; t < K; t++) {
        for (int b = 0; b < B; b++) {
          for (int n = 0; n < st.cells(); n++) {
            double fused = st.output(t, b, n);
            assertEquals(fused, out.getDouble(t, b, graph.offset(p) + n), 1e-12,
                net.populations().get(p).name() + " cell " + n + " step " + t);
            spikes += fused > 0 ? 1 : 0;
          }
        }
      }
    }
    assertTrue(spikes > 20, "the circuit should be active: " + spikes);
    assertTrue(kernel.activity().state(net.populationIndex("PN")).clampedCount() > 0, "PN cells should refract");
  }

  /** Open loop: a fixed sensory drive, no task loss. */
  private record Drive(double[][] drive) implements Environment {
    @Override
    public int batch() {
      return B;
    }

    @Override
    public int steps() {
      return K;
    }

    @Override
    public java.util.List<String> sensoryPopulations() {
      return java.util.List.of("ORN");
    }

    @Override
    public String motorPopulation() {
      return "DN";
    }

    @Override
    public void begin() {}

    @Override
    public void sense(int t, double[][] inputs) {
      System.arraycopy(drive[t], 0, inputs[0], 0, inputs[0].length);
    }

    @Override
    public void act(int t, double[] motorOutput) {}

    @Override
    public Map<String, Double> endForward() {
      return Map.of();
    }

    @Override
    public void motorGradient(int t, double[] gradient) {}

    @Override
    public void sensoryGradient(int t, double[][] gradients) {}
  }
}
