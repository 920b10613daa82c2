package org.neuromechfly.dmn.connectome.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.RealData;
import org.neuromechfly.dmn.connectome.TestCircuits;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Connectivity.ConnectomeQuery;
import org.neuromechfly.dmn.model.WeightInit;

class ConnectomeWiringTest {

  private static final String HEMIBRAIN = "hemibrain_v1.2.1_mushroom_body";

  private static CircuitSpec mushroomBody(int pnCount, String sha256) {
    return TestCircuits.circuit()
        .source(new ConnectomeSource("hemibrain", ConnectomeFormat.NEUPRINT, HEMIBRAIN, "v1.2.1", sha256))
        .population("PN", "uPN", pnCount)
        .population("KC", "KC", 1919)
        .population("MBON", "MBON", 57)
        .projection(
            "PN", "KC",
            new Connectivity.FromConnectome(
                "hemibrain", new ConnectomeQuery("CA(R)", ".*PN", "KC.*", null, 3)),
            new WeightInit.SynapseScaled(0.01))
        .projection(
            "KC", "MBON",
            new Connectivity.FromConnectome("hemibrain", new ConnectomeQuery(null, "KC.*", "MBON.*", null, 1)),
            new WeightInit.Xavier())
        .build();
  }

  @Test
  void buildsTheHemibrainMushroomBody(@TempDir Path cache) {
    RealData.require(HEMIBRAIN);
    DataDirectory data = RealData.directory().withCache(cache);
    CircuitWiring w = CircuitWiringBuilder.build(mushroomBody(119, null), data);
    ProjectionWiring pnKc = w.projection("PN", "KC").orElseThrow();
    assertEquals(119, pnKc.edges().sourceCount());
    assertEquals(1919, pnKc.edges().targetCount());
    // 86.4 % of the 11,479 PN-KC pairs in CA(R) have at least 3 synapses (python check: 9918).
    assertEquals(9918, pnKc.edges().edgeCount());
    assertEquals(pnKc.edges().synapses()[0] * 0.01f, pnKc.initialMagnitudes()[0], 1e-6);
    assertEquals(2, w.provenance().size());
    DataProvenance p = w.provenance().get(0);
    assertEquals("neuprint", p.format());
    assertEquals("v1.2.1", p.version());
    assertEquals(64, p.sha256().length());
    assertTrue(p.query().contains("roi=CA(R)"), p.query());

    // Second build: served from the cache, identical arrays.
    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(2, entries.count());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    CircuitWiring again = CircuitWiringBuilder.build(mushroomBody(119, p.sha256()), data);
    assertEquals(pnKc.edges(), again.projection("PN", "KC").orElseThrow().edges());
    assertEquals(p.cacheKey(), again.provenance().get(0).cacheKey());
    // who the cells are survives the cache: ids, types and sides of every population
    assertEquals(w.cells(), again.cells());
    PopulationCells kcs = again.cells("KC").orElseThrow();
    assertEquals(1919, kcs.size());
    assertTrue(kcs.types()[0].startsWith("KC"), kcs.types()[0]);
    assertEquals("right", kcs.sides()[0]);
  }

  @Test
  void countMismatchSaysWhatWasSelected() {
    RealData.require(HEMIBRAIN);
    ConnectomeException e =
        assertThrows(
            ConnectomeException.class,
            () -> CircuitWiringBuilder.build(mushroomBody(150, null), RealData.directory()));
    assertTrue(e.getMessage().contains("selects 119 neurons"), e.getMessage());
    assertTrue(e.getMessage().contains("DA1_lPN=7"), e.getMessage());
    assertTrue(e.getMessage().contains("Set count 119"), e.getMessage());
  }

  @Test
  void pinnedChecksumMismatchIsAnError() {
    RealData.require(HEMIBRAIN);
    ConnectomeException e =
        assertThrows(
            ConnectomeException.class,
            () -> CircuitWiringBuilder.build(mushroomBody(119, "00".repeat(32)), RealData.directory()));
    assertTrue(e.getMessage().contains("but the model pins 0000"), e.getMessage());
    assertTrue(e.getMessage().contains("v1.2.1"), e.getMessage());
  }

