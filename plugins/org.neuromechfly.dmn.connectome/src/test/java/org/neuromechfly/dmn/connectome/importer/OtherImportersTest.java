package org.neuromechfly.dmn.connectome.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.RealData;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/** flyvis JSON, adjacency matrices and the Shiu completeness table. */
class OtherImportersTest {

  @Test
  void readsTheFlyvisConnectome() {
    FlyvisConnectome f = FlyvisImporter.read(RealData.require("flyvis/fib25-fib19_v2.2.json"));
    assertEquals(65, f.nodes().size());
    assertEquals(605, f.edges().size());
    assertEquals(377, f.edges().stream().filter(e -> e.sign() > 0).count());
    assertEquals(2140, f.edges().stream().mapToInt(e -> e.offsets().size()).sum());
    assertEquals(8, f.inputUnits().size());
    assertEquals(34, f.outputUnits().size());
    assertEquals(3, f.node("Lawf1").orElseThrow().strideU());
    Connectome c = f.toConnectome();
    assertEquals(65, c.neurons().size());
    assertEquals(605, c.rowCount());
  }

  @Test
  void flyvisErrorsNameThePlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"nodes\": [{\"name\": \"R1\"}], \"edges\": [{\"src\": \"R1\", \"tar\": \"L1\", \"alpha\": 1, \"offsets\": []}]}");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> FlyvisImporter.read(file));
    assertTrue(e.getMessage().contains("edges[0]: cell type 'L1' is not among the nodes"), e.getMessage());
    Files.writeString(file, "{\"nodes\": [\n{\"name\": \"R1\",}]}");
    e = assertThrows(ConnectomeException.class, () -> FlyvisImporter.read(file));
    assertEquals(2, e.line(), e.getMessage());
  }

  @Test
  void readsTheLarvalMushroomBody() {
    Connectome c = AdjacencyImporter.read(RealData.require("larval_mb_eichler2017_graspologic"));
    assertEquals(209 + 213, c.neurons().size());
    int[] left = c.select(NeuronFilter.of(null, null, "left"));
    assertEquals(209, left.length);
    assertEquals(25322, c.edges(left, left, null, 1).totalSynapses(), 0.5);
    int[] pns = c.select(NeuronFilter.of("PN", null, "left"));
    int[] kcs = c.select(NeuronFilter.of("KC", null, "left"));
    assertEquals(101, kcs.length);
    EdgeList pk = c.edges(pns, kcs, null, 1);
    assertEquals(2404, pk.totalSynapses(), 0.5);
  }

  @Test
  void adjacencyShapeErrors(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x_cell_labels.csv"), "K\nP\n");
    Path matrix = dir.resolve("x_adjacency.csv");
    Files.writeString(matrix, "0 1\n2\n");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> AdjacencyImporter.read(dir));
    assertTrue(e.getMessage().startsWith(matrix + ":2:2: row has 1 values, expected 2"), e.getMessage());
    Files.writeString(matrix, "0 1\n2 -1\n");
    e = assertThrows(ConnectomeException.class, () -> AdjacencyImporter.read(dir));
    assertTrue(e.getMessage().startsWith(matrix + ":2:2: synapse count -1 is negative"), e.getMessage());
    Files.writeString(matrix, "0 1\n");
    e = assertThrows(ConnectomeException.class, () -> AdjacencyImporter.read(dir));
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    Files.writeString(matrix, "  0 1 \n 2  0\n");
    assertEquals(3, AdjacencyImporter.read(dir).totalSynapses());
  }

  @Test
  void readsTheShiuCompletenessTable() {
    List<ShiuImporter.Entry> entries =
        ShiuImporter.readCompleteness(RealData.require("schema_samples/Shiu_Completeness_783.head20.csv"));
    assertEquals(20, entries.size());
    assertEquals(720575940596125868L, entries.get(0).rootId());
    assertTrue(entries.get(0).completed());
  }

  @Test
  void readsShiuConnectivityCsv(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Completeness_783.csv"), ",Completed\n11,True\n12,False\n");
    Files.writeString(
        dir.resolve("Connectivity_783.csv"),
        "Presynaptic_ID,Postsynaptic_ID,Presynaptic_Index,Postsynaptic_Index,Connectivity,Excitatory,Excitatory x Connectivity\n"
            + "11,12,0,1,7,-1,-7\n12,11,1,0,3,1,3\n");
    Connectome c = ShiuImporter.read(dir);
    assertEquals(2, c.neurons().size());
    assertEquals(10, c.totalSynapses());
    assertEquals(org.neuromechfly.dmn.model.Transmitter.GABA, c.neuron(11).orElseThrow().transmitter());
    Files.delete(dir.resolve("Connectivity_783.csv"));
    Path parquet = dir.resolve("Connectivity_783.parquet");
    Files.writeString(parquet, "PAR1");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> ShiuImporter.read(dir));
    assertTrue(e.getMessage().startsWith(parquet + ": not a readable Parquet file"), e.getMessage());
    Files.delete(parquet);
    e = assertThrows(ConnectomeException.class, () -> ShiuImporter.read(dir));
    assertTrue(e.getMessage().contains("no Connectivity_783.parquet or Connectivity_783.csv"), e.getMessage());
  }

  @Test
  void shiuCsvIndicesMustMatchTheCompletenessRows(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Completeness_783.csv"), ",Completed\n11,True\n12,False\n");
    Path csv = dir.resolve("Connectivity_783.csv");
    Files.writeString(
        csv,
        "Presynaptic_ID,Postsynaptic_ID,Presynaptic_Index,Postsynaptic_Index,Connectivity,Excitatory\n"
            + "11,12,0,1,7,-1\n12,11,0,0,3,1\n");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> ShiuImporter.read(dir));
    assertTrue(
        e.getMessage().startsWith(csv + ":3: Presynaptic_Index is 0 for id 12 but Completeness_783.csv"
            + " lists id 12 as neuron 1"), e.getMessage());
  }
}
