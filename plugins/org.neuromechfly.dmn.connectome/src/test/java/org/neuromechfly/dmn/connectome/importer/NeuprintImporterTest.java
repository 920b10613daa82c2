package org.neuromechfly.dmn.connectome.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.RealData;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

class NeuprintImporterTest {

  private static final String HEMIBRAIN = "hemibrain_v1.2.1_mushroom_body";

  @Test
  void readsTheHemibrainMushroomBody() {
    Connectome c = NeuprintImporter.read(RealData.require(HEMIBRAIN));
    assertEquals(2411, c.neurons().size());
    assertEquals(11479 + 36812 + 7788 + 56056 + 11475, c.rowCount());
    assertEquals("DM1_lPN", c.neuron(542634818L).orElseThrow().type());
    assertEquals("right", c.neuron(542634818L).orElseThrow().side());
    assertEquals(119, c.select(NeuronFilter.of(".*PN", null, null)).length);
    assertEquals(1919, c.select(NeuronFilter.of("KC.*", null, null)).length);
    assertTrue(c.rois().contains("CA(R)") && c.rois().contains("gL(R)"));
  }

  /** README: 6.46 distinct uPN partners per KC with weight >= 1, 5.65 with >= 3 (roi CA(R)). */
  @Test
  void distinctPnInputsPerKcMatchThePublishedStatistic() {
    Connectome c = NeuprintImporter.read(RealData.require(HEMIBRAIN));
    int[] pns = c.select(NeuronFilter.of(".*PN", null, null));
    int[] kcs = c.select(NeuronFilter.of("KC.*", null, null));
    EdgeList atLeastOne = c.edges(pns, kcs, "CA(R)", 1);
    EdgeList atLeastThree = c.edges(pns, kcs, "CA(R)", 3);
    assertEquals(11479, atLeastOne.edgeCount());
    assertEquals(175274, atLeastOne.totalSynapses(), 0.5);
    assertEquals(6.46, meanFanInOfInnervated(atLeastOne), 0.01);
    assertEquals(5.65, meanFanInOfInnervated(atLeastThree), 0.01);
  }

  @Test
  void kcToMbonSumsRoisPerPair() {
    Connectome c = NeuprintImporter.read(RealData.require(HEMIBRAIN));
    int[] kcs = c.select(NeuronFilter.of("KC.*", null, null));
    int[] mbons = c.select(NeuronFilter.of("MBON.*", null, null));
    EdgeList all = c.edges(kcs, mbons, null, 1);
    assertEquals(316417, all.totalSynapses(), 0.5);
    assertTrue(c.edges(kcs, mbons, "gL(R)", 1).totalSynapses() < all.totalSynapses());
  }

  private static double meanFanInOfInnervated(EdgeList edges) {
    int innervated = 0;
    for (int f : edges.fanIn()) {
      innervated += f > 0 ? 1 : 0;
    }
    return (double) edges.edgeCount() / innervated;
  }

  @Test
  void readsTheBulkExportNames(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("traced-neurons.csv"), "bodyId,instance,type\n1,A_R,PNx\n2,B_L,KCg\n");
    Files.writeString(
        dir.resolve("traced-roi-connections.csv"),
        "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),4\n1,2,PED(R),3\n2,1,CA(R),1\n");
    Connectome c = NeuprintImporter.read(dir);
    assertEquals(2, c.neurons().size());
    assertEquals("left", c.neuron(2).orElseThrow().side());
    assertEquals(7, c.edges(new int[] {0}, new int[] {1}, null, 1).totalSynapses());
    assertEquals(4, c.edges(new int[] {0}, new int[] {1}, "CA(R)", 1).totalSynapses());
    assertEquals(2, NeuprintImporter.sourceFiles(dir).size());
  }

  @Test
  void badRowsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path neurons = dir.resolve("neurons.csv");
    Files.writeString(neurons, "bodyId,type,instance\n1,PN,PN_R\n2,KC,KC_R\n");
    Path edges = dir.resolve("edges.csv");

    Files.writeString(edges, "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),3\n1,x2,CA(R),3\n");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
    assertEquals(edges + ":3:2: 'x2' is not an integer id; ids are non-negative int64 numbers (column 'bodyId_post').", e.getMessage());

    Files.writeString(edges, "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),-3\n");
    e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
    assertTrue(e.getMessage().startsWith(edges + ":2:4: synapse count -3 is negative"), e.getMessage());

    Files.writeString(edges, "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),3\n1,2,CA(R),3\n");
    e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
    assertTrue(e.getMessage().startsWith(edges + ":3:1: repeated row"), e.getMessage());
    assertTrue(e.getMessage().contains(edges + ":2"), e.getMessage());

    Files.writeString(edges, "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R)\n");
    e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
    assertTrue(e.getMessage().startsWith(edges + ":2:4: expected 4 fields"), e.getMessage());

    Files.writeString(neurons, "bodyId,type,instance\n1,PN,PN_R\n1,KC,KC_R\n");
    Files.writeString(edges, "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),3\n");
    e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
    assertTrue(e.getMessage().startsWith(neurons + ":3:1: id 1 is listed twice"), e.getMessage());
  }

  @Test
  void missingColumnsListTheHeader(@TempDir Path dir) throws IOException {
    Path edges = dir.resolve("traced-total-connections.csv");
    Files.writeString(edges, "bodyId_pre,bodyId_post,weight\n1,2,3\n");
    Files.writeString(dir.resolve("traced-neurons.csv"), "id,type\n1,PN\n");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
    assertTrue(e.getMessage().contains("traced-neurons.csv:1: missing column bodyId"), e.getMessage());
    assertTrue(e.getMessage().contains("the header has columns id, type"), e.getMessage());
  }
}
