package org.neuromechfly.dmn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The results table, one row per run: {@code results.csv} and {@code results.parquet} (written by
 * Spark). Columns are the union of the rows' columns in first-seen order; a column is an integer, a
 * double or a string by what its values are. Both files are written to temporaries and moved into
 * place, so a table that exists is complete.
 */
public final class ResultsTable {
  private ResultsTable() {}

  /** Column → Spark type over all rows. */
  static LinkedHashMap<String, DataType> schema(List<RunRow> rows) {
    LinkedHashSet<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(r.values().keySet()));
    LinkedHashMap<String, DataType> types = new LinkedHashMap<>();
    for (String c : columns) {
      boolean ints = true;
      boolean longs = true;
      boolean numbers = true;
      boolean seen = false;
      for (RunRow r : rows) {
        Object v = r.get(c);
        if (v == null) {
          continue;
        }
        seen = true;
        ints &= v instanceof Integer;
        longs &= v instanceof Integer || v instanceof Long;
        numbers &= v instanceof Number;
      }
      types.put(c, !seen ? DataTypes.StringType : ints ? DataTypes.IntegerType : longs ? DataTypes.LongType
          : numbers ? DataTypes.DoubleType : DataTypes.StringType);
    }
    return types;
  }

  static void write(SweepFolder folder, List<RunRow> rows, SparkSession spark) {
    LinkedHashMap<String, DataType> types = schema(rows);
    writeCsv(folder.file(SweepFolder.CSV), rows, types);
    writeParquet(folder, rows, types, spark);
  }

  static String csv(List<RunRow> rows, Map<String, DataType> types) {
    StringBuilder b = new StringBuilder(String.join(",", types.keySet())).append('\n');
    for (RunRow r : rows) {
      List<String> cells = new ArrayList<>();
      types.forEach((c, t) -> cells.add(cell(r.get(c), t)));
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }

  private static void writeCsv(Path file, List<RunRow> rows, Map<String, DataType> types) {
    SweepFolder.writeAtomically(file, csv(rows, types));
  }

  private static String cell(Object v, DataType type) {
    if (v == null) {
      return "";
    }
    if (type == DataTypes.StringType) {
      String s = v instanceof Double d ? org.neuromechfly.dmn.model.NumberText.format(d) : v.toString();
      return s.matches(".*[,\"\n\r].*") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
    if (type == DataTypes.DoubleType) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d); // round-trips
    }
    return v.toString();
  }

  private static Object typed(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type == DataTypes.StringType) {
      return v instanceof Double d ? org.neuromechfly.dmn.model.NumberText.format(d) : v.toString();
    }
    if (type == DataTypes.DoubleType) {
      return ((Number) v).doubleValue();
    }
    return type == DataTypes.LongType ? (Object) ((Number) v).longValue() : (Object) ((Number) v).intValue();
  }

  private static void writeParquet(SweepFolder folder, List<RunRow> rows, Map<String, DataType> types,
      SparkSession spark) {
    List<StructField> fields = new ArrayList<>();
    types.forEach((c, t) -> fields.add(DataTypes.createStructField(c, t, true)));
    StructType schema = DataTypes.createStructType(fields);
    List<Row> data = new ArrayList<>();
    for (RunRow r : rows) {
      Object[] values = new Object[types.size()];
      int i = 0;
      for (var e : types.entrySet()) {
        values[i++] = typed(r.get(e.getKey()), e.getValue());
      }
      data.add(RowFactory.create(values));
    }
    Path target = folder.file(SweepFolder.PARQUET);
    Path tmp = folder.file(SweepFolder.PARQUET + ".tmp");
    SweepFolder.delete(tmp);
    spark.createDataFrame(data, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists)
        .parquet(tmp.toAbsolutePath().toUri().toString());
    SweepFolder.delete(target);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the Parquet table into place at " + target, e);
    }
  }
}
