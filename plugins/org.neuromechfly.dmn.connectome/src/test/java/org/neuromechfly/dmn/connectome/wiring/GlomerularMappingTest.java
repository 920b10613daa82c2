package org.neuromechfly.dmn.connectome.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.RealData;
import org.neuromechfly.dmn.connectome.TestCircuits;
import org.neuromechfly.dmn.connectome.importer.GlomerulusTable;
import org.neuromechfly.dmn.connectome.importer.GlomerulusTable.Glomerulus;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Connectivity.ConnectomeQuery;
import org.neuromechfly.dmn.model.WeightInit;

/** ORN -> PN by the real glomeruli of hemibrain PNs (Schlegel et al. 2021 tables). */
class GlomerularMappingTest {
  private static final String HEMIBRAIN = "hemibrain_v1.2.1_mushroom_body";
  private static final String TABLES = "hemibrain_olf_data_schlegel2021";

  static CircuitSpec antennalLobe(int orns) {
    return TestCircuits.circuit()
        .source(new ConnectomeSource("hemibrain", ConnectomeFormat.NEUPRINT, HEMIBRAIN, "v1.2.1", null))
        .source(new ConnectomeSource("antenna", ConnectomeFormat.GLOMERULUS_MAP, TABLES, null, null))
        .population("ORN", "ORN", orns)
        .population("PN", "uPN", 119)
        .population("KC", "KC", 1919)
        .projection("ORN", "PN", new Connectivity.Glomerular(0, "antenna"), new WeightInit.Constant(1))
        .projection("PN", "KC",
            new Connectivity.FromConnectome("hemibrain", new ConnectomeQuery("CA(R)", ".*PN", "KC.*", null, 1)),
            new WeightInit.SynapseScaled(0.05))
        .build();
  }

  @Test
  void receptorNeuronsFollowTheGlomeruliOfTheHemibrainPns() {
    RealData.require(HEMIBRAIN);
    RealData.require(TABLES);
    CircuitWiring w = CircuitWiringBuilder.build(antennalLobe(2252), RealData.directory());
    PopulationCells orn = w.cells("ORN").orElseThrow();
    PopulationCells pn = w.cells("PN").orElseThrow();
    var edges = w.projection("ORN", "PN").orElseThrow().edges();
    GlomerulusTable table = GlomerulusTable.read(RealData.require(TABLES));
    Map<String, Integer> perAntenna = new HashMap<>();
    for (int i = 0; i < 1126; i++) {
      perAntenna.merge(orn.types()[i], 1, Integer::sum);
      assertEquals("left", orn.sides()[i]);
      assertEquals(orn.types()[i], orn.types()[i + 1126], "the right antenna mirrors the left");
      assertEquals("right", orn.sides()[i + 1126]);
    }
    assertEquals(51, perAntenna.size(), "51 olfactory glomeruli among the 119 calyx PNs");
    // DA1 expects 62.5 of 1126.3 receptor neurons per antenna (Grabe et al. 2016)
    assertEquals(62, perAntenna.get("ORN_DA1"));
    int silent = 0;
    Set<String> unilateral = new HashSet<>();
    for (int t = 0; t < pn.size(); t++) {
      int from = edges.rowPtr()[t];
      int to = edges.rowPtr()[t + 1];
      if (from == to) {
        assertTrue(table.nonOlfactory(pn.types()[t]), pn.types()[t] + " has no receptor input");
        silent++;
        continue;
      }
      Glomerulus g = table.glomerulusOf(pn.types()[t]).orElseThrow();
      boolean left = false;
      boolean right = false;
      for (int e = from; e < to; e++) {
        int cell = edges.sourceIndex()[e];
        assertEquals("ORN_" + g.name(), orn.types()[cell], pn.types()[t]);
        left |= cell < 1126;
        right |= cell >= 1126;
      }
      assertTrue(right, pn.types()[t] + " hears its own (right, ipsilateral) antenna");
      assertEquals(g.bilateral(), left, pn.types()[t] + " hears the left antenna only if bilateral");
      assertEquals((g.bilateral() ? 2 : 1) * perAntenna.get("ORN_" + g.name()), to - from);
      if (!g.bilateral()) {
        unilateral.add(g.name());
      }
    }
    assertEquals(13, silent, "thermo/hygrosensory VP PNs");
    assertEquals(Set.of("V", "VL1"), unilateral);
    // hemibrain v1.2 names three glomeruli differently: VC3l_adPN is the table's VC3_adPN
    int vc3 = Arrays.asList(pn.types()).indexOf("VC3l_adPN");
    assertEquals("ORN_VC3", orn.types()[edges.sourceIndex()[edges.rowPtr()[vc3]]]);
    assertEquals(2, w.provenance().stream().filter(p -> p.source().equals("antenna")).count()
        + w.provenance().stream().filter(p -> p.source().equals("hemibrain")).count());
  }

  @Test
  void aReceptorCountThatCannotCoverTheGlomeruliIsNamed() {
    RealData.require(HEMIBRAIN);
    RealData.require(TABLES);
    var odd = assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(antennalLobe(101), RealData.directory()));
    assertTrue(odd.getMessage().contains("ORN has 101 cells, but the 51 glomeruli of PN need an even count of at least 102"),
        odd.getMessage());
    assertTrue(odd.getMessage().contains("The table expects 2252 for both antennae"), odd.getMessage());
  }

  @Test
  void cellsAreSharedInProportionAtLeastOneEach() {
    List<Glomerulus> g = List.of(new Glomerulus("A", 60, true, null), new Glomerulus("B", 30, true, null),
        new Glomerulus("C", 1, false, null));
    assertArrayEquals(new int[] {6, 3, 1}, GlomerularMapping.allocate(g, 10));
    assertArrayEquals(new int[] {1, 1, 1}, GlomerularMapping.allocate(g, 3));
    assertArrayEquals(new int[] {59, 30, 1}, GlomerularMapping.allocate(g, 90));
    assertEquals(100, Arrays.stream(GlomerularMapping.allocate(g, 100)).sum());
  }
}
