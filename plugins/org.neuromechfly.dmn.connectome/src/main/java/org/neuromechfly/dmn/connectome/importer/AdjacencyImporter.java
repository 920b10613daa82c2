package org.neuromechfly.dmn.connectome.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Reads synapse-count adjacency matrices with a labels file, as graspologic ships the larval mushroom
 * body (Eichler et al. 2017): {@code <side>_adjacency.csv} (whitespace-separated, row = pre,
 * column = post) beside {@code <side>_cell_labels.csv} (one label per line). A folder reads every
 * such pair, the file prefix becoming the side; single-letter labels K, P, O, I become the types KC,
 * PN, MBON and MBIN, other labels are kept as they are. Neuron ids are 1, 2, ... over all files.
 */
public final class AdjacencyImporter {

  static final String MATRIX_SUFFIX = "_adjacency.csv";
  static final String LABELS_SUFFIX = "_cell_labels.csv";
  private static final Map<String, String> LETTER_TYPES =
      Map.of("K", "KC", "P", "PN", "O", "MBON", "I", "MBIN");

  private AdjacencyImporter() {}

  /**
   * Reads a folder of matrix/labels pairs or one matrix file.
   *
   * @throws ConnectomeException for missing files, ragged rows or bad counts
   */
  public static Connectome read(Path path) {
    ConnectomeBuilder builder = new ConnectomeBuilder(path.getFileName().toString());
    long firstId = 1;
    for (Path matrix : matrices(path)) {
      firstId += readPair(matrix, labelsOf(matrix), builder, firstId);
    }
    return builder.build();
  }

  /** Matrix and labels files in reading order. */
  public static List<Path> sourceFiles(Path path) {
    List<Path> files = new ArrayList<>();
    for (Path matrix : matrices(path)) {
      files.add(matrix);
      files.add(labelsOf(matrix));
    }
    return files;
  }

  private static List<Path> matrices(Path path) {
    if (!Files.isDirectory(path)) {
      if (!Files.isRegularFile(path)) {
        throw new ConnectomeException(path, 0, 0, "adjacency matrix not found; check the path.");
      }
      return List.of(path);
    }
    try (Stream<Path> listing = Files.list(path)) {
      List<Path> found =
          listing.filter(p -> p.getFileName().toString().endsWith(MATRIX_SUFFIX)).sorted().toList();
      if (found.isEmpty()) {
        throw new ConnectomeException(
            path, 0, 0, "no *" + MATRIX_SUFFIX + " files; expected matrix and *" + LABELS_SUFFIX + " pairs.");
      }
      return found;
    } catch (IOException e) {
      throw new ConnectomeException(path, 0, 0, "cannot list the folder: " + e.getMessage(), e);
    }
  }

  private static Path labelsOf(Path matrix) {
    String name = matrix.getFileName().toString();
    String prefix = name.endsWith(MATRIX_SUFFIX) ? name.substring(0, name.length() - MATRIX_SUFFIX.length()) : name.replaceFirst("\\.csv$", "");
    Path labels = matrix.resolveSibling(prefix + LABELS_SUFFIX);
    if (!Files.isRegularFile(labels)) {
      throw new ConnectomeException(
          matrix, 0, 0, "no labels file " + labels.getFileName() + " beside the matrix; add it.");
    }
    return labels;
  }

  /** Reads one pair; returns the number of neurons added. */
  private static int readPair(Path matrix, Path labelsFile, ConnectomeBuilder builder, long firstId) {
    String name = matrix.getFileName().toString();
    String side = name.endsWith(MATRIX_SUFFIX) ? name.substring(0, name.length() - MATRIX_SUFFIX.length()) : null;
    List<String> labels = new ArrayList<>();
    try (CsvReader csv = CsvReader.openWhitespace(labelsFile)) {
      while (csv.next()) {
        labels.add(csv.text(0));
      }
    }
    int n = labels.size();
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      String label = labels.get(i);
      String type = LETTER_TYPES.getOrDefault(label, label);
      index[i] = builder.declare(new Neuron(firstId + i, type, label, label, null, side, null), labelsFile, i + 1);
    }
    int file = builder.file(matrix);
    int row = 0;
    try (CsvReader csv = CsvReader.openWhitespace(matrix)) {
      while (csv.next()) {
        if (row >= n) {
          throw new ConnectomeException(
              matrix, csv.line(), 1, "more rows than the " + n + " labels in " + labelsFile.getFileName() + ".");
        }
        if (csv.fieldCount() != n) {
          throw new ConnectomeException(
              matrix, csv.line(), Math.min(csv.fieldCount(), n) + 1,
              "row has " + csv.fieldCount() + " values, expected " + n + " (one per label).");
        }
        for (int col = 0; col < n; col++) {
          double count = csv.count(col);
          if (count > 0) {
            builder.row(index[row], index[col], null, (float) count, file, csv.line());
          }
        }
        row++;
      }
    }
    if (row != n) {
      throw new ConnectomeException(
          matrix, row + 1, 0, "the matrix has " + row + " rows but there are " + n + " labels; it is cut short.");
    }
    return n;
  }
}
