package org.neuromechfly.dmn.connectome.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Reads neuPrint exports (hemibrain): the bulk export ({@code traced-neurons.csv},
 * {@code traced-roi-connections.csv} or {@code traced-total-connections.csv}) or CSVs written from
 * neuprint-python {@code fetch_neurons}/{@code fetch_adjacencies} ({@code neurons.csv} with
 * {@code bodyId,type,instance} and edge files with {@code bodyId_pre,bodyId_post[,roi],weight}).
 *
 * <p>In a folder every {@code .csv} / {@code .csv.gz} file must be one of the two kinds: a
 * connection table, or a table of neurons (any table with a {@code bodyId} column, e.g. the
 * {@code meta_*.csv} of neuprint-python). A file that is neither, cannot be read, or is a folder or
 * a broken link is an error naming it, never silently skipped: a skipped connection file would
 * make a query select too little without saying why.
 */
public final class NeuprintImporter {

  static final String[] NEURON_FILES = {"traced-neurons.csv", "neurons.csv"};
  static final String ROI_CONNECTIONS = "traced-roi-connections.csv";
  static final String TOTAL_CONNECTIONS = "traced-total-connections.csv";

  private NeuprintImporter() {}

  /**
   * Reads a folder (or a single edge CSV with its {@code neurons.csv} beside it).
   *
   * @throws ConnectomeException for missing files or bad rows, naming file, line and column
   */
  public static Connectome read(Path path) {
    List<Path> files = filesOf(path);
    ConnectomeBuilder builder = new ConnectomeBuilder(path.getFileName().toString());
    Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    for (String name : NEURON_FILES) {
      Path table = folder.resolve(name);
      if (Files.exists(table, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        requireReadableFile(table);
        readNeurons(table, builder);
        break;
      }
    }
    for (Path file : files) {
      readConnections(file, builder);
    }
    return builder.build();
  }

  /** The source files {@link #read} uses, for checksums and the cache key. */
  public static List<Path> sourceFiles(Path path) {
    List<Path> files = new ArrayList<>();
    Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    for (String name : NEURON_FILES) {
      if (Files.isRegularFile(folder.resolve(name))) {
        files.add(folder.resolve(name));
        break;
      }
    }
    files.addAll(filesOf(path));
    return files;
  }

  /** Edge files: the bulk roi export, else the total export, else every edge-shaped CSV by name. */
  private static List<Path> filesOf(Path path) {
    if (!Files.isDirectory(path)) {
      if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new ConnectomeException(path, 0, 0, "neuPrint export not found; check the path.");
      }
      requireReadableFile(path);
      return List.of(path);
    }
    for (String bulk : new String[] {ROI_CONNECTIONS, TOTAL_CONNECTIONS}) {
      if (Files.isRegularFile(path.resolve(bulk))) {
        return List.of(path.resolve(bulk));
      }
    }
    List<Path> edgeFiles = new ArrayList<>();
    try (Stream<Path> listing = Files.list(path)) {
      for (Path file : listing.sorted().toList()) {
        if (isTable(file) && isEdgeFile(file)) {
          edgeFiles.add(file);
        }
      }
    } catch (IOException e) {
      throw new ConnectomeException(path, 0, 0, "cannot list the folder: " + e.getMessage(), e);
    }
    if (edgeFiles.isEmpty()) {
      throw new ConnectomeException(
          path, 0, 0,
          "no neuPrint connection files: expected " + ROI_CONNECTIONS + ", " + TOTAL_CONNECTIONS
              + " or CSVs with columns bodyId_pre,bodyId_post,weight.");
    }
    return edgeFiles;
  }

  private static boolean isTable(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".csv") || name.endsWith(".csv.gz");
  }

  /**
   * Whether a table in the folder holds connections (any of their columns named) rather than
   * neurons (a {@code bodyId} column); anything else is an error naming the file.
   */
  private static boolean isEdgeFile(Path file) {
    requireReadableFile(file);
    try (CsvReader csv = CsvReader.open(file)) {
      List<String> header = csv.readHeader();
      if (header.contains("bodyId_pre") || header.contains("bodyId_post") || header.contains("weight")) {
        return true; // a connection table: reading it names any missing column
      }
      if (csv.column("bodyId", "bodyid", "body_id") >= 0) {
        return false; // a table of neurons, such as neuprint-python's meta_*.csv
      }
      throw new ConnectomeException(
          file, 1, 0,
          "neither a neuPrint connection table (bodyId_pre, bodyId_post, weight) nor a table of neurons"
              + " (bodyId, type, instance): " + csv.describeHeader() + ". Fix the header, or move the file"
              + " out of the connectome folder.");
    }
  }

  /** A table path must be a readable regular file (not a folder, not a link that leads nowhere). */
  private static void requireReadableFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new ConnectomeException(file, 0, 0, "is a folder, not a table; move it out of the connectome folder.");
    }
    if (!Files.exists(file)) {
      throw new ConnectomeException(
          file, 0, 0,
          "is a symbolic link that leads nowhere (its target is missing, or links form a loop); fix or remove it.");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConnectomeException(file, 0, 0, "is not a regular file (a device or pipe?); only files are read.");
    }
  }

  private static void readNeurons(Path table, ConnectomeBuilder builder) {
    try (CsvReader csv = CsvReader.open(table)) {
      csv.readHeader();
      int id = csv.requireColumn("bodyId", "bodyid", "body_id");
      int type = csv.column("type");
      int instance = csv.column("instance");
      while (csv.next()) {
        String instanceText = text(csv, instance);
        builder.declare(
            new Neuron(csv.id(id), text(csv, type), instanceText, null, null, side(instanceText), null),
            table, csv.line());
      }
    }
  }

  private static void readConnections(Path file, ConnectomeBuilder builder) {
    int fileNumber = builder.file(file);
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int pre = csv.requireColumn("bodyId_pre");
      int post = csv.requireColumn("bodyId_post");
      int weight = csv.requireColumn("weight");
      int roi = csv.column("roi");
      while (csv.next()) {
        csv.requireHeaderWidth();
        int p = builder.neuron(csv.id(pre));
        int q = builder.neuron(csv.id(post));
        String roiName = roi < 0 ? null : csv.text(roi);
        builder.row(p, q, roiName, csv.synapseCount(weight), fileNumber, csv.line());
      }
    }
  }

  private static String text(CsvReader csv, int column) {
    return column < 0 || csv.isEmpty(column) ? null : csv.text(column);
  }

  /** hemibrain instances end in {@code _R} or {@code _L} for the side of the soma. */
  static String side(String instance) {
    if (instance == null) {
      return null;
    }
    if (instance.endsWith("_R") || instance.endsWith("(R)")) {
      return "right";
    }
    if (instance.endsWith("_L") || instance.endsWith("(L)")) {
      return "left";
    }
    return null;
  }
}
