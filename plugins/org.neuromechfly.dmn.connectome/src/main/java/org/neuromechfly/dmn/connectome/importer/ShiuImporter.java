package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * Reads the inputs of the Shiu et al. 2024 whole-brain LIF model (philshiu/Drosophila_brain_model):
 * {@code Completeness_783.csv} (header {@code ,Completed}; first column the FlyWire root id; row order
 * is the neuron index) and the connectivity, either the published {@code Connectivity_783.parquet}
 * (read with the embedded DuckDB engine, see {@link ParquetEdgeSource}; needs the optional
 * {@code org.duckdb:duckdb_jdbc} jar) or a CSV conversion of it ({@code Connectivity_783.csv[.gz]},
 * streamed by {@link CsvReader}; preferred when both are present, so existing checksums stay
 * valid). Columns used: {@code Presynaptic_ID, Postsynaptic_ID, Connectivity} (required),
 * {@code Excitatory} (sign of the presynaptic neuron, first row wins) and
 * {@code Presynaptic_Index, Postsynaptic_Index} (optional; when present each must equal the
 * completeness row of its id, which catches files from different releases).
 */
public final class ShiuImporter {

  static final String COMPLETENESS = "Completeness_783.csv";
  static final String CONNECTIVITY = "Connectivity_783.csv";
  static final String PARQUET = "Connectivity_783.parquet";

  private ShiuImporter() {}

  /**
   * One neuron of the completeness table.
   *
   * @param rootId FlyWire root id
   * @param completed whether proofreading marked it complete
   */
  public record Entry(long rootId, boolean completed) {}

  /** Reads {@code Completeness_783.csv}: root ids in neuron-index order. */
  public static List<Entry> readCompleteness(Path file) {
    List<Entry> entries = new ArrayList<>();
    try (CsvReader csv = CsvReader.open(file)) {
      List<String> header = csv.readHeader();
      int completed = csv.requireColumn("Completed");
      int id = completed == 0 ? 1 : 0;
      if (header.size() < 2) {
        throw new ConnectomeException(file, 1, 0, "expected the header ',Completed'.");
      }
      while (csv.next()) {
        csv.requireHeaderWidth();
        entries.add(new Entry(csv.id(id), csv.bool(completed)));
      }
    }
    return entries;
  }

  /** Reads a folder with the completeness table and the connectivity (CSV or Parquet). */
  public static Connectome read(Path folder) {
    Path completeness = require(folder, COMPLETENESS);
    Path connectivity = connectivity(folder);
    ConnectomeBuilder builder = new ConnectomeBuilder(folder.getFileName().toString());
    long line = 1;
    for (Entry entry : readCompleteness(completeness)) {
      builder.declare(Neuron.untyped(entry.rootId()), completeness, ++line);
    }
    int declared = builder.neuronCount();
    if (connectivity.getFileName().toString().endsWith(".parquet")) {
      readParquet(connectivity, builder, completeness, declared);
    } else {
      readCsv(connectivity, builder, completeness, declared);
    }
    return builder.build();
  }

  private static void readCsv(Path connectivity, ConnectomeBuilder builder, Path completeness, int declared) {
    int file = builder.file(connectivity);
    try (CsvReader csv = CsvReader.open(connectivity)) {
      csv.readHeader();
      int pre = csv.requireColumn("Presynaptic_ID");
      int post = csv.requireColumn("Postsynaptic_ID");
      int count = csv.requireColumn("Connectivity");
      int excitatory = csv.column("Excitatory");
      int preIndex = csv.column("Presynaptic_Index");
      int postIndex = csv.column("Postsynaptic_Index");
      boolean indices = preIndex >= 0 && postIndex >= 0;
      while (csv.next()) {
        long preId = csv.id(pre);
        long postId = csv.id(post);
        int p = builder.neuron(preId);
        int q = builder.neuron(postId);
        if (indices) {
          checkIndex(builder, completeness, declared, preId, p, csv.id(preIndex), connectivity, csv.line(), "Presynaptic_Index");
          checkIndex(builder, completeness, declared, postId, q, csv.id(postIndex), connectivity, csv.line(), "Postsynaptic_Index");
        }
        if (excitatory >= 0) {
          // The model's sign per presynaptic neuron: +1 excitatory (ACh), -1 inhibitory (GABA/Glu).
          String e = csv.text(excitatory).trim();
          boolean inhibitory = e.startsWith("-") || e.equals("0") || e.equalsIgnoreCase("false");
          setSign(builder, preId, !inhibitory);
        }
        builder.row(p, q, null, csv.synapseCount(count), file, csv.line());
      }
    }
  }

