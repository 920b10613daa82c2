package org.neuromechfly.dmn.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.cli.Dmn;
import org.neuromechfly.dmn.export.nir.NirArray;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The headless build honours the examples' {@code export} blocks as the IDE's builder does: for every
 * example whose generated IR declares exports, {@code dmn export MODEL --nir|--loihi FILE} (the command's
 * own entry point, on the model's initial circuit) writes the bundles under
 * {@code target/exports/<model>/<declared path>} — never into the source tree. The NIR files are then
 * read back, by jhdf and by h5py, and checked against the model.
 */
class DeclaredExportsTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path GENERATED = MODULE.resolve("target/generated-sources/circuit");
  /** Where the build writes each model's declared bundles: one folder per model file. */
  static final Path EXPORTS = MODULE.resolve("target/exports");

  /** An example with declared exports: its source file, its IR, and where its bundles went. */
  record Example(Path source, CircuitSpec circuit, Path folder) {
    Path nir() {
      return circuit.exports().nir() == null ? null : folder.resolve(circuit.exports().nir());
    }

    Path loihi() {
      return circuit.exports().loihi() == null ? null : folder.resolve(circuit.exports().loihi());
    }
  }

  private static final List<Example> EXAMPLES = new ArrayList<>();

  @BeforeAll
  static void exportEveryDeclaringExample() throws Exception {
    for (Example example : declaringExamples(EXPORTS)) {
      export(example);
      EXAMPLES.add(example);
    }
  }

  /** The examples (by their generated manifests and IR) whose model declares an export, sorted by file. */
  static List<Example> declaringExamples(Path exports) throws Exception {
    List<Example> examples = new ArrayList<>();
    List<Path> manifests;
    try (Stream<Path> files = Files.list(GENERATED)) {
      manifests = files.filter(f -> f.getFileName().toString().endsWith(".manifest.json")).sorted().toList();
    }
    for (Path manifest : manifests) {
      var json = CircuitJson.mapper().readTree(manifest.toFile());
      CircuitSpec circuit = CircuitJson.read(Files.readString(GENERATED.resolve(json.get("circuit").asText() + ".ir.json")));
      if (circuit.exports().nir() == null && circuit.exports().loihi() == null) {
        continue;
      }
      Path source = MODULE.resolve(json.get("source").asText());
      String stem = source.getFileName().toString().replaceFirst("\\.circuit$", "");
      examples.add(new Example(source, circuit, exports.resolve(stem)));
    }
    examples.sort((a, b) -> a.source().compareTo(b.source()));
    return examples;
  }

  /** {@code dmn export MODEL --nir …/declared --loihi …/declared}, as the editor's builder runs it. */
  static void export(Example example) throws Exception {
    List<String> args = new ArrayList<>(List.of("export", example.source().toString()));
    if (example.nir() != null) {
      args.addAll(List.of("--nir", example.nir().toString()));
    }
    if (example.loihi() != null) {
      args.addAll(List.of("--loihi", example.loihi().toString()));
    }
    Files.createDirectories(example.folder());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // --force: a rebuild without `clean` replaces what an older model version exported
    args.add("--force");
    int exit = Dmn.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    assertEquals(0, exit, "dmn " + String.join(" ", args) + "\n" + out + err);
  }

  @Test
  void everyDeclaredBundleIsWrittenUnderTarget() throws Exception {
    List<String> declaring = EXAMPLES.stream().map(e -> e.source().getFileName().toString()).toList();
    // the examples that declare exports today; a new one is picked up from its IR without editing this test
    assertTrue(declaring.containsAll(List.of("energy_sweep.circuit", "olfactory.circuit", "olfactory_loihi2.circuit")), declaring.toString());
    for (Example e : EXAMPLES) {
      for (Path file : Stream.of(e.nir(), e.loihi()).filter(p -> p != null).toList()) {
        assertTrue(Files.size(file) > 1000, file + " missing or empty");
      }
      if (e.loihi() != null) {
        // the quantisation report is written beside the netx bundle
        try (Stream<Path> files = Files.list(e.folder())) {
          assertTrue(files.anyMatch(f -> !f.equals(e.loihi()) && f.getFileName().toString().startsWith(e.loihi().getFileName().toString().replaceFirst("\\.net$", ""))),
              "no quantisation report beside " + e.loihi());
        }
      }
    }
  }

  @Test
  void exportsAreByteForByteReproducible(@TempDir Path again) throws Exception {
    int compared = 0;
    for (Example e : declaringExamples(again)) {
      export(e);
      List<Path> files;
      try (Stream<Path> made = Files.list(e.folder())) {
        files = made.sorted().toList(); // the bundles and the Loihi quantisation report
      }
      for (Path file : files) {
        Path built = EXPORTS.resolve(again.relativize(file));
        assertArrayEquals(Files.readAllBytes(built), Files.readAllBytes(file), built + " differs on a second export");
        compared++;
      }
    }
    assertTrue(compared >= 4, "compared " + compared + " files");
  }

  /** Read back with jhdf: one neuron node per population, one weight node per projection, wired as the model. */
  @Test
  void nirGraphsMatchTheirModels() {
    int checked = 0;
    for (Example e : EXAMPLES) {
      if (e.nir() == null) {
        continue;
      }
      NirGraph graph = NirFile.read(e.nir()).graph();
      for (Population p : e.circuit().populations()) {
        var node = graph.node(p.name());
        assertTrue(node != null && List.of("LIF", "CubaLIF", "LI", "CubaLI").contains(node.type()), e.nir() + ": " + p.name());
        for (var param : node.params().entrySet()) {
          assertArrayEquals(new int[] {p.count()}, param.getValue().shape(), p.name() + "." + param.getKey());
        }
      }
      for (Projection pr : e.circuit().projections()) {
        String name = pr.source() + "_to_" + pr.target();
        var node = graph.node(name);
        assertTrue(node != null, e.nir() + " has no node " + name);
        NirArray weight = node.param("weight");
        assertArrayEquals(new int[] {count(e, pr.target()), count(e, pr.source())}, weight.shape(), name);
        assertTrue(graph.edges().contains(new NirGraph.Edge(pr.source(), name)), name + " is not fed by " + pr.source());
        assertTrue(reaches(graph, name, pr.target()), name + " does not reach " + pr.target());
      }
      checked++;
    }
    assertTrue(checked >= 2, "the NIR-declaring examples were not exported");
  }

  /**
   * Read back with h5py, an HDF5 implementation independent of the jhdf we write with (as nir.read does):
   * the same nodes, types, shapes and weight sums. Skipped without python3-h5py.
   */
  @Test
  void h5pyReadsTheSameGraphs(@TempDir Path tmp) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(python.toString(), "-c", "import h5py").redirectErrorStream(true).start();
    assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "h5py not installed");
    Path script = tmp.resolve("summary.py");
    Files.writeString(script, """
        import sys, h5py
        with h5py.File(sys.argv[1], "r") as f:
            assert f["node"]["type"][()] == b"NIRGraph"
            nodes = f["node"]["nodes"]
            for name in sorted(nodes):
                node = nodes[name]
                shapes = ";".join(k + "=" + "x".join(str(d) for d in node[k].shape) for k in sorted(node) if k != "type")
                w = "%.6e" % node["weight"][()].sum() if "weight" in node else "-"
                print(name, node["type"][()].decode(), shapes or "-", w)
        """);
    for (Example e : EXAMPLES) {
      if (e.nir() == null) {
        continue;
      }
      Process p = new ProcessBuilder(python.toString(), script.toString(), e.nir().toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), output);
      assertEquals(jhdfSummary(NirFile.read(e.nir()).graph()), output.strip(), e.nir().toString());
    }
  }

  /** The lines the h5py script prints, from the graph jhdf read. */
  private static String jhdfSummary(NirGraph graph) {
    List<String> lines = new ArrayList<>();
    for (var node : new TreeMap<>(graph.nodes()).entrySet()) {
      List<String> shapes = new ArrayList<>();
      for (var param : new TreeMap<>(node.getValue().params()).entrySet()) {
        List<String> dims = new ArrayList<>();
        for (int d : param.getValue().shape()) {
          dims.add(Integer.toString(d));
        }
        shapes.add(param.getKey() + "=" + String.join("x", dims));
      }
      NirArray weight = node.getValue().params().get("weight");
      String w = "-";
      if (weight != null) {
        double sum = 0;
        for (double v : weight.values()) {
          sum += v;
        }
        w = String.format(java.util.Locale.ROOT, "%.6e", sum);
      }
      lines.add(node.getKey() + " " + node.getValue().type() + " " + (shapes.isEmpty() ? "-" : String.join(";", shapes)) + " " + w);
    }
    return String.join("\n", lines);
  }

  private static int count(Example e, String population) {
    return e.circuit().populations().stream().filter(p -> p.name().equals(population)).findFirst().orElseThrow().count();
  }

  /** Whether a weight node feeds the population directly or through its delay node. */
  private static boolean reaches(NirGraph graph, String from, String population) {
    for (var edge : graph.outOf(from)) {
      if (edge.target().equals(population)
          || "Delay".equals(graph.node(edge.target()).type()) && graph.outOf(edge.target()).stream().anyMatch(d -> d.target().equals(population))) {
        return true;
      }
    }
    return false;
  }
}