  @Test
  void emptySelectionNamesTheQuery(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("neurons.csv"), "bodyId,type,instance\n1,DA1_lPN,a_R\n2,KCg-m,b_R\n");
    Files.writeString(dir.resolve("e.csv"), "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),5\n");
    CircuitSpec spec =
        TestCircuits.circuit()
            .source(new ConnectomeSource("mini", ConnectomeFormat.NEUPRINT, dir.toString(), null, null))
            .population("PN", "uPN", 1)
            .population("KC", "KC", 1)
            .projection(
                "PN", "KC",
                new Connectivity.FromConnectome("mini", new ConnectomeQuery("CA(R)", "uPN", "KC.*", null, 1)),
                new WeightInit.Constant(1))
            .build();
    ConnectomeException e =
        assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(spec, DataDirectory.of(dir)));
    assertTrue(e.getMessage().contains("pre_type 'uPN' selects no neuron of 'mini'"), e.getMessage());
    assertTrue(e.getMessage().contains("DA1_lPN"), e.getMessage());

    CircuitSpec wrongRoi =
        TestCircuits.circuit()
            .source(new ConnectomeSource("mini", ConnectomeFormat.NEUPRINT, dir.toString(), null, null))
            .population("PN", "uPN", 1)
            .population("KC", "KC", 1)
            .projection(
                "PN", "KC",
                new Connectivity.FromConnectome("mini", new ConnectomeQuery("CA(L)", ".*PN", "KC.*", null, 1)),
                new WeightInit.Constant(1))
            .build();
    e = assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(wrongRoi, DataDirectory.of(dir)));
    assertTrue(e.getMessage().contains("roi=CA(L)") && e.getMessage().contains("[CA(R)]"), e.getMessage());

    CircuitSpec missing =
        TestCircuits.circuit()
            .source(new ConnectomeSource("gone", ConnectomeFormat.NEUPRINT, "nowhere", null, null))
            .population("PN", "uPN", 1)
            .projection(
                "PN", "PN",
                new Connectivity.FromConnectome("gone", new ConnectomeQuery(null, null, null, null, 1)),
                new WeightInit.Constant(1))
            .build();
    e = assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(missing, DataDirectory.of(dir)));
    assertTrue(e.getMessage().contains("-Ddmn.data.dir"), e.getMessage());
  }

  @Test
  void syntheticSourceNeedsNoData() {
    CircuitSpec spec =
        TestCircuits.circuit()
            .population("PN", "uPN", 0)
            .population("KC", "KC", 2000)
            .projection(
                "PN", "KC",
                new Connectivity.FromConnectome("synthetic", new ConnectomeQuery("CA", ".*_uPN", "KC.*", null, 1)),
                new WeightInit.SynapseScaled(1))
            .build();
    ConnectomeException e =
        assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(spec, DataDirectory.of(Path.of("x"))));
    assertTrue(e.getMessage().contains("population PN has count 0"), e.getMessage());
    String selected = e.getMessage().replaceAll(".*selects (\\d+) neurons.*", "$1");
    CircuitSpec fixed =
        TestCircuits.circuit()
            .population("PN", "uPN", Integer.parseInt(selected))
            .population("KC", "KC", 2000)
            .projection(
                "PN", "KC",
                new Connectivity.FromConnectome("synthetic", new ConnectomeQuery("CA", ".*_uPN", "KC.*", null, 1)),
                new WeightInit.SynapseScaled(1))
            .build();
    CircuitWiring w = CircuitWiringBuilder.build(fixed, DataDirectory.of(Path.of("x")));
    assertEquals(6.5, (double) w.projections().get(0).edges().edgeCount() / 2000, 0.3);
    assertNotNull(w.provenance().get(0).query());
  }
}
