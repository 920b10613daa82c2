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
      if (Files.isRegularFile(table)) {
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
      if (!Files.isRegularFile(path)) {
        throw new ConnectomeException(path, 0, 0, "neuPrint export not found; check the path.");
      }
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
        if (isEdgeFile(file)) {
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

  private static boolean isEdgeFile(Path file) {
    String name = file.getFileName().toString();
    if (!(name.endsWith(".csv") || name.endsWith(".csv.gz")) || !Files.isRegularFile(file)) {
      return false;
    }
    try (CsvReader csv = CsvReader.open(file)) {
      List<String> header = csv.readHeader();
      return header.contains("bodyId_pre") && header.contains("bodyId_post")
          && header.contains("weight");
    } catch (ConnectomeException e) {
      return false; // not a table we read; reported only if nothing usable is found
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
        builder.row(p, q, roiName, (float) csv.count(weight), fileNumber, csv.line());
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
