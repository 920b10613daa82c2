package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.export.nir.NirArray;
import org.neuromechfly.dmn.export.nir.NirConvention;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.export.nir.NirOptions;
import org.neuromechfly.dmn.export.nir.TauMapping;
import org.neuromechfly.dmn.model.ResetMode;

class NirRoundTripTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(NirConvention.class)
  void exportImportExportGivesEqualParameters(NirConvention convention) throws Exception {
    for (TauMapping mapping : TauMapping.values()) {
      CircuitParameters original = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
      NirOptions options = NirOptions.of(convention).withTauMapping(mapping);
      Path first = tmp.resolve(convention + "-" + mapping + "-1.nir");
      Exports.nir(CircuitSource.of(original), first, options);
      Path folder = tmp.resolve(convention + "-" + mapping);
      var imported = Exports.importNir(first, folder, null);
      assertTrue(Files.readString(imported.circuitFile()).contains("projection HID -> HID dense sign inhibitory"));
      assertTrue(Files.size(imported.weightsFile()) > 100);
      CircuitParameters back = imported.circuit().parameters();
      // engine-form values survive the trip
      for (PopulationParameters p : original.populations()) {
        PopulationParameters q = back.population(p.name());
        assertArrayEquals(p.tauMem(), q.tauMem(), 1e-15, p.name());
        assertArrayEquals(p.threshold(), q.threshold(), 0.0);
        assertArrayEquals(p.bias(), q.bias(), 1e-15);
        assertEquals(p.population().neuron().resetMode(), q.population().neuron().resetMode());
      }
      for (int k = 0; k < original.projections().size(); k++) {
        ProjectionWeights a = original.projections().get(k);
        ProjectionWeights b = back.projections().stream().filter(x -> x.label().equals(a.label())).findFirst()
            .orElseThrow();
        assertEquals(a.label(), b.label());
        assertEquals(a.delaySteps(), b.delaySteps());
        double[][] da = a.dense();
        double[][] db = b.dense();
        for (int i = 0; i < da.length; i++) {
          assertArrayEquals(da[i], db[i], 1e-14 * 2, a.label() + " row " + i);
        }
      }
      // and the second export equals the first, dataset by dataset
      Path second = tmp.resolve(convention + "-" + mapping + "-2.nir");
      Exports.nir(CircuitSource.of(back), second, options);
      assertGraphsEqual(NirFile.read(first).graph(), NirFile.read(second).graph());
    }
  }

  private static void assertGraphsEqual(NirGraph a, NirGraph b) {
    assertEquals(a.nodes().keySet(), b.nodes().keySet());
    assertEquals(new java.util.HashSet<>(a.edges()), new java.util.HashSet<>(b.edges()));
    for (String name : a.nodes().keySet()) {
      assertEquals(a.node(name).type(), b.node(name).type(), name);
      assertEquals(a.node(name).params().keySet(), b.node(name).params().keySet(), name);
      for (var p : a.node(name).params().entrySet()) {
        NirArray x = p.getValue();
        NirArray y = b.node(name).param(p.getKey());
        assertArrayEquals(x.shape(), y.shape(), name + "." + p.getKey());
        for (int i = 0; i < x.values().length; i++) {
          assertEquals(x.values()[i], y.values()[i], 1e-12 * Math.max(1, Math.abs(x.values()[i])),
              name + "." + p.getKey() + "[" + i + "]");
        }
      }
    }
  }

  @Test
  void importedTextDescribesTheCircuit() throws Exception {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    Exports.nir(CircuitSource.of(c), tmp.resolve("c.nir"), NirOptions.defaults());
    var imported = Exports.importNir(tmp.resolve("c.nir"), tmp.resolve("out"), null);
    String text = Files.readString(imported.circuitFile());
    assertTrue(text.contains("circuit SmallChain"), text);
    assertTrue(text.contains("population HID : unmapped {"), text);
    assertTrue(text.contains("  tau_mem 20 ms"), text);
    assertTrue(text.contains("  tau_syn 5 ms"), text);
    assertTrue(text.contains("  reset subtract"), text);
    assertTrue(text.contains("projection HID -> OUT dense sign excitatory weight constant("), text);
    assertTrue(text.contains(" delay 3 ms"), text);
    assertTrue(text.contains("// receives the graph's input 'input' (12 channels) directly\npopulation IN : unmapped {"),
        text);
    assertEquals(ResetMode.ZERO, imported.circuit().parameters().population("OUT").population().neuron().resetMode());
    assertEquals("SmallChain.weights.json", imported.weightsFile().getFileName().toString());
  }
}
