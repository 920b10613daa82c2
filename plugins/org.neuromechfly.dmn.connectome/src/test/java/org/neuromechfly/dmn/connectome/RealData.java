package org.neuromechfly.dmn.connectome;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;

/** The shared real data ({@code dmn.data.dir}); tests that need it skip when it is absent. */
public final class RealData {

  private RealData() {}

  public static DataDirectory directory() {
    return DataDirectory.fromSystemProperty().withoutCache();
  }

  /** A path under the data root; skips the calling test when it does not exist. */
  public static Path require(String relative) {
    Path path = directory().root().resolve(relative);
    assumeTrue(Files.exists(path), "real data not available at " + path);
    return path;
  }
}
