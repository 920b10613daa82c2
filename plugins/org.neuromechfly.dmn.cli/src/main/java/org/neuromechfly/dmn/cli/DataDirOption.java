package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir} and its opt-out from confinement, shared by every command that reads
 * connectome data (validation reads it too): validation and training resolve in the same folder.
 */
final class DataDirOption {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where connectome paths in the model resolve (default: -Ddmn.data.dir, $DMN_DATA_DIR, ../shared/data)")
  Path dataDir;

  @Option(names = "--allow-outside-data-dir",
      description = "let connectome paths in the model lead outside the data directory (by default they must stay inside it)")
  boolean allowOutside;

  /** The data directory this command reads connectome data from. */
  DataDirectory directory() {
    DataDirectory data = dataDir == null ? DataDirectory.fromSystemProperty() : DataDirectory.of(dataDir);
    return allowOutside ? data.allowingOutside() : data;
  }
}
