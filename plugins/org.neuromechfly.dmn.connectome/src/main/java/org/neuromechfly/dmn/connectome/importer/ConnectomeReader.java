package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Path;
import java.util.List;
import org.neuromechfly.dmn.model.ConnectomeFormat;

/** Picks the importer for a declared format: the one place that maps formats to readers. */
public final class ConnectomeReader {

  private ConnectomeReader() {}

  /** Reads the export at {@code path} (a folder or file, as the format expects). */
  public static Connectome read(ConnectomeFormat format, Path path) {
    return switch (format) {
      case NEUPRINT -> NeuprintImporter.read(path);
      case FLYWIRE_CODEX -> CodexImporter.read(path);
      case FLYVIS -> FlyvisImporter.read(path).toConnectome();
      case ADJACENCY -> AdjacencyImporter.read(path);
      case SHIU -> ShiuImporter.read(path);
      case GLOMERULUS_MAP -> throw new org.neuromechfly.dmn.connectome.ConnectomeException(path, 0, 0,
          "a glomerulus table (format glomerulus_map) holds no synapses to query; use it as 'glomerular by NAME'.");
    };
  }

  /** The files {@link #read} would read, in reading order, for checksums and cache keys. */
  public static List<Path> sourceFiles(ConnectomeFormat format, Path path) {
    return switch (format) {
      case NEUPRINT -> NeuprintImporter.sourceFiles(path);
      case FLYWIRE_CODEX -> CodexImporter.sourceFiles(path);
      case FLYVIS -> List.of(path);
      case ADJACENCY -> AdjacencyImporter.sourceFiles(path);
      case SHIU -> ShiuImporter.sourceFiles(path);
      case GLOMERULUS_MAP -> GlomerulusTable.sourceFiles(path);
    };
  }
}
