package org.neuromechfly.dmn.export;

import org.neuromechfly.dmn.model.export.ExportFeature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.export.nir.NirArray;
import org.neuromechfly.dmn.export.nir.NirConvention;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.export.nir.NirNode;
import org.neuromechfly.dmn.export.nir.NirOptions;
import org.neuromechfly.dmn.export.nir.NirRules;
import org.neuromechfly.dmn.export.nir.TauMapping;

class NirExportTest {
  @TempDir Path tmp;

  private CircuitParameters chain() {
    return CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
  }

  @Test
  void exportedFileFollowsTheNirRules() {
    CircuitParameters c = chain();
    var result = Exports.nir(CircuitSource.of(c), tmp.resolve("chain.nir"), NirOptions.defaults());
    NirFile.Document doc = NirFile.read(result.file());
    assertEquals(NirFile.VERSION, doc.version());
    assertTrue(NirRules.problems(doc).isEmpty(), () -> NirRules.problems(doc).toString());
    NirGraph g = doc.graph();
    assertEquals("LIF", g.node("IN").type());
    assertEquals("CubaLIF", g.node("HID").type());
    assertEquals("LIF", g.node("OUT").type());
    // every neuron parameter 1-D of length N
    for (String name : List.of("IN", "HID", "OUT")) {
      int n = c.population(name).count();
      for (var p : g.node(name).params().entrySet()) {
        assertArrayEquals(new int[] {n}, p.getValue().shape(), name + "." + p.getKey());
      }
    }
    // weights (out, in), as the engine's dense [target][source]
    NirArray w = g.node("IN_to_HID").param("weight");
    assertArrayEquals(new int[] {10, 12}, w.shape());
    ProjectionWeights pw = c.projections().get(0);
    assertArrayEquals(pw.dense()[3], w.rows()[3], 0.0);
    // recurrence and the delay node
    assertTrue(g.edges().contains(new NirGraph.Edge("HID", "HID_to_HID")));
    assertTrue(g.edges().contains(new NirGraph.Edge("HID_to_HID", "HID")));
    assertEquals("Delay", g.node("HID_to_OUT_delay").type());
    assertEquals(0.003, g.node("HID_to_OUT_delay").param("delay").values()[0], 1e-15);
    // input and output
    assertEquals("Input", g.node("input").type());
    assertTrue(g.node("input").param("shape").integral());
    assertEquals(12, g.node("input").param("shape").values()[0]);
    assertTrue(g.edges().contains(new NirGraph.Edge("OUT", "output")));
    assertEquals(0.001, g.metadataNumber("dt"), 0.0);
    assertEquals("IN,HID", g.metadataString("subtractive_reset"));
  }

  @Test
  void tauIsInSecondsAndConventionsFollowTheArithmetic() {
    CircuitParameters c = chain();
    double dt = 1e-3;
    NirGraph norse = Exports.nir(CircuitSource.of(c), tmp.resolve("n.nir"), NirOptions.of(NirConvention.NORSE_SINABS)).graph();
    NirGraph snn = Exports.nir(CircuitSource.of(c), tmp.resolve("s.nir"), NirOptions.of(NirConvention.SNNTORCH)).graph();
    NirGraph euler = Exports.nir(CircuitSource.of(c), tmp.resolve("e.nir"),
        NirOptions.of(NirConvention.SNNTORCH).withTauMapping(TauMapping.EULER_MATCHED)).graph();
    // 10 ms is 0.01 s: not 10 (ms taken for s) and not 1e-5 (tau multiplied by dt, norse#411)
    assertEquals(0.010, norse.node("IN").param("tau").values()[0], 1e-15);
    assertEquals(0.020, norse.node("HID").param("tau_mem").values()[0], 1e-15);
    assertEquals(0.005, norse.node("HID").param("tau_syn").values()[0], 1e-15);
    // Norse/Sinabs: r = 1, v_leak = bias
    assertEquals(1.0, norse.node("HID").param("r").values()[0], 0.0);
    assertEquals(0.05, norse.node("HID").param("v_leak").values()[0], 1e-15);
    // snnTorch: r = tau/dt = 10 for 10 ms at 1 ms; v_leak = 0; weights divided by r
    assertEquals(10.0, snn.node("IN").param("r").values()[0], 1e-12);
    assertEquals(20.0, snn.node("HID").param("r").values()[0], 1e-12);
    assertEquals(0.0, snn.node("HID").param("v_leak").values()[0], 0.0);
    double[][] wn = norse.node("IN_to_HID").param("weight").rows();
    double[][] ws = snn.node("IN_to_HID").param("weight").rows();
    for (int i = 0; i < wn.length; i++) {
      for (int j = 0; j < wn[i].length; j++) {
        assertEquals(wn[i][j] / 20.0, ws[i][j], 1e-15);
      }
    }
    // the bias rides on an Affine node: bias / (r · w_in) for a CubaLIF target
    double wIn = 1 / (1 - Math.exp(-dt / 0.005));
    assertEquals("Affine", snn.node("IN_to_HID").type());
    assertEquals(0.05 / (20.0 * wIn), snn.node("IN_to_HID").param("bias").values()[0], 1e-15);
    assertEquals(wIn, norse.node("HID").param("w_in").values()[0], 1e-12);
    // Euler-matched tau: 1 - dt/tau' = exp(-dt/tau) exactly
    double tauW = euler.node("IN").param("tau").values()[0];
    assertEquals(dt / (1 - Math.exp(-dt / 0.010)), tauW, 1e-15);
    assertEquals(Math.exp(-dt / 0.010), 1 - dt / tauW, 1e-15);
    assertEquals(tauW / dt, euler.node("IN").param("r").values()[0], 1e-12);
    assertEquals(0.010, TauMapping.EULER_MATCHED.read(tauW, dt), 1e-15);
    // snnTorch's input transform scales input by 1/r
    assertEquals(0.1, snn.node("input_to_IN").param("weight").rows()[0][0], 1e-15);
  }

