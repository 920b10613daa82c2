package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.export.nir.ImportedCircuit;
import org.neuromechfly.dmn.export.nir.NirArray;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirFormatException;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.export.nir.NirNode;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * NIR graphs written by other tools (Norse, Rockpool, the NIR paper; {@code ../shared/data/nir_samples},
 * read through the data path): each imports to a circuit whose engine simulation gives the same spikes
 * as NIR's equations stepped directly from the file — or is refused naming the node it cannot
 * represent. The reference here reads the graph's own parameters (r, w_in, v_leak, Affine bias, Delay)
 * and steps NIR's ODEs exactly over each step (zero-order hold), with the discretisation the importer
 * documents: a path from one neuron node to another takes one step (more with a Delay), an Input
 * drives its neurons in the same step.
 */
class NirSamplesTest {
  @TempDir Path tmp;

  private static final double DT = 1e-4;
  private static final int STEPS = 400;

  private static Path samples() {
    Path dir = DataDirectory.fromSystemProperty().root().resolve("nir_samples");
    assumeTrue(Files.isDirectory(dir), "needs ../shared/data/nir_samples (data path)");
    return dir;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "paper_01_lif_lif_norse.nir, 0.6, 400",
    "paper_01_lif_lif_rockpool.nir, 0.6, 400",
    // a tonic neuron (v_leak 1.2 > threshold 1, tau 10 ms) that fires about every 18 ms: 400 ms of it
    "paper_01_lif_debug_spike_representation_two_lif_neurons.nir, 0.3, 4000",
  })
  void importsAndSimulatesLikeTheOriginal(String file, double inputProbability, int steps) throws Exception {
    Path nir = samples().resolve(file);
    var imported = Exports.importNir(nir, tmp.resolve("out"), DT);
    assertTrue(Files.exists(imported.circuitFile()));
    long spikes = compare(NirFile.read(nir).graph(), imported.circuit(), inputProbability, 5, steps);
    System.out.println(file + ": " + spikes + " spikes, identical in the engine and the reference");
    assertTrue(spikes > 10, "a comparison without spikes says little: " + spikes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "paper_02_cnn_cnn_sinabs.nir, Conv2d",
    "paper_03_rnn_braille_noDelay_bias_zero.nir, both signs",
    "paper_03_rnn_braille_noDelay_noBias_subtract.nir, both signs",
    "paper_03_rnn_extras_braille_noDelay_bias_zero_subgraph.nir, nested NIRGraph",
  })
  void refusesWhatACircuitCannotHoldNamingTheNode(String file, String why) {
    var e = assertThrows(NirFormatException.class, () -> Exports.importNir(samples().resolve(file), tmp, DT));
    System.out.println(file + ": " + e.getMessage());
    assertTrue(e.node() != null && e.getMessage().startsWith("NIR: node '" + e.node() + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  /** Input → Delay → Linear → LIF → LIF → itself: the input delay and the direct edges are represented. */
  @Test
  void inputDelayAndDirectEdgesAreRepresented() throws Exception {
    Map<String, NirNode> nodes = new LinkedHashMap<>();
    nodes.put("in", NirNode.of("Input", Map.of("shape", NirArray.shape(2))));
    nodes.put("late", NirNode.of("Delay", Map.of("delay", NirArray.vector(new double[] {3 * DT, 3 * DT}))));
    nodes.put("w", NirNode.of("Linear", Map.of("weight", NirArray.matrix(new double[][] {{1.5, 0.5}, {0.2, 1.8}}))));
    nodes.put("a", NirNode.of("LIF", lif(2, 0.002, 1, 0.1)));
    nodes.put("b", NirNode.of("LIF", lif(2, 0.003, 0.7, 0.05)));
    List<NirGraph.Edge> edges = List.of(new NirGraph.Edge("in", "late"), new NirGraph.Edge("late", "w"),
        new NirGraph.Edge("w", "a"), new NirGraph.Edge("a", "b"), new NirGraph.Edge("b", "b"));
    Path file = tmp.resolve("paths.nir");
    NirFile.write(new NirGraph(nodes, edges, Map.of("dt", DT)), file);
    var imported = Exports.importNir(file, tmp.resolve("paths"), null);
    ImportedCircuit c = imported.circuit();
    assertEquals(3, c.inputs().get(0).delaySteps());
    assertEquals(2, c.parameters().projections().size(), "a -> b and b -> b, one to one");
    assertTrue(imported.circuit().circuitText().contains("projection a -> b one_to_one"), c.circuitText());
    assertTrue(imported.circuit().circuitText().contains("3 steps late"), c.circuitText());
    long spikes = compare(NirFile.read(file).graph(), c, 0.4, 9, STEPS);
    assertTrue(spikes > 20, "spikes: " + spikes);
  }

  private static Map<String, NirArray> lif(int n, double tau, double r, double threshold) {
    Map<String, NirArray> p = new LinkedHashMap<>();
    p.put("tau", NirArray.vector(fill(n, tau)));
    p.put("r", NirArray.vector(fill(n, r)));
    p.put("v_leak", NirArray.vector(fill(n, 0)));
    p.put("v_threshold", NirArray.vector(fill(n, threshold)));
    return p;
  }

  private static double[] fill(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /**
   * Runs the graph's reference and the imported circuit on the same Bernoulli input spikes; asserts
   * every neuron node spikes identically; returns the spikes compared.
   */
  private static long compare(NirGraph g, ImportedCircuit c, double p, long seed, int steps) {
    Map<String, double[][]> x = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(seed);
    g.nodes().forEach((name, node) -> {
      if (node.type().equals("Input")) {
        int width = (int) node.param("shape").values()[0];
        double[][] signal = new double[steps][width];
        for (double[] row : signal) {
          for (int i = 0; i < width; i++) {
            row[i] = random.nextDouble() < p ? 1 : 0;
          }
        }
        x.put(name, signal);
      }
    });
    Map<String, boolean[][]> reference = Reference.run(g, x, DT, steps);
    Map<String, boolean[][]> engine = engine(c, x);
    long spikes = 0;
    for (var e : c.nodeToPopulation().entrySet()) {
      boolean[][] want = reference.get(e.getKey());
      boolean[][] got = engine.get(e.getValue());
      for (int t = 0; t < steps; t++) {
        assertEquals(java.util.Arrays.toString(want[t]), java.util.Arrays.toString(got[t]),
            "node " + e.getKey() + " step " + t);
        for (boolean s : want[t]) {
          spikes += s ? 1 : 0;
        }
      }
    }
    return spikes;
  }

  /** The imported circuit in the engine (its parameters, float64), driven through its external inputs. */
  private static Map<String, boolean[][]> engine(ImportedCircuit c, Map<String, double[][]> x) {
    int steps = x.values().iterator().next().length;
    NetworkOptions options = new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5),
        false, 1e-6, Magnitude.ABS, new SynapseLayout(SynapseLayout.Kind.SPARSE, 1, Long.MAX_VALUE));
    Network network = c.parameters().network(options);
    List<String> driven = c.inputs().stream().map(ImportedCircuit.ExternalInput::population).distinct().toList();
    Environment env = new Environment() {
      @Override
      public int batch() {
        return 1;
      }

      @Override
      public int steps() {
        return steps;
      }

      @Override
      public List<String> sensoryPopulations() {
        return driven;
      }

      @Override
      public String motorPopulation() {
        return c.parameters().populations().get(0).name();
      }

      @Override
      public void begin() {}

      @Override
      public void sense(int t, double[][] inputs) {
        for (int k = 0; k < driven.size(); k++) {
          java.util.Arrays.fill(inputs[k], 0);
          for (ImportedCircuit.ExternalInput in : c.inputs()) {
            int from = t - in.delaySteps();
            if (!in.population().equals(driven.get(k)) || from < 0) {
              continue;
            }
            double[] signal = x.get(in.input())[from];
            for (int i = 0; i < in.weight().length; i++) {
              for (int j = 0; j < signal.length; j++) {
                inputs[k][i] += in.weight()[i][j] * signal[j];
              }
            }
          }
        }
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
    };
    BpttKernel kernel = new BpttKernel(network, steps, 1);
    kernel.forward(env, ActivityObjective.NONE);
    NetworkActivity a = kernel.activity();
    Map<String, boolean[][]> out = new LinkedHashMap<>();
    for (int p = 0; p < network.populations().size(); p++) {
      int n = network.populations().get(p).cells();
      boolean[][] s = new boolean[steps][n];
      for (int t = 0; t < steps; t++) {
        for (int i = 0; i < n; i++) {
          s[t][i] = a.state(p).output(t, 0, i) != 0;
        }
      }
      out.put(network.populations().get(p).name(), s);
    }
    return out;
  }

  /** NIR's LIF and CubaLIF equations stepped straight from a graph's nodes (test reference). */
  static final class Reference {
    private Reference() {}

    static Map<String, boolean[][]> run(NirGraph g, Map<String, double[][]> x, double dt, int steps) {
      List<String> neurons = new ArrayList<>();
      g.nodes().forEach((name, node) -> {
        if (node.type().equals("LIF") || node.type().equals("CubaLIF")) {
          neurons.add(name);
        }
      });
      Map<String, double[]> v = new LinkedHashMap<>();
      Map<String, double[]> syn = new LinkedHashMap<>();
      Map<String, boolean[][]> s = new LinkedHashMap<>();
      for (String n : neurons) {
        int size = g.node(n).param("r").length();
        v.put(n, new double[size]);
        syn.put(n, new double[size]);
        s.put(n, new boolean[steps][size]);
      }
      for (int t = 0; t < steps; t++) {
        for (String n : neurons) {
          NirNode node = g.node(n);
          double[] drive = new double[v.get(n).length];
          for (NirGraph.Edge e : g.into(n)) {
            add(g, e.source(), n, t, 0, 1, null, drive, x, s);
          }
          boolean cuba = node.type().equals("CubaLIF");
          double[] tau = node.param(cuba ? "tau_mem" : "tau").values();
          double[] r = node.param("r").values();
          double[] leak = node.param("v_leak").values();
          double[] th = node.param("v_threshold").values();
          double[] reset = node.param("v_reset") == null ? new double[tau.length] : node.param("v_reset").values();
          for (int i = 0; i < tau.length; i++) {
            double in = drive[i];
            if (cuba) {
              double alpha = Math.exp(-dt / node.param("tau_syn").values()[i]);
              double w = node.param("w_in") == null ? 1 : node.param("w_in").values()[i];
              syn.get(n)[i] = alpha * syn.get(n)[i] + (1 - alpha) * w * in;
              in = syn.get(n)[i];
            }
            double beta = Math.exp(-dt / tau[i]);
            double vv = beta * v.get(n)[i] + (1 - beta) * (leak[i] + r[i] * in);
            s.get(n)[t][i] = vv > th[i];
            v.get(n)[i] = vv > th[i] ? reset[i] : vv;
          }
        }
      }
      return s;
    }

    /**
     * Adds what flows along the path ending at {@code node} from {@code from}: walking back through
     * Linear/Affine (weights, bias) and Delay nodes to an Input (same step) or a neuron (one step).
     */
    private static void add(NirGraph g, String from, String node, int t, int delaySteps, int hops, double[][] weight,
        double[] drive, Map<String, double[][]> x, Map<String, boolean[][]> s) {
      NirNode f = g.node(from);
      switch (f.type()) {
        case "Linear", "Affine" -> {
          double[][] w = f.param("weight").rows();
          if (f.param("bias") != null) {
            double[] b = f.param("bias").values();
            for (int i = 0; i < drive.length; i++) {
              drive[i] += b[i];
            }
          }
          add(g, g.into(from).get(0).source(), node, t, delaySteps, hops, w, drive, x, s);
        }
        case "Delay" -> add(g, g.into(from).get(0).source(), node, t,
            delaySteps + (int) Math.round(f.param("delay").values()[0] / DT), hops, weight, drive, x, s);
        case "Input" -> {
          int at = t - delaySteps;
          if (at >= 0) {
            accumulate(weight, x.get(from)[at], drive);
          }
        }
        default -> { // a neuron: its spikes, one step (or the delay) earlier
          int at = t - Math.max(1, delaySteps);
          if (at >= 0) {
            boolean[] spikes = s.get(from)[at];
            double[] out = new double[spikes.length];
            for (int j = 0; j < out.length; j++) {
              out[j] = spikes[j] ? 1 : 0;
            }
            accumulate(weight, out, drive);
          }
        }
      }
    }

    private static void accumulate(double[][] weight, double[] signal, double[] drive) {
      for (int i = 0; i < drive.length; i++) {
        if (weight == null) {
          drive[i] += signal[i];
        } else {
          for (int j = 0; j < signal.length; j++) {
            drive[i] += weight[i][j] * signal[j];
          }
        }
      }
    }
  }
}
