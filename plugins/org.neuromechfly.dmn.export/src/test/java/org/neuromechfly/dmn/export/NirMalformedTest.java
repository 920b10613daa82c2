package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.export.nir.NirArray;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirFormatException;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.export.nir.NirNode;

/** Malformed NIR files give errors that name the node and the problem. */
class NirMalformedTest {
  @TempDir Path tmp;

  private static Map<String, NirArray> lifParams(int n, double tau) {
    Map<String, NirArray> p = new LinkedHashMap<>();
    p.put("tau", NirArray.vector(fill(n, tau)));
    p.put("r", NirArray.vector(fill(n, 1)));
    p.put("v_leak", NirArray.vector(fill(n, 0)));
    p.put("v_threshold", NirArray.vector(fill(n, 1)));
    return p;
  }

  private static double[] fill(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private NirFormatException importFails(Map<String, NirNode> nodes, List<NirGraph.Edge> edges) {
    Path file = tmp.resolve("bad" + System.nanoTime() + ".nir");
    NirFile.write(new NirGraph(nodes, edges, Map.of("dt", 0.001)), file);
    return assertThrows(NirFormatException.class, () -> Exports.importNir(file, tmp.resolve("out"), null));
  }

  private Map<String, NirNode> base() {
    Map<String, NirNode> nodes = new LinkedHashMap<>();
    nodes.put("input", NirNode.of("Input", Map.of("shape", NirArray.shape(3))));
    nodes.put("a", NirNode.of("LIF", lifParams(3, 0.01)));
    nodes.put("w", NirNode.of("Linear", Map.of("weight", NirArray.matrix(new double[2][3]))));
    nodes.put("b", NirNode.of("LIF", lifParams(2, 0.02)));
    return nodes;
  }

  private static final List<NirGraph.Edge> EDGES = List.of(new NirGraph.Edge("input", "a"),
      new NirGraph.Edge("a", "w"), new NirGraph.Edge("w", "b"));

  @Test
  void wellFormedBaseImports() throws Exception {
    Path file = tmp.resolve("ok.nir");
    NirFile.write(new NirGraph(base(), EDGES, Map.of("dt", 0.001)), file);
    var imported = Exports.importNir(file, tmp.resolve("ok"), null);
    assertEquals(2, imported.circuit().parameters().populations().size());
  }

  @Test
  void scalarParameter() {
    var nodes = base();
    var p = lifParams(2, 0.02);
    p.put("tau", new NirArray(new int[0], new double[] {0.02}, false));
    nodes.put("b", NirNode.of("LIF", p));
    var e = importFails(nodes, EDGES);
    assertEquals("b", e.node());
    assertTrue(e.getMessage().contains("node 'b': parameter 'tau' must be 1-D of length N, found ()"), e.getMessage());
  }

  @Test
  void unequalLengths() {
    var nodes = base();
    var p = lifParams(2, 0.02);
    p.put("v_threshold", NirArray.vector(fill(3, 1)));
    nodes.put("b", NirNode.of("LIF", p));
    var e = importFails(nodes, EDGES);
    assertTrue(e.getMessage().contains("node 'b': parameter 'v_threshold' has length 3 but '"), e.getMessage());
  }

  @Test
  void transposedWeight() {
    var nodes = base();
    nodes.put("w", NirNode.of("Linear", Map.of("weight", NirArray.matrix(new double[3][2]))));
    var e = importFails(nodes, EDGES);
    assertEquals("w", e.node());
    assertTrue(e.getMessage().contains("looks transposed: NIR weights are (out, in)"), e.getMessage());
  }

  @Test
  void nonPositiveTau() {
    var nodes = base();
    nodes.put("b", NirNode.of("LIF", lifParams(2, -0.02)));
    var e = importFails(nodes, EDGES);
    assertTrue(e.getMessage().contains("node 'b': 'tau' must be positive (seconds), found -0.02"), e.getMessage());
  }

  @Test
  void extraDataset() {
    var nodes = base();
    var p = lifParams(2, 0.02);
    p.put("gain", NirArray.vector(fill(2, 1)));
    nodes.put("b", NirNode.of("LIF", p));
    var e = importFails(nodes, EDGES);
    assertTrue(e.getMessage().contains("node 'b': LIF has an unexpected dataset 'gain'"), e.getMessage());
  }

  @Test
  void missingParameter() {
    var nodes = base();
    var p = lifParams(2, 0.02);
    p.remove("v_threshold");
    nodes.put("b", NirNode.of("LIF", p));
    var e = importFails(nodes, EDGES);
    assertTrue(e.getMessage().contains("node 'b': LIF lacks its parameter 'v_threshold'"), e.getMessage());
  }

  @Test
  void edgeToMissingNode() {
    var e = importFails(base(), List.of(new NirGraph.Edge("input", "a"), new NirGraph.Edge("a", "ghost")));
    assertTrue(e.getMessage().contains("node 'ghost': edge a -> ghost names a node that does not exist"), e.getMessage());
  }

  @Test
  void unsupportedNodeTypeOnImport() {
    var nodes = base();
    nodes.put("c", NirNode.of("Conv2d", Map.of()));
    var e = importFails(nodes, EDGES);
    assertTrue(e.getMessage().contains("node 'c': node type Conv2d has no counterpart"), e.getMessage());
  }

  @Test
  void typeStoredAsAttribute() {
    Path file = tmp.resolve("attr.nir");
    try (var f = HdfFile.write(file)) {
      f.putDataset("version", "1.0.7");
      var g = f.putGroup("node");
      g.putDataset("type", "NIRGraph");
      var node = g.putGroup("nodes").putGroup("x");
      node.putAttribute("type", "LIF");
      g.putDataset("edges", new String[][] {{"x", "x"}});
    }
    var e = assertThrows(NirFormatException.class, () -> NirFile.read(file));
    assertTrue(e.getMessage().contains("node 'x': 'type' is stored as an HDF5 attribute"), e.getMessage());
  }

  @Test
  void missingVersion() {
    Path file = tmp.resolve("noversion.nir");
    try (var f = HdfFile.write(file)) {
      f.putGroup("node").putDataset("type", "NIRGraph");
    }
    var e = assertThrows(NirFormatException.class, () -> NirFile.read(file));
    assertTrue(e.getMessage().startsWith("NIR: noversion.nir has no scalar string dataset 'version'"), e.getMessage());
  }

  @Test
  void missingDtIsExplained() throws Exception {
    Path file = tmp.resolve("nodt.nir");
    NirFile.write(new NirGraph(base(), EDGES, Map.of()), file);
    var e = assertThrows(NirFormatException.class, () -> Exports.importNir(file, tmp.resolve("o"), null));
    assertTrue(e.getMessage().contains("no positive 'dt'"), e.getMessage());
    assertEquals(2, Exports.importNir(file, tmp.resolve("o"), 0.001).circuit().parameters().populations().size());
  }
}
