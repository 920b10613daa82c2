package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Streams the edges of a Shiu et al. 2024 {@code Connectivity_783.parquet} through DuckDB's JDBC
 * driver, used as an embedded in-process engine ({@code jdbc:duckdb:} in memory, no server, no
 * files written). Three SQL statements over {@code read_parquet(?)}:
 *
 * <ol>
 *   <li>{@code DESCRIBE}: the columns and their types, checked before any row is read;
 *   <li>a search for the first bad row (null, negative or non-finite count, id outside int64,
 *       negative index) in file order; Parquet row-group statistics let DuckDB skip clean row
 *       groups, so a valid file costs little here;
 *   <li>the rows themselves in file order, streamed (DuckDB's {@code jdbc_stream_results}), so the
 *       whole result is never materialised off-heap;
 * </ol>
 * plus one aggregate, the sign of each presynaptic neuron (the first row's {@code Excitatory},
 * {@code GROUP BY Presynaptic_ID}), so the per-row stream carries only ids, indices and counts.
 *
 * <p>DuckDB ({@code org.duckdb:duckdb_jdbc}) is an optional dependency: the OSGi manifest imports
 * {@code org.duckdb} with {@code resolution:=optional}, and without the driver {@link #open} fails
 * with a message saying how to add it or convert the file to CSV. Only the nested {@code Engine}
 * class names DuckDB types, so this class loads without the driver.
 *
 * <p>Rows are numbered from 1 in file order (the "line" of a {@link ConnectomeException}); the
 * column of an error is the 1-based position in the Parquet schema.
 */
final class ParquetEdgeSource implements AutoCloseable {

  static final String DRIVER_CLASS = "org.duckdb.DuckDBDriver";
  static final String PRE = "Presynaptic_ID";
  static final String POST = "Postsynaptic_ID";
  static final String PRE_INDEX = "Presynaptic_Index";
  static final String POST_INDEX = "Postsynaptic_Index";
  static final String COUNT = "Connectivity";
  static final String EXCITATORY = "Excitatory";

  private static final Set<String> SIGNED = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");
  private static final Set<String> UNSIGNED = Set.of("UTINYINT", "USMALLINT", "UINTEGER");
  private static final Set<String> WIDE = Set.of("UBIGINT", "HUGEINT", "UHUGEINT");
  private static final Set<String> FLOATING = Set.of("FLOAT", "DOUBLE");

  /** Receives one edge row. */
  interface EdgeSink {
    /**
     * @param row 1-based row in file order
     * @param preIndex {@code Presynaptic_Index}, or -1 when the file has no index columns
     * @param postIndex {@code Postsynaptic_Index}, or -1
     */
    void edge(long row, long pre, long post, long preIndex, long postIndex, double count);
  }

  /** Receives the sign of one presynaptic neuron. */
  interface SignSink {
    void sign(long pre, boolean excitatory);
  }

  private final Path file;
  private final Connection connection;
  private final Map<String, String> columns;

  private ParquetEdgeSource(Path file, Connection connection, Map<String, String> columns) {
    this.file = file;
    this.connection = connection;
    this.columns = columns;
  }

  /** Whether the DuckDB JDBC driver can be loaded from this module. */
  static boolean driverAvailable() {
    return driverAvailable(DRIVER_CLASS);
  }

  static boolean driverAvailable(String className) {
    try {
      Class.forName(className, false, ParquetEdgeSource.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The error for a Parquet file when DuckDB is absent: what to add, or how to convert. */
  static ConnectomeException driverMissing(Path file, String csvName) {
    return new ConnectomeException(
        file, 0, 0,
        "reading Parquet needs the DuckDB JDBC driver (Maven org.duckdb:duckdb_jdbc, the"
            + " org.duckdb.duckdb_jdbc bundle), which is not on the class path of this installation."
            + " Add that jar, or convert the file once to CSV: python -c \"import pandas as pd;"
            + " pd.read_parquet('" + file.getFileName() + "').to_csv('" + csvName + ".gz', index=False)\".");
  }

  /**
   * Opens {@code file} and checks its schema: the id and count columns must be present with integer
   * (ids) and numeric (count) types; the index columns and {@code Excitatory} are optional.
   */
  static ParquetEdgeSource open(Path file, String csvName) {
    if (!Files.isRegularFile(file)) {
      throw new ConnectomeException(file, 0, 0, "file not found; check the connectome path.");
    }
    if (!driverAvailable()) {
      throw driverMissing(file, csvName);
    }
    Connection connection = Engine.connect(file);
    try {
      Map<String, String> columns = describe(file, connection);
      ParquetEdgeSource source = new ParquetEdgeSource(file, connection, columns);
      source.checkSchema();
      return source;
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** Column names to DuckDB type names, in schema order. */
  Map<String, String> columns() {
    return columns;
  }

  boolean hasIndices() {
    return columns.containsKey(PRE_INDEX) && columns.containsKey(POST_INDEX);
  }

  boolean hasExcitatory() {
    return columns.containsKey(EXCITATORY);
  }

  private static Map<String, String> describe(Path file, Connection connection) {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement s = connection.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
      s.setString(1, file.toString());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          columns.put(r.getString(1), r.getString(2).toUpperCase(Locale.ROOT));
        }
      }
    } catch (SQLException e) {
      throw new ConnectomeException(
          file, 0, 0,
          "not a readable Parquet file (" + firstLine(e) + "). The download may be truncated or"
              + " the file is another format; download " + file.getFileName() + " again.", e);
    }
    return columns;
  }

  private void checkSchema() {
    for (String required : new String[] {PRE, POST, COUNT}) {
      if (!columns.containsKey(required)) {
        throw new ConnectomeException(
            file, 0, 0,
            "missing column " + required + "; the file has " + describeColumns()
                + ". Is this the Shiu et al. 2024 Connectivity_783.parquet?");
      }
    }
    if (columns.containsKey(PRE_INDEX) != columns.containsKey(POST_INDEX)) {
      String missing = columns.containsKey(PRE_INDEX) ? POST_INDEX : PRE_INDEX;
      throw new ConnectomeException(
          file, 0, 0,
          "missing column " + missing + " (the file has only one of the two index columns); the file"
              + " has " + describeColumns() + ". Re-export both index columns or neither.");
    }
    for (String id : new String[] {PRE, POST, PRE_INDEX, POST_INDEX}) {
      if (columns.containsKey(id) && !isInteger(columns.get(id))) {
        String hint = FLOATING.contains(columns.get(id)) || columns.get(id).startsWith("DECIMAL")
            ? " Floating-point ids lose digits at FlyWire's ~7.2e17; re-export the column as int64."
            : " Re-export the column as int64.";
        throw columnError(id, "has type " + columns.get(id) + "; expected an integer (int64)." + hint);
      }
    }
    String count = columns.get(COUNT);
    if (!isInteger(count) && !FLOATING.contains(count) && !count.startsWith("DECIMAL")) {
      throw columnError(COUNT, "has type " + count + "; expected a numeric synapse count. Re-export it as int or float.");
    }
    String excitatory = columns.get(EXCITATORY);
    if (excitatory != null && !isInteger(excitatory) && !FLOATING.contains(excitatory)
        && !excitatory.equals("BOOLEAN")) {
      throw columnError(EXCITATORY, "has type " + excitatory + "; expected +1/-1 (int) or a boolean.");
    }
  }

  /**
   * Finds the first row, in file order, that a connectome cannot take, and reports it. Cheap for a
   * valid file: DuckDB prunes row groups whose statistics exclude every condition.
   */
  void rejectBadRows() {
    List<String> conditions = new ArrayList<>();
    String count = quote(COUNT);
    conditions.add(quote(PRE) + " IS NULL");
    conditions.add(quote(POST) + " IS NULL");
    conditions.add(count + " IS NULL");
    conditions.add(count + " < 0");
    conditions.add(count + " > " + (long) CsvReader.MAX_SYNAPSES);
    if (FLOATING.contains(columns.get(COUNT))) {
      conditions.add("NOT isfinite(" + count + ")");
      conditions.add(count + " <> floor(" + count + ")");
    }
    for (String id : new String[] {PRE, POST}) {
      if (!columns.get(id).startsWith("U")) {
        conditions.add(quote(id) + " < 0");
      }
      if (WIDE.contains(columns.get(id))) {
        conditions.add(quote(id) + " > 9223372036854775807");
        if (!columns.get(id).startsWith("U")) {
          conditions.add(quote(id) + " < -9223372036854775808");
        }
      }
    }
    if (hasIndices()) {
      for (String index : new String[] {PRE_INDEX, POST_INDEX}) {
        conditions.add(quote(index) + " IS NULL");
        conditions.add(quote(index) + " < 0");
        conditions.add(quote(index) + " > 2147483647");
      }
    }
    if (hasExcitatory()) {
      conditions.add(quote(EXCITATORY) + " IS NULL");
    }
    List<String> checked = new ArrayList<>(List.of(PRE, POST, COUNT));
    if (hasIndices()) {
      checked.addAll(List.of(PRE_INDEX, POST_INDEX));
    }
    if (hasExcitatory()) {
      checked.add(EXCITATORY);
    }
    StringBuilder sql = new StringBuilder("SELECT file_row_number");
    for (String c : checked) {
      sql.append(", CAST(").append(quote(c)).append(" AS VARCHAR)");
    }
    sql.append(" FROM read_parquet(?, file_row_number = true) WHERE ")
        .append(String.join(" OR ", conditions))
        .append(" ORDER BY file_row_number LIMIT 1");
    try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
      s.setString(1, file.toString());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return;
        }
        long row = r.getLong(1) + 1;
        for (int i = 0; i < checked.size(); i++) {
          String name = checked.get(i);
          String value = r.getString(i + 2);
          String problem = problem(name, value);
          if (problem != null) {
            throw new ConnectomeException(file, row, position(name), problem);
          }
        }
        throw new ConnectomeException(file, row, 0, "row " + row + " has a value out of range.");
      }
    } catch (SQLException e) {
      throw queryFailed(e);
    }
  }

  private String problem(String column, String value) {
    if (value == null) {
      return "column " + column + " is null in this row; every row needs "
          + (column.equals(COUNT) ? "a synapse count" : "a value") + ". Drop or fill the row.";
    }
    if (column.equals(COUNT)) {
      double v;
      try {
        v = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        v = Double.NaN; // DuckDB writes nan, inf, -inf
      }
      if (!(v >= 0) || Double.isInfinite(v)) {
        return "column " + COUNT + ": synapse count " + value + " is negative or not finite; counts"
            + " are >= 0. The file is corrupt or not a connectivity table.";
      }
      if (v > CsvReader.MAX_SYNAPSES) {
        return "column " + COUNT + ": synapse count " + value + " is above " + (long) CsvReader.MAX_SYNAPSES
            + " (2^24), more than any two neurons share. The file is corrupt or not a connectivity table.";
      }
      if (v != Math.rint(v)) {
        return "column " + COUNT + ": synapse count " + value + " is not a whole number; this export counts synapses.";
      }
      return null;
    }
    if (column.equals(PRE) || column.equals(POST)) {
      try {
        if (Long.parseLong(value) < 0) {
          return "column " + column + ": negative id " + value + "; neuron ids are non-negative. The column may be corrupt.";
        }
        return null;
      } catch (NumberFormatException e) {
        return "column " + column + ": " + value + " does not fit in a 64-bit id; the column may be corrupt.";
      }
    }
    if (column.equals(PRE_INDEX) || column.equals(POST_INDEX)) {
      try {
        if (Integer.parseInt(value) >= 0) {
          return null;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      return "column " + column + ": neuron index " + value + " is not a row of the completeness"
          + " table (0 to 2^31-1); the column may be corrupt.";
    }
    return null;
  }

  /** Streams every row in file order. */
  void forEachEdge(EdgeSink sink) {
    boolean indices = hasIndices();
    String sql = "SELECT CAST(" + quote(PRE) + " AS BIGINT), CAST(" + quote(POST) + " AS BIGINT), "
        + (indices ? "CAST(" + quote(PRE_INDEX) + " AS BIGINT), CAST(" + quote(POST_INDEX) + " AS BIGINT), " : "")
        + "CAST(" + quote(COUNT) + " AS DOUBLE) FROM read_parquet(?)";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, file.toString());
      s.setFetchSize(8192);
      try (ResultSet r = s.executeQuery()) {
        long row = 0;
        if (indices) {
          while (r.next()) {
            sink.edge(++row, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getDouble(5));
          }
        } else {
          while (r.next()) {
            sink.edge(++row, r.getLong(1), r.getLong(2), -1, -1, r.getDouble(3));
          }
        }
      }
    } catch (SQLException e) {
      throw queryFailed(e);
    }
  }

  /**
   * The sign of each presynaptic neuron, from its first row in file order: excitatory when
   * {@code Excitatory} is positive (or true), inhibitory when it is zero, negative or false.
   */
  void forEachSign(SignSink sink) {
    if (!hasExcitatory()) {
      return;
    }
    String positive = columns.get(EXCITATORY).equals("BOOLEAN")
        ? quote(EXCITATORY) : "(" + quote(EXCITATORY) + " > 0)";
    String sql = "SELECT CAST(" + quote(PRE) + " AS BIGINT), arg_min(" + positive + ", file_row_number)"
        + " FROM read_parquet(?, file_row_number = true) GROUP BY 1";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, file.toString());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          sink.sign(r.getLong(1), r.getBoolean(2));
        }
      }
    } catch (SQLException e) {
      throw queryFailed(e);
    }
  }

  private ConnectomeException queryFailed(SQLException e) {
    return new ConnectomeException(
        file, 0, 0,
        "DuckDB could not read the file (" + firstLine(e) + "). It may be truncated or corrupt;"
            + " download it again.", e);
  }

  private ConnectomeException columnError(String column, String message) {
    return new ConnectomeException(file, 0, 0, "column " + column + " (column " + position(column) + ") " + message);
  }

  private int position(String column) {
    int i = 1;
    for (String name : columns.keySet()) {
      if (name.equals(column)) {
        return i;
      }
      i++;
    }
    return 0;
  }

  private String describeColumns() {
    List<String> parts = new ArrayList<>();
    columns.forEach((name, type) -> parts.add(name + " " + type));
    return "[" + String.join(", ", parts) + "]";
  }

  private static boolean isInteger(String type) {
    return SIGNED.contains(type) || UNSIGNED.contains(type) || WIDE.contains(type);
  }

  private static String quote(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing more to report
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  /** The only place that names DuckDB classes; loaded only once the driver is known present. */
  private static final class Engine {
    static Connection connect(Path file) {
      Properties properties = new Properties();
      // Stream result chunks instead of materialising 15 M rows in native memory first.
      properties.setProperty("jdbc_stream_results", "true");
      try {
        Driver driver = new org.duckdb.DuckDBDriver();
        return driver.connect("jdbc:duckdb:", properties);
      } catch (SQLException e) {
        throw new ConnectomeException(file, 0, 0, "cannot start the embedded DuckDB engine: " + firstLine(e), e);
      } catch (LinkageError e) {
        throw new ConnectomeException(
            file, 0, 0,
            "the DuckDB JDBC driver is present but its native library does not load on this platform ("
                + e + "); convert the file to CSV instead.", e);
      }
    }
  }
}
