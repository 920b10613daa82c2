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
 * is the neuron index) and the connectivity as CSV ({@code Connectivity_783.csv[.gz]}, the Parquet
 * file's columns {@code Presynaptic_ID, Postsynaptic_ID, Connectivity, Excitatory}). The Parquet file
 * itself needs a Parquet reader that this module does not ship: convert it once, e.g. with pandas
 * {@code pd.read_parquet(p).to_csv("Connectivity_783.csv.gz", index=False)}.
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

  /** Reads a folder with the completeness table and the connectivity CSV. */
  public static Connectome read(Path folder) {
    Path completeness = require(folder, COMPLETENESS);
    Path connectivity = connectivity(folder);
    ConnectomeBuilder builder = new ConnectomeBuilder(folder.getFileName().toString());
    long line = 1;
    for (Entry entry : readCompleteness(completeness)) {
      builder.declare(Neuron.untyped(entry.rootId()), completeness, ++line);
    }
    int file = builder.file(connectivity);
    try (CsvReader csv = CsvReader.open(connectivity)) {
      csv.readHeader();
      int pre = csv.requireColumn("Presynaptic_ID");
      int post = csv.requireColumn("Postsynaptic_ID");
      int count = csv.requireColumn("Connectivity");
      int excitatory = csv.column("Excitatory");
      while (csv.next()) {
        int p = builder.neuron(csv.id(pre));
        int q = builder.neuron(csv.id(post));
        if (excitatory >= 0) {
          // The model's sign per presynaptic neuron: +1 excitatory (ACh), -1 inhibitory (GABA/Glu).
          String e = csv.text(excitatory).trim();
          boolean inhibitory = e.startsWith("-") || e.equals("0") || e.equalsIgnoreCase("false");
          Transmitter sign = inhibitory ? Transmitter.GABA : Transmitter.ACETYLCHOLINE;
          builder.update(csv.id(pre), n -> n.transmitter() != null ? n : withTransmitter(n, sign));
        }
        builder.row(p, q, null, (float) csv.count(count), file, csv.line());
      }
    }
    return builder.build();
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
      throw new ConnectomeException(
          folder.resolve(PARQUET), 0, 0,
          "Parquet is not read by this version. Convert it once: python -c \"import pandas as pd;"
              + " pd.read_parquet('" + PARQUET + "').to_csv('" + CONNECTIVITY + ".gz', index=False)\".");
    }
    throw new ConnectomeException(folder, 0, 0, "no " + CONNECTIVITY + "(.gz); see the Shiu et al. 2024 repository.");
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
