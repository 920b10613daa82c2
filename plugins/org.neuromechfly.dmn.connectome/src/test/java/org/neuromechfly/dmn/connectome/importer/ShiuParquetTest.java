package org.neuromechfly.dmn.connectome.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.Transmitter;

/** {@code Connectivity_783.parquet} read through embedded DuckDB; fixtures are written by DuckDB too. */
class ShiuParquetTest {

  /** Completeness order 30, 10, 20: neuron index differs from id order on purpose. */
  private static final String COMPLETENESS = ",Completed\n30,True\n10,False\n20,True\n";

  /** The published column set and types (int64 ids and counts, int32 indices). */
  private static final String GOOD =
      "SELECT * FROM (VALUES"
          + " (30::BIGINT, 10::BIGINT, 0::INTEGER, 1::INTEGER, 5::BIGINT, 1::BIGINT),"
          + " (10, 20, 1, 2, 3, -1),"
          + " (20, 30, 2, 0, 4, -1),"
          + " (10, 30, 1, 0, 2, -1),"
          + " (30, 20, 0, 2, 6, 1))"
          + " t(Presynaptic_ID, Postsynaptic_ID, Presynaptic_Index, Postsynaptic_Index, Connectivity, Excitatory)";

  private static void parquet(Path file, String select) {
    sql("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
  }

  private static void sql(String statement) {
    try (Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path folder(Path dir, String select) throws IOException {
    Files.writeString(dir.resolve("Completeness_783.csv"), COMPLETENESS);
    parquet(dir.resolve("Connectivity_783.parquet"), select);
    return dir.resolve("Connectivity_783.parquet");
  }

  private static ConnectomeException failure(Path dir) {
    return assertThrows(ConnectomeException.class, () -> ShiuImporter.read(dir));
  }

  private static double synapses(Connectome c, long pre, long post) {
    return c.edges(new int[] {c.indexOf(pre)}, new int[] {c.indexOf(post)}, null, 0).totalSynapses();
  }

  @Test
  void readsTheParquetWithCompletenessIndices(@TempDir Path dir) throws IOException {
    folder(dir, GOOD);
    assertTrue(ParquetEdgeSource.driverAvailable());
    Connectome c = ShiuImporter.read(dir);
    assertEquals(3, c.neurons().size());
    assertEquals(5, c.rowCount());
    assertEquals(20, c.totalSynapses());
    assertEquals(5, synapses(c, 30, 10));
    assertEquals(3, synapses(c, 10, 20));
    assertEquals(2, synapses(c, 10, 30));
    assertEquals(0, synapses(c, 20, 10));
    assertEquals(Transmitter.ACETYLCHOLINE, c.neuron(30).orElseThrow().transmitter());
    assertEquals(Transmitter.GABA, c.neuron(10).orElseThrow().transmitter());
    assertEquals(Transmitter.GABA, c.neuron(20).orElseThrow().transmitter());
    assertEquals(
        java.util.List.of(dir.resolve("Completeness_783.csv"), dir.resolve("Connectivity_783.parquet")),
        ShiuImporter.sourceFiles(dir));
  }

  @Test
  void parquetAndItsCsvConversionGiveTheSameConnectome(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("p");
    Path q = dir.resolve("q");
    Files.createDirectories(p);
    Files.createDirectories(q);
    folder(p, GOOD);
    Files.writeString(q.resolve("Completeness_783.csv"), COMPLETENESS);
    sql("COPY (" + GOOD + ") TO '" + q.resolve("Connectivity_783.csv.gz") + "' (FORMAT CSV, HEADER)");
    Connectome a = ShiuImporter.read(p);
    Connectome b = ShiuImporter.read(q);
    assertEquals(b.neurons(), a.neurons());
    assertEquals(b.rowCount(), a.rowCount());
    for (long pre : new long[] {10, 20, 30}) {
      for (long post : new long[] {10, 20, 30}) {
        assertEquals(synapses(b, pre, post), synapses(a, pre, post), pre + " -> " + post);
      }
    }
  }

  @Test
  void indicesMustMatchTheCompletenessRows(@TempDir Path dir) throws IOException {
    // Row 2 says 10 -> 20 is index 1 -> 1: the files come from different releases.
    Path file = folder(dir, GOOD.replace("(10, 20, 1, 2, 3, -1)", "(10, 20, 1, 1, 3, -1)"));
    ConnectomeException e = failure(dir);
    assertTrue(
        e.getMessage().startsWith(file + ":2: Postsynaptic_Index is 1 for id 20 but Completeness_783.csv"
            + " lists id 20 as neuron 2 (data row 3)"), e.getMessage());
    assertTrue(e.getMessage().contains("same release"), e.getMessage());
    // An id absent from the completeness table cannot carry a completeness index.
    folder(dir, GOOD.replace("(20, 30, 2, 0, 4, -1)", "(40, 30, 2, 0, 4, -1)"));
    e = failure(dir);
    assertTrue(e.getMessage().contains(":3: Presynaptic_Index is 2 for id 40 but id 40 is not in"), e.getMessage());
  }

  @Test
  void withoutIndexOrSignColumnsEdgesToUnlistedIdsAreUntyped(@TempDir Path dir) throws IOException {
    folder(dir, "SELECT * FROM (VALUES (30::BIGINT, 99::BIGINT, 2.0::DOUBLE)) t(Presynaptic_ID, Postsynaptic_ID, Connectivity)");
    Connectome c = ShiuImporter.read(dir);
    assertEquals(4, c.neurons().size());
    assertEquals(2.0, c.totalSynapses());
    assertNull(c.neuron(99).orElseThrow().transmitter());
    assertNull(c.neuron(30).orElseThrow().transmitter());
  }

  @Test
  void missingColumnListsTheColumnsFound(@TempDir Path dir) throws IOException {
    Path file = folder(dir, "SELECT 30::BIGINT AS Presynaptic_ID, 10::BIGINT AS Postsynaptic_ID, 1 AS Excitatory");
    ConnectomeException e = failure(dir);
    assertEquals(
        file + ": missing column Connectivity; the file has [Presynaptic_ID BIGINT, Postsynaptic_ID BIGINT,"
            + " Excitatory INTEGER]. Is this the Shiu et al. 2024 Connectivity_783.parquet?",
        e.getMessage());
    folder(dir, "SELECT 30::BIGINT AS Presynaptic_ID, 10::BIGINT AS Postsynaptic_ID, 0 AS Presynaptic_Index, 1 AS Connectivity");
    e = failure(dir);
    assertTrue(e.getMessage().contains("missing column Postsynaptic_Index"), e.getMessage());
  }

  @Test
  void negativeCountNamesRowAndColumn(@TempDir Path dir) throws IOException {
    Path file = folder(dir, GOOD.replace("(20, 30, 2, 0, 4, -1)", "(20, 30, 2, 0, -4, -1)"));
    ConnectomeException e = failure(dir);
    assertEquals(3, e.line());
    assertEquals(5, e.column());
    assertTrue(
        e.getMessage().startsWith(file + ":3:5: column Connectivity: synapse count -4 is negative or not finite"),
        e.getMessage());
  }

  @Test
  void nullAndNonFiniteCountsAreRejected(@TempDir Path dir) throws IOException {
    Path file = folder(dir, "SELECT * FROM (VALUES (30::BIGINT, 10::BIGINT, 1.0::DOUBLE), (10, 20, NULL))"
        + " t(Presynaptic_ID, Postsynaptic_ID, Connectivity)");
    ConnectomeException e = failure(dir);
    assertTrue(e.getMessage().startsWith(file + ":2:3: column Connectivity is null"), e.getMessage());
    folder(dir, "SELECT * FROM (VALUES (30::BIGINT, 10::BIGINT, 'NaN'::DOUBLE)) t(Presynaptic_ID, Postsynaptic_ID, Connectivity)");
    e = failure(dir);
    assertTrue(e.getMessage().contains(":1:3: column Connectivity: synapse count nan is negative or not finite"), e.getMessage());
  }

  @Test
  void wrongColumnTypesAreRejectedBeforeReading(@TempDir Path dir) throws IOException {
    Path file = folder(dir, "SELECT 7.2e17::DOUBLE AS Presynaptic_ID, 10::BIGINT AS Postsynaptic_ID, 1 AS Connectivity");
    ConnectomeException e = failure(dir);
    assertTrue(
        e.getMessage().startsWith(file + ": column Presynaptic_ID (column 1) has type DOUBLE; expected an integer (int64)."),
        e.getMessage());
    assertTrue(e.getMessage().contains("lose digits"), e.getMessage());
    folder(dir, "SELECT 30::BIGINT AS Presynaptic_ID, 10::BIGINT AS Postsynaptic_ID, '5' AS Connectivity");
    e = failure(dir);
    assertTrue(e.getMessage().contains("column Connectivity (column 3) has type VARCHAR; expected a numeric synapse count"),
        e.getMessage());
    folder(dir, "SELECT 30::BIGINT AS Presynaptic_ID, 10::BIGINT AS Postsynaptic_ID, 1 AS Connectivity, 'E' AS Excitatory");
    e = failure(dir);
    assertTrue(e.getMessage().contains("column Excitatory (column 4) has type VARCHAR"), e.getMessage());
  }

  @Test
  void idsBeyondInt64AreRejected(@TempDir Path dir) throws IOException {
    Path file = folder(dir, "SELECT * FROM (VALUES (30::UBIGINT, 10::UBIGINT, 1), (18446744073709551615, 10, 1))"
        + " t(Presynaptic_ID, Postsynaptic_ID, Connectivity)");
    ConnectomeException e = failure(dir);
    assertTrue(
        e.getMessage().startsWith(file + ":2:1: column Presynaptic_ID: 18446744073709551615 does not fit in a 64-bit id"),
        e.getMessage());
    // Unsigned ids that do fit are read.
    folder(dir, "SELECT * FROM (VALUES (30::UBIGINT, 10::UBIGINT, 1)) t(Presynaptic_ID, Postsynaptic_ID, Connectivity)");
    assertEquals(1, ShiuImporter.read(dir).totalSynapses());
  }

  @Test
  void repeatedPairsAreRejectedWithBothRows(@TempDir Path dir) throws IOException {
    Path file = folder(dir, GOOD.replace("(10, 30, 1, 0, 2, -1)", "(10, 20, 1, 2, 2, -1)"));
    ConnectomeException e = failure(dir);
    assertTrue(e.getMessage().startsWith(file + ":4:1: repeated row: 10 -> 20 already appears at " + file + ":2"),
        e.getMessage());
  }

  @Test
  void brokenOrMissingFilesSayWhatToDo(@TempDir Path dir) throws IOException {
    Path file = folder(dir, GOOD);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    ConnectomeException e = failure(dir);
    assertTrue(e.getMessage().startsWith(file + ": not a readable Parquet file"), e.getMessage());
    assertTrue(e.getMessage().contains("download Connectivity_783.parquet again"), e.getMessage());
    Path absent = dir.resolve("absent.parquet");
    e = assertThrows(ConnectomeException.class, () -> ParquetEdgeSource.open(absent, "x.csv"));
    assertEquals(absent + ": file not found; check the connectome path.", e.getMessage());
  }

  @Test
  void withoutTheDriverTheMessageSaysHowToAddItOrConvert() {
    assertFalse(ParquetEdgeSource.driverAvailable("org.duckdb.NoSuchDriver"));
    ConnectomeException e = ParquetEdgeSource.driverMissing(Path.of("Connectivity_783.parquet"), "Connectivity_783.csv");
    assertTrue(e.getMessage().startsWith("Connectivity_783.parquet: reading Parquet needs the DuckDB JDBC driver"
        + " (Maven org.duckdb:duckdb_jdbc"), e.getMessage());
    assertTrue(e.getMessage().contains("to_csv('Connectivity_783.csv.gz', index=False)"), e.getMessage());
  }
}
