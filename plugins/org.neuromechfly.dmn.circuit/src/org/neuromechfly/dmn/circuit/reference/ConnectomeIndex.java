package org.neuromechfly.dmn.circuit.reference;

import com.google.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.ConnectomeReader;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;

/**
 * Connectome sources a model names, loaded once and kept until their files change, so that the
 * validator can check queries against real data. Paths resolve in the data directory the tools use
 * ({@link #use}: the command line's {@code --data-dir}; otherwise the system property and environment),
 * confined to it like everywhere else ({@link DataDirectory#locate}).
 */
@Singleton
public class ConnectomeIndex {

  /**
   * A loaded connectome, or why it could not be loaded.
   *
   * @param path where the source's data was looked for ({@code null} when the path itself is invalid)
   * @param connectome the data, when loaded (never for a glomerulus table: it holds no synapses)
   * @param problem why not, or {@code null}
   * @param missing whether the problem is only that nothing is there (the data may be on another
   *     machine), rather than a path or data that cannot be right anywhere
   */
  public record Loaded(Path path, Connectome connectome, String problem, boolean missing) {}

  /** What a cached load depended on: the names, sizes and times of the files it read. */
  private record Cached(List<String> signature, Loaded loaded) {}

  /** The most sources kept loaded: a model names a few; the least recently used go first. */
  private static final int CACHED_SOURCES = 16;

  private final Map<Path, Cached> cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
      return size() > CACHED_SOURCES;
    }
  });
  private volatile DataDirectory data;

  /** Resolves sources in this data directory from now on (the command line's {@code --data-dir}). */
  public void use(DataDirectory directory) {
    this.data = directory;
  }

  /** The data directory sources resolve in. */
  public DataDirectory dataDirectory() {
    DataDirectory chosen = data;
    return chosen != null ? chosen : DataDirectory.fromSystemProperty();
  }

  public Loaded load(ConnectomeSource source) {
    var format = Vocabulary.CONNECTOME_FORMATS.lookup(source.getFormat());
    Path path;
    DataDirectory directory;
    try {
      directory = dataDirectory();
      path = directory.locate(source.getPath() == null ? "" : source.getPath());
    } catch (ConnectomeException e) {
      return new Loaded(null, null, e.getMessage(), false);
    }
    if (format.isEmpty()) {
      return new Loaded(path, null, null, false);
    }
    if (!Files.exists(path)) {
      boolean deadLink = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
      return new Loaded(path, null, DataDirectory.missing(path, format.get().keyword(), source.getPath()), !deadLink);
    }
    List<String> signature = signature(path);
    Cached cached = cache.get(path);
    if (cached != null && cached.signature().equals(signature)) {
      return cached.loaded();
    }
    Loaded loaded;
    try {
      if (format.get().hasSynapses()) {
        loaded = new Loaded(path, ConnectomeReader.read(format.get(), path), null, false);
      } else {
        // a glomerulus table: it must read, but it is no connectome to query
        org.neuromechfly.dmn.connectome.importer.GlomerulusTable.read(path);
        loaded = new Loaded(path, null, null, false);
      }
    } catch (ConnectomeException e) {
      loaded = new Loaded(path, null, e.getMessage(), false);
    }
    cache.put(path, new Cached(signature, loaded));
    return loaded;
  }

  /** Names, sizes and modification times of the path and, for a folder, of its entries. */
  private static List<String> signature(Path path) {
    List<String> signature = new ArrayList<>();
    signature.add(stamp(path));
    if (Files.isDirectory(path)) {
      try (Stream<Path> entries = Files.list(path)) {
        entries.sorted().forEach(p -> signature.add(p.getFileName() + ":" + stamp(p)));
      } catch (IOException e) {
        signature.add("unlistable");
      }
    }
    return signature;
  }

  private static String stamp(Path p) {
    try {
      return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