  private static void readParquet(Path connectivity, ConnectomeBuilder builder, Path completeness, int declared) {
    int file = builder.file(connectivity);
    try (ParquetEdgeSource source = ParquetEdgeSource.open(connectivity, CONNECTIVITY)) {
      source.rejectBadRows();
      boolean indices = source.hasIndices();
      source.forEachEdge((row, preId, postId, preIndex, postIndex, count) -> {
        int p = builder.neuron(preId);
        int q = builder.neuron(postId);
        if (indices) {
          checkIndex(builder, completeness, declared, preId, p, preIndex, connectivity, row, "Presynaptic_Index");
          checkIndex(builder, completeness, declared, postId, q, postIndex, connectivity, row, "Postsynaptic_Index");
        }
        builder.row(p, q, null, (float) count, file, row);
      });
      source.forEachSign((preId, excitatory) -> setSign(builder, preId, excitatory));
    }
  }

  /**
   * The Shiu model numbers neurons by their completeness row; an index column that disagrees means
   * the two files come from different releases (or the connectivity was re-sorted and re-indexed).
   */
  private static void checkIndex(
      ConnectomeBuilder builder, Path completeness, int declared, long id, int builderIndex,
      long index, Path file, long line, String column) {
    if (builderIndex == index && index < declared) {
      return;
    }
    String listed = builderIndex < declared
        ? "but " + completeness.getFileName() + " lists id " + id + " as neuron " + builderIndex
            + " (data row " + (builderIndex + 1) + ")"
        : "but id " + id + " is not in " + completeness.getFileName();
    throw new ConnectomeException(
        file, line, 0,
        column + " is " + index + " for id " + id + " " + listed + ". The connectivity and"
            + " completeness files must come from the same release; download both again.");
  }

  private static void setSign(ConnectomeBuilder builder, long preId, boolean excitatory) {
    Transmitter sign = excitatory ? Transmitter.ACETYLCHOLINE : Transmitter.GABA;
    builder.update(preId, n -> n.transmitter() != null ? n : withTransmitter(n, sign));
  }

  private static Neuron withTransmitter(Neuron n, Transmitter t) {
    return new Neuron(n.id(), n.type(), n.instance(), n.cellClass(), n.superClass(), n.side(), t);
  }

  /** Files read, in order. */
  public static List<Path> sourceFiles(Path folder) {
    return List.of(require(folder, COMPLETENESS), connectivity(folder));
  }

  private static Path connectivity(Path folder) {
    Optional<Path> csv = find(folder, CONNECTIVITY);
    if (csv.isPresent()) {
      return csv.get();
    }
    if (Files.isRegularFile(folder.resolve(PARQUET))) {
      return folder.resolve(PARQUET);
    }
    throw new ConnectomeException(
        folder, 0, 0,
        "no " + PARQUET + " or " + CONNECTIVITY + "(.gz) in the folder; download " + PARQUET
            + " from the Shiu et al. 2024 repository (philshiu/Drosophila_brain_model).");
  }

  private static Path require(Path folder, String name) {
    return find(folder, name)
        .orElseThrow(() -> new ConnectomeException(folder, 0, 0, "no " + name + " in the folder."));
  }

  private static Optional<Path> find(Path folder, String name) {
    for (String candidate : new String[] {name, name + ".gz"}) {
      if (Files.isRegularFile(folder.resolve(candidate))) {
        return Optional.of(folder.resolve(candidate));
      }
    }
    return Optional.empty();
  }
}