  @Test
  void noAttributesAnywhereAndLoopsAreWritten() throws Exception {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.loop(), tmp));
    var result = Exports.nir(CircuitSource.of(c), tmp.resolve("loop.nir"), NirOptions.defaults());
    NirGraph g = NirFile.read(result.file()).graph();
    assertEquals("LI", g.node("APL").type());
    assertTrue(g.edges().contains(new NirGraph.Edge("KC", "KC_to_APL")));
    assertTrue(g.edges().contains(new NirGraph.Edge("APL_to_KC", "KC")));
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("graded population APL")));
    try (HdfFile f = new HdfFile(result.file())) {
      assertNoAttributes(f);
    }
  }

  private static void assertNoAttributes(Node node) {
    assertTrue(node.getAttributes().isEmpty(), () -> node.getPath() + " has attributes " + node.getAttributes().keySet());
    if (node instanceof Group g) {
      g.getChildren().values().forEach(NirExportTest::assertNoAttributes);
    }
  }

  @Test
  void refractoryPeriodIsRefusedNamingFeatureAndTarget() {
    var spec = TestCircuits.chain();
    var p = spec.populations().get(2);
    var m = p.neuron();
    var withRefractory = new org.neuromechfly.dmn.model.NeuronModel(m.tauMem(), m.tauSyn(), m.threshold(), m.reset(),
        org.neuromechfly.dmn.model.Quantity.of(2, org.neuromechfly.dmn.model.Unit.MILLISECOND), m.resetMode(),
        m.graded(), m.bias());
    var pops = new java.util.ArrayList<>(spec.populations());
    pops.set(2, new org.neuromechfly.dmn.model.Population(p.name(), p.cellType(), p.count(), withRefractory,
        p.learned(), p.sharing()));
    var spec2 = new org.neuromechfly.dmn.model.CircuitSpec(spec.name(), null, List.of(), pops, spec.projections(),
        null, List.of(), null, null);
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(spec2, tmp));
    var e = assertThrows(ExportException.class,
        () -> Exports.nir(CircuitSource.of(c), tmp.resolve("r.nir"), NirOptions.defaults()));
    assertTrue(e.getMessage().startsWith("NIR: refractory period"), e.getMessage());
    assertTrue(e.getMessage().contains("population OUT"), e.getMessage());
    assertEquals(ExportFeature.REFRACTORY_PERIOD, e.feature());
    var lenient = Exports.nir(CircuitSource.of(c), tmp.resolve("r.nir"), NirOptions.defaults().lenient());
    assertTrue(lenient.warnings().stream().anyMatch(w -> w.startsWith("dropped:")));
  }

  @Test
  void rulesCatchProblemsInGraphsBuiltInMemory() {
    NirNode lif = NirNode.of("LIF", Map.of("tau", NirArray.vector(new double[] {0.01, 0.01}),
        "r", NirArray.vector(new double[] {1, 1}), "v_leak", NirArray.vector(new double[] {0, 0}),
        "v_threshold", NirArray.vector(new double[] {1, 1})));
    NirGraph ok = new NirGraph(Map.of("a", lif, "in", NirNode.of("Input", Map.of("shape", NirArray.shape(2)))),
        List.of(new NirGraph.Edge("in", "a")), Map.of());
    NirRules.check(ok);
    assertNotNull(ok.node("a"));
  }
}
