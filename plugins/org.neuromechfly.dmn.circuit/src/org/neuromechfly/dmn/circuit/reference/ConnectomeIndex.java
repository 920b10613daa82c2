package org.neuromechfly.dmn.circuit.reference;

import com.google.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.ConnectomeReader;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;

/**
 * Connectome sources a model names, loaded once and kept until their files change, so that the
 * validator can check queries against real data while the modeller types.
 */
@Singleton
public class ConnectomeIndex {

  /** A loaded connectome, or why it could not be loaded. */
  public record Loaded(Path path, Connectome connectome, String problem) {}

  private record Cached(FileTime modified, Loaded loaded) {}

  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  public Loaded load(ConnectomeSource source) {
    var format = Vocabulary.CONNECTOME_FORMATS.lookup(source.getFormat());
    DataDirectory data = DataDirectory.fromSystemProperty();
    Path path = data.root().resolve(source.getPath()).normalize();
    if (format.isEmpty()) {
      return new Loaded(path, null, null);
    }
    if (!Files.exists(path)) {
      return new Loaded(path, null, "connectome data not found at " + path + "; set the data directory (-Ddmn.data.dir or DMN_DATA_DIR) or fix the path");
    }
    try {
      FileTime modified = Files.getLastModifiedTime(path);
      Cached cached = cache.get(path);
      if (cached != null && cached.modified().equals(modified)) {
        return cached.loaded();
      }
      Loaded loaded;
      try {
        loaded = new Loaded(path, ConnectomeReader.read(format.get(), path), null);
      } catch (ConnectomeException e) {
        loaded = new Loaded(path, null, e.getMessage());
      }
      cache.put(path, new Cached(modified, loaded));
      return loaded;
    } catch (IOException e) {
      return new Loaded(path, null, "cannot read " + path + ": " + e.getMessage());
    }
  }
}
