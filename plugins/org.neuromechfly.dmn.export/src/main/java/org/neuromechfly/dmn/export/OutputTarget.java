package org.neuromechfly.dmn.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Where an export is written. The rule: a path the user gave explicitly (a command-line option, an API
 * call with {@link #explicit}) is written where it points; a path that comes from the model (the
 * {@code export nir "…"} line, {@link #declared}) is resolved against the output folder and must stay
 * inside it — absolute paths, {@code ..} that climbs out and symbolic links that lead out are refused,
 * so opening someone else's model can never overwrite files elsewhere.
 *
 * @param file the resolved, normalised file to write
 * @param explicit whether the user named this file directly
 */
public record OutputTarget(Path file, boolean explicit) {
  public OutputTarget {
    Objects.requireNonNull(file, "file");
    file = file.toAbsolutePath().normalize();
  }

  /** A file the user named directly: written there, wherever it is. */
  public static OutputTarget explicit(Path file) {
    return new OutputTarget(file, true);
  }

  /**
   * A path written in the model, resolved against {@code outputFolder}.
   *
   * @throws IllegalArgumentException when the path would leave the output folder
   */
  public static OutputTarget declared(String pathInModel, Path outputFolder) {
    Objects.requireNonNull(pathInModel, "pathInModel");
    Path folder = outputFolder.toAbsolutePath().normalize();
    Path declared = Path.of(pathInModel);
    if (declared.isAbsolute()) {
      throw new IllegalArgumentException(
          "export path '" + pathInModel + "' in the model is absolute; model paths are relative to the "
              + "output folder " + folder + ". Give the file explicitly (e.g. --output) to write elsewhere.");
    }
    Path file = folder.resolve(declared).normalize();
    if (!file.startsWith(folder) || file.equals(folder)) {
      throw new IllegalArgumentException(
          "export path '" + pathInModel + "' in the model leaves the output folder " + folder
              + ". Give the file explicitly (e.g. --output) to write outside it.");
    }
    checkNoLinkOut(pathInModel, folder, file);
    return new OutputTarget(file, false);
  }

  private static void checkNoLinkOut(String pathInModel, Path folder, Path file) {
    try {
      if (!Files.exists(folder)) {
        return;
      }
      Path realFolder = folder.toRealPath();
      Path existing = file.getParent();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && !existing.toRealPath().startsWith(realFolder)) {
        throw new IllegalArgumentException(
            "export path '" + pathInModel + "' in the model reaches outside the output folder " + folder
                + " through a symbolic link. Give the file explicitly to write there.");
      }
      if (Files.isSymbolicLink(file)) {
        throw new IllegalArgumentException(
            "export path '" + pathInModel + "' in the model is a symbolic link; refusing to follow it.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check export path " + file, e);
    }
  }

  /** A file next to this one: same folder, name + suffix (e.g. ".quantisation.json"). */
  public Path sibling(String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /**
   * Writes through a temporary file in the same folder and moves it into place, so a failed export
   * never leaves a truncated file (jhdf writes new files only; this also lets an export replace one).
   */
  public void writeAtomically(IoWriter writer) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      try {
        Files.delete(tmp);
        writer.write(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes one file given its (temporary) path. */
  @FunctionalInterface
  public interface IoWriter {
    void write(Path path) throws IOException;
  }
}
