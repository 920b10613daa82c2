package org.neuromechfly.dmn.connectome.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.PrintableText;

/**
 * The folder connectome sources are resolved against, and optionally where imported subsets are
 * cached. Models name data relative to this root so that the same model runs on every machine.
 *
 * <p>Paths are <em>confined</em> to the root: a model (which the editor or a language server may open
 * from anywhere) cannot make the tools read {@code /etc/passwd} or {@code ../../secret}. Paths that
 * leave the root, lexically, are refused unless the user opts out explicitly ({@link #allowingOutside},
 * {@value #ALLOW_OUTSIDE_PROPERTY}, {@value #ALLOW_OUTSIDE_ENVIRONMENT}, {@code dmn --allow-outside-data-dir}).
 * What lies inside the root, symbolic links included, is the user's own choice of data.
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
  /** System property that, set to {@code true}, lets connectome paths leave the data root. */
  public static final String ALLOW_OUTSIDE_PROPERTY = "dmn.data.allowOutside";
  /** Environment variable that, set to {@code 1} or {@code true}, lets connectome paths leave the root. */
  public static final String ALLOW_OUTSIDE_ENVIRONMENT = "DMN_DATA_ALLOW_OUTSIDE";

  private final Path root;
  private final Path cacheDir;
  private final boolean confined;

  private DataDirectory(Path root, Path cacheDir, boolean confined) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.cacheDir = cacheDir == null ? null : cacheDir.toAbsolutePath().normalize();
    this.confined = confined;
  }

  /** A data root without a cache: every build reads the source files. Paths stay inside the root. */
  public static DataDirectory of(Path root) {
    return new DataDirectory(root, null, true);
  }

  /**
   * The data root from {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code ../shared/data}
   * relative to the working directory; the cache from {@value #CACHE_PROPERTY}, else
   * {@value #CACHE_ENVIRONMENT}, else {@code ~/.cache/neuromechfly-dmn}; paths confined to the root
   * unless {@value #ALLOW_OUTSIDE_PROPERTY} or {@value #ALLOW_OUTSIDE_ENVIRONMENT} says otherwise.
   *
   * @throws ConnectomeException when a setting is not a valid path
   */
  public static DataDirectory fromSystemProperty() {
    Path root = setting(PROPERTY, ENVIRONMENT).map(DataDirectory::settingPath).orElse(Path.of("..", "shared", "data"));
    Path cache =
        setting(CACHE_PROPERTY, CACHE_ENVIRONMENT)
            .map(DataDirectory::settingPath)
            .orElse(Path.of(System.getProperty("user.home"), ".cache", "neuromechfly-dmn"));
    boolean outside = setting(ALLOW_OUTSIDE_PROPERTY, ALLOW_OUTSIDE_ENVIRONMENT)
        .map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
        .orElse(false);
    return new DataDirectory(root, cache, !outside);
  }

  private static Path settingPath(String value) {
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConnectomeException("the data directory setting '" + PrintableText.excerpt(value, 200) + "' is not a valid path: " + e.getReason() + ".");
    }
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
    return new DataDirectory(root, Objects.requireNonNull(cache, "cache"), confined);
  }

  /** The same root without a cache. */
  public DataDirectory withoutCache() {
    return new DataDirectory(root, null, confined);
  }

  /** The same root, letting connectome paths lead outside it (the user's explicit opt-out). */
  public DataDirectory allowingOutside() {
    return new DataDirectory(root, cacheDir, false);
  }

  /** Whether connectome paths must stay inside the root. */
  public boolean confined() {
    return confined;
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
   * Where a path written in a model points: resolved against the root (an absolute path as it is),
   * normalised, and, while the directory is {@link #confined}, inside the root. Does not look at the
   * file system.
   *
   * @param declared the path as the model writes it
   * @throws ConnectomeException when the text is not a path, or the path leaves a confined root
   */
  public Path locate(String declared) {
    Path path;
    try {
      path = Path.of(declared);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConnectomeException("'" + PrintableText.excerpt(declared, 200) + "' is not a valid path (" + e.getReason()
          + "); write a path relative to the data directory " + root + ".");
    }
    Path resolved = root.resolve(path).normalize();
    if (confined && !resolved.startsWith(root)) {
      throw new ConnectomeException("'" + PrintableText.excerpt(declared, 200) + "' lies outside the data directory " + root
          + "; connectome paths are relative to it. Point --data-dir (or -D" + PROPERTY + ", " + ENVIRONMENT
          + ") at the folder that holds the data, or allow paths outside it explicitly with"
          + " --allow-outside-data-dir (-D" + ALLOW_OUTSIDE_PROPERTY + "=true, " + ALLOW_OUTSIDE_ENVIRONMENT + "=1).");
    }
    return resolved;
  }

  /**
   * The file or folder of a source, {@linkplain #locate located} against the root.
   *
   * @throws ConnectomeException if it is not a valid path, leaves a confined root or does not exist,
   *     naming where it was looked for
   */
  public Path resolve(ConnectomeSource source) {
    Path resolved;
    try {
      resolved = locate(source.path());
    } catch (ConnectomeException e) {
      throw new ConnectomeException("connectome '" + source.name() + "': " + e.getMessage());
    }
    if (!Files.exists(resolved)) {
      throw new ConnectomeException("connectome '" + source.name() + "': " + missing(resolved, source.format().keyword(), source.path()));
    }
    return resolved;
  }

  /** Why a located path cannot be read because nothing is there, and what to do. */
  public static String missing(Path resolved, String format, String declared) {
    if (Files.isSymbolicLink(resolved)) {
      return resolved + " is a symbolic link that leads nowhere (its target is missing, or links form a loop); fix the link.";
    }
    return resolved + " does not exist. Put the " + format + " export there, or point --data-dir (or -D" + PROPERTY
        + ", " + ENVIRONMENT + ") at the folder that holds '" + PrintableText.excerpt(declared, 200) + "'.";
  }

  @Override
  public String toString() {
    return "DataDirectory[" + root + (cacheDir == null ? "" : ", cache " + cacheDir) + (confined ? "" : ", paths outside allowed") + "]";
  }
}
