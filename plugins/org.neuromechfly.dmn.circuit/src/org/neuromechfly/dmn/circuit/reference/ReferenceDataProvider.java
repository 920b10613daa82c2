package org.neuromechfly.dmn.circuit.reference;

import com.google.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.emf.common.util.URI;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.reference.ReferenceData;

/**
 * The cell-type reference data a model is checked and compiled against: the bundled
 * {@code cell_types.yaml}, or the file the model names, resolved next to the model. Loaded files are
 * cached until they change on disk, so validating while typing stays cheap.
 */
@Singleton
public class ReferenceDataProvider {

  /** Reference data, or why it could not be had. */
  public record Lookup(ReferenceData data, String problem) {
    public boolean ok() {
      return data != null;
    }
  }

  private record Cached(FileTime modified, Lookup lookup) {}

  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  public Lookup forCircuit(Circuit circuit) {
    if (circuit.getReference() == null || circuit.getReference().isBlank()) {
      return new Lookup(ReferenceData.bundled(), null);
    }
    Path file = resolve(circuit);
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      Cached cached = cache.get(file);
      if (cached != null && cached.modified().equals(modified)) {
        return cached.lookup();
      }
      Lookup lookup = load(file);
      cache.put(file, new Cached(modified, lookup));
      return lookup;
    } catch (java.io.IOException e) {
      return new Lookup(null, "Cannot read the reference file " + file + ". Check the path (it is resolved next to the model), or remove 'reference' to use the bundled cell_types.yaml.");
    }
  }

  private static Lookup load(Path file) {
    try {
      return new Lookup(ReferenceData.load(file), null);
    } catch (ConnectomeException e) {
      return new Lookup(null, e.getMessage());
    }
  }

  private static Path resolve(Circuit circuit) {
    Path named = Path.of(circuit.getReference());
    if (named.isAbsolute()) {
      return named;
    }
    URI uri = circuit.eResource() == null ? null : circuit.eResource().getURI();
    if (uri != null && uri.isPlatform()) {
      // inside Eclipse: platform:/resource/... becomes a file URI
      uri = org.eclipse.emf.common.CommonPlugin.resolve(uri);
    }
    if (uri != null && uri.isFile()) {
      Path parent = Path.of(uri.toFileString()).toAbsolutePath().getParent();
      if (parent != null) {
        return parent.resolve(named).normalize();
      }
    }
    return named.toAbsolutePath().normalize();
  }
}
