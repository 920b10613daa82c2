package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.cli.DmnCommandLineTest.Result;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.export.nir.NirArray;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.export.nir.NirNode;

/**
 * {@code dmn import} of NIR graphs from other tools and of the graphs issue #12 found broken: each
 * becomes a model {@code dmn validate} accepts, or is refused in one line naming the node.
 */
class NirImportCommandTest {
  @TempDir Path dir;

  private static Path samples() {
    Path folder = DataDirectory.fromSystemProperty().root().resolve("nir_samples");
    assumeTrue(Files.isDirectory(folder), "needs ../shared/data/nir_samples (data path)");
    return folder;
  }

  /** Norse, Rockpool and the NIR paper's two-neuron graph: imported with --dt in units, then validated. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "paper_01_lif_lif_norse.nir, 1=KC",
    "paper_01_lif_lif_rockpool.nir, 1_LIFNeuronTorch=PN",
    "paper_01_lif_debug_spike_representation_two_lif_neurons.nir, lif1=ORN",
  })
  void samplesFromOtherToolsImportAndValidate(String file, String mapping) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Result imported = DmnCommandLineTest.dmn("import", samples().resolve(file).toString(), "--out", out.toString(),
        "--dt", "0.1 ms", "--cell-type", mapping);
    assertEquals(0, imported.exit(), imported.err());
    Path circuit = circuitIn(out);
    String text = Files.readString(circuit);
    assertTrue(text.contains(": " + mapping.split("=")[1] + " {"), text);
    Result validated = DmnCommandLineTest.dmn("validate", circuit.toString());
    assertEquals(0, validated.exit(), text + "\n" + validated.out() + validated.err());
    assertFalse(validated.out().contains("error") || validated.err().contains("error"), validated.out() + validated.err());
  }

  @Test
  void unmappedCellTypesAreSkippedByTheReferenceChecksWithAnInfo() throws Exception {
    Path out = Files.createDirectories(dir.resolve("u"));
    Result imported = DmnCommandLineTest.dmn("import", samples().resolve("paper_01_lif_lif_norse.nir").toString(),
        "--out", out.toString(), "--dt", "0.1ms");
    assertEquals(0, imported.exit(), imported.err());
    Path circuit = circuitIn(out);
    assertTrue(Files.readString(circuit).contains(": unmapped {"));
    Result validated = DmnCommandLineTest.dmn("validate", circuit.toString());
    assertEquals(0, validated.exit(), validated.out() + validated.err());
    assertFalse((validated.out() + validated.err()).contains("Unknown cell type"), validated.out() + validated.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "paper_02_cnn_cnn_sinabs.nir, Conv2d",
    "paper_03_rnn_braille_noDelay_bias_zero.nir, both signs",
  })
  void graphsACircuitCannotHoldAreRefusedInOneLine(String file, String why) {
    Result r = DmnCommandLineTest.dmn("import", samples().resolve(file).toString(), "--out", dir.toString(), "--dt",
        "0.1ms");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: NIR: node '"), r.err());
    assertTrue(r.err().contains(why), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void dtTakesAUnitAsEverywhereElse() {
    Path nir = samples().resolve("paper_01_lif_lif_norse.nir");
    Result missing = DmnCommandLineTest.dmn("import", nir.toString(), "--out", dir.toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("--dt 1ms"), missing.err());
    Result bare = DmnCommandLineTest.dmn("import", nir.toString(), "--out", dir.toString(), "--dt", "0.001");
    assertEquals(1, bare.exit());
    assertTrue(bare.err().contains("has no unit"), bare.err());
    Result length = DmnCommandLineTest.dmn("import", nir.toString(), "--out", dir.toString(), "--dt", "1 mm");
    assertTrue(length.err().contains("not a positive time"), length.err());
    assertEquals(0, DmnCommandLineTest.dmn("import", nir.toString(), "--out", dir.toString(), "--dt", "1ms").exit());
  }

  // --- issue #12: graphs whose import used to give models that failed validation, or dropped parts ---

  private static Map<String, NirArray> lif(int n, double r, double threshold) {
    Map<String, NirArray> p = new LinkedHashMap<>();
    p.put("tau", NirArray.vector(fill(n, 0.01)));
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

  /** input -> w_in -> A (LIF) -> w -> B (LIF), with the given names and values. */
  private Path graph(String file, String a, String b, double r, double threshold, double weight, boolean selfEdge)
      throws Exception {
    Map<String, NirNode> nodes = new LinkedHashMap<>();
    nodes.put("input", NirNode.of("Input", Map.of("shape", NirArray.shape(2))));
    nodes.put("w_in", NirNode.of("Linear", Map.of("weight", NirArray.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}}))));
    nodes.put(a, NirNode.of("LIF", lif(3, 1, 1)));
    nodes.put("w", NirNode.of("Linear", Map.of("weight", NirArray.matrix(new double[][] {{weight, weight, weight},
        {weight, 0, weight}}))));
    nodes.put(b, NirNode.of("LIF", lif(2, r, threshold)));
    List<NirGraph.Edge> edges = new java.util.ArrayList<>(List.of(new NirGraph.Edge("input", "w_in"),
        new NirGraph.Edge("w_in", a), new NirGraph.Edge(a, "w"), new NirGraph.Edge("w", b)));
    if (selfEdge) {
      edges.add(new NirGraph.Edge(a, a));
    }
    Path path = dir.resolve(file);
    NirFile.write(new NirGraph(nodes, edges, Map.of("dt", 0.001)), path);
    return path;
  }

  private Path importAndValidate(Path nir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("i-" + nir.getFileName()));
    Result imported = DmnCommandLineTest.dmn("import", nir.toString(), "--out", out.toString());
    assertEquals(0, imported.exit(), imported.err());
    Path circuit = circuitIn(out);
    Result validated = DmnCommandLineTest.dmn("validate", circuit.toString());
    assertEquals(0, validated.exit(), Files.readString(circuit) + "\n" + validated.out() + validated.err());
    return circuit;
  }

  @Test
  void keywordNamesAreEscaped() throws Exception {
    Path circuit = importAndValidate(graph("delay.nir", "population", "circuit", 1, 1, 0.5, false));
    String text = Files.readString(circuit);
    assertTrue(text.contains("circuit ^delay"), text);
    assertTrue(text.contains("population ^population : unmapped"), text);
    assertTrue(text.contains("projection ^population -> ^circuit dense"), text);
  }

  @Test
  void negativeWeightsBecomeAnInhibitoryProjection() throws Exception {
    String text = Files.readString(importAndValidate(graph("neg.nir", "KC", "MBON", 1, 1, -0.5, false)));
    assertTrue(text.contains("projection KC -> MBON dense sign inhibitory weight constant(0.5)"), text);
  }

  @Test
  void aDirectEdgeBecomesAOneToOneProjection() throws Exception {
    String text = Files.readString(importAndValidate(graph("self.nir", "KC", "MBON", 1, 1, 0.5, true)));
    assertTrue(text.contains("projection KC -> KC one_to_one sign excitatory weight constant(1)"), text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "threshold.nir, 1, -1, 0.5, node 'B': parameter 'v_threshold' is -1",
    "gain.nir, 0, 1, 0.5, node 'B': parameter 'r' is 0",
    "huge.nir, 1, 1, 1e308, beyond what its float32 weights hold",
  })
  void valuesTheEngineCannotRunAreRefusedNamingTheNode(String file, double r, double threshold, double weight,
      String message) throws Exception {
    Result res = DmnCommandLineTest.dmn("import", graph(file, "A", "B", r, threshold, weight, false).toString(),
        "--out", dir.toString());
    assertEquals(1, res.exit(), res.out() + res.err());
    assertTrue(res.err().contains(message), res.err());
    assertFalse(res.err().contains("Character"), res.err());
  }

  private static Path circuitIn(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".circuit")).findFirst().orElseThrow();
    }
  }
}
