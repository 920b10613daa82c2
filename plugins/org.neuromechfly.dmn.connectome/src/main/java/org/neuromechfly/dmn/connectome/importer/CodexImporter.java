package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * Reads a FlyWire Codex download folder (FAFB v783): {@code neurons.csv[.gz]} (root_id, group,
 * nt_type), optional {@code classification.csv[.gz]} (class, super_class, side) and
 * {@code consolidated_cell_types.csv[.gz]} (primary_type), and {@code connections.csv[.gz]} (or
 * {@code connections_no_threshold.csv[.gz]}), one row per (pre, post, neuropil). Root ids are int64.
 */
public final class CodexImporter {

  static final String NEURONS = "neurons.csv";
  static final String CLASSIFICATION = "classification.csv";
  static final String CELL_TYPES = "consolidated_cell_types.csv";
  static final String[] CONNECTIONS = {"connections.csv", "connections_no_threshold.csv"};

  private CodexImporter() {}

  /**
   * Reads the folder.
   *
   * @throws ConnectomeException for missing files or bad rows, naming file, line and column
   */
  public static Connectome read(Path folder) {
    Path neurons = require(folder, NEURONS);
    Path connections = connections(folder);
    ConnectomeBuilder builder = new ConnectomeBuilder(folder.getFileName().toString());
    readNeurons(neurons, builder);
    find(folder, CLASSIFICATION).ifPresent(f -> readClassification(f, builder));
    find(folder, CELL_TYPES).ifPresent(f -> readCellTypes(f, builder));
    readConnections(connections, builder);
    return builder.build();
  }

  /** The files {@link #read} uses, in reading order. */
  public static List<Path> sourceFiles(Path folder) {
    List<Path> files = new ArrayList<>();
    files.add(require(folder, NEURONS));
    find(folder, CLASSIFICATION).ifPresent(files::add);
    find(folder, CELL_TYPES).ifPresent(files::add);
    files.add(connections(folder));
    return files;
  }

  private static Path connections(Path folder) {
    for (String name : CONNECTIONS) {
      Optional<Path> file = find(folder, name);
      if (file.isPresent()) {
        return file.get();
      }
    }
    throw new ConnectomeException(
        folder, 0, 0,
        "no connections.csv(.gz) in the FlyWire Codex folder; download it from codex.flywire.ai"
            + " (Download > connections).");
  }

  private static Path require(Path folder, String name) {
    return find(folder, name)
        .orElseThrow(
            () ->
                new ConnectomeException(
                    folder, 0, 0,
                    "no " + name + "(.gz) in the FlyWire Codex folder; download it from"
                        + " codex.flywire.ai."));
  }

  /** {@code name.gz} or {@code name}; the gzipped download is the usual one. */
  private static Optional<Path> find(Path folder, String name) {
    if (!Files.isDirectory(folder)) {
      throw new ConnectomeException(folder, 0, 0, "expected a FlyWire Codex download folder.");
    }
    for (String candidate : new String[] {name + ".gz", name}) {
      Path file = folder.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  private static void readNeurons(Path file, ConnectomeBuilder builder) {
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int id = csv.requireColumn("root_id");
      int group = csv.column("group");
      int nt = csv.column("nt_type");
      while (csv.next()) {
        Transmitter transmitter =
            nt < 0 || csv.isEmpty(nt) ? null : Transmitter.parse(csv.text(nt)).orElse(null);
        builder.declare(
            new Neuron(csv.id(id), null, text(csv, group), null, null, null, transmitter),
            file, csv.line());
      }
    }
  }

  private static void readClassification(Path file, ConnectomeBuilder builder) {
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int id = csv.requireColumn("root_id");
      int superClass = csv.column("super_class");
      int cellClass = csv.column("class", "cell_class");
      int side = csv.column("side");
      while (csv.next()) {
        String c = text(csv, cellClass);
        String sc = text(csv, superClass);
        String s = text(csv, side);
        builder.update(
            csv.id(id),
            n -> new Neuron(n.id(), n.type(), n.instance(), c, sc, s, n.transmitter()));
      }
    }
  }

  private static void readCellTypes(Path file, ConnectomeBuilder builder) {
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int id = csv.requireColumn("root_id");
      int type = csv.requireColumn("primary_type", "cell_type");
      while (csv.next()) {
        String t = text(csv, type);
        builder.update(
            csv.id(id),
            n ->
                new Neuron(
                    n.id(), t, n.instance(), n.cellClass(), n.superClass(), n.side(),
                    n.transmitter()));
      }
    }
  }

  private static void readConnections(Path file, ConnectomeBuilder builder) {
    int fileNumber = builder.file(file);
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int pre = csv.requireColumn("pre_root_id", "pre_pt_root_id");
      int post = csv.requireColumn("post_root_id", "post_pt_root_id");
      int neuropil = csv.column("neuropil");
      int count = csv.requireColumn("syn_count");
      while (csv.next()) {
        csv.requireHeaderWidth();
        int p = builder.neuron(csv.id(pre));
        int q = builder.neuron(csv.id(post));
        String roi = neuropil < 0 ? null : csv.text(neuropil);
        builder.row(p, q, roi, csv.synapseCount(count), fileNumber, csv.line());
      }
    }
  }

  private static String text(CsvReader csv, int column) {
    return column < 0 || csv.isEmpty(column) ? null : csv.text(column);
  }
}
