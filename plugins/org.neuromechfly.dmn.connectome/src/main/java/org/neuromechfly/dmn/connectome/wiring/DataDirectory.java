package org.neuromechfly.dmn.connectome.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.ConnectomeSource;

/**
 * The folder connectome sources are resolved against, and optionally where imported subsets are
 * cached. Models name data relative to this root so that the same model runs on every machine.
 */
public final class DataDirectory {

  /** System property naming the data root. */
  public static final String PROPERTY = "dmn.data.dir";
  /** Environment variable naming the data root when the property is not set. */
  public static final String ENVIRONMENT = "DMN_DATA_DIR";
  /** System property naming the cache folder. */
  public static final String CACHE_PROPERTY = "dmn.cache.dir";
  /** Environment variable naming the cache folder when the property is not set. */
  public static final String CACHE_ENVIRONMENT = "DMN_CACHE_DIR";

  private final Path root;
  private final Path cacheDir;

  private DataDirectory(Path root, Path cacheDir) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.cacheDir = cacheDir == null ? null : cacheDir.toAbsolutePath().normalize();
  }

  /** A data root without a cache: every build reads the source files. */
  public static DataDirectory of(Path root) {
    return new DataDirectory(root, null);
  }

  /**
   * The data root from {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code ../shared/data}
   * relative to the working directory; the cache from {@value #CACHE_PROPERTY}, else
   * {@value #CACHE_ENVIRONMENT}, else {@code ~/.cache/neuromechfly-dmn}.
   */
  public static DataDirectory fromSystemProperty() {
    Path root = setting(PROPERTY, ENVIRONMENT).map(Path::of).orElse(Path.of("..", "shared", "data"));
    Path cache =
        setting(CACHE_PROPERTY, CACHE_ENVIRONMENT)
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".cache", "neuromechfly-dmn"));
    return new DataDirectory(root, cache);
  }

  private static Optional<String> setting(String property, String environment) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** The same root with imported subsets cached under {@code cache}. */
  public DataDirectory withCache(Path cache) {
    return new DataDirectory(root, Objects.requireNonNull(cache, "cache"));
  }

  /** The same root without a cache. */
  public DataDirectory withoutCache() {
    return new DataDirectory(root, null);
  }

  /** The absolute data root. */
  public Path root() {
    return root;
  }

  /** The cache folder, or empty when caching is off. */
  public Optional<Path> cacheDir() {
    return Optional.ofNullable(cacheDir);
  }

  /** Whether the data root exists (tests skip when it does not). */
  public boolean exists() {
    return Files.isDirectory(root);
  }

  /**
   * The file or folder of a source: its path if absolute, else resolved against the root.
   *
   * @throws ConnectomeException if it does not exist, naming where it was looked for
   */
  public Path resolve(ConnectomeSource source) {
    Path declared = Path.of(source.path());
    Path resolved = declared.isAbsolute() ? declared : root.resolve(declared).normalize();
    if (!Files.exists(resolved)) {
      throw new ConnectomeException(
          "connectome '" + source.name() + "': " + resolved + " does not exist. Put the "
              + source.format().keyword() + " export there, or point -D" + PROPERTY + " (or "
              + ENVIRONMENT + ") at the folder that holds '" + source.path() + "'.");
    }
    return resolved;
  }

  @Override
  public String toString() {
    return "DataDirectory[" + root + (cacheDir == null ? "" : ", cache " + cacheDir) + "]";
  }
}
