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
 * <p>Folders are created only inside the chosen output root (the folder of an explicit file, which
 * must exist; the output folder of declared paths, created if its parent exists), never above it. With {@link #replace} off, an
 * existing file that would change is refused (identical content is left as it is), so hand-edited or
 * earlier outputs are never lost without an explicit {@code --force}.
 *
 * @param file the resolved, normalised file to write
 * @param root the output root: folders are created below it only
 * @param explicit whether the user named this file directly
 * @param replace whether an existing file with other content may be replaced
 */
public record OutputTarget(Path file, Path root, boolean explicit, boolean replace) {
  public OutputTarget {
    Objects.requireNonNull(file, "file");
    file = file.toAbsolutePath().normalize();
    root = (root == null ? file.getParent() : root).toAbsolutePath().normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException(file + " is not inside the output folder " + root);
    }
  }

  /** A file in its own folder, replacing an existing one. */
  public OutputTarget(Path file, boolean explicit) {
    this(file, null, explicit, true);
  }

  /** A file the user named directly: written there, wherever it is (its folder must exist). */
  public static OutputTarget explicit(Path file) {
    return new OutputTarget(file, true);
  }

  /** The same target, allowed (or not) to replace an existing file whose content differs. */
  public OutputTarget replacing(boolean allowed) {
    return new OutputTarget(file, root, explicit, allowed);
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
              + "output folder " + folder + ". Give the file explicitly (dmn export --nir FILE or --loihi FILE) to write elsewhere.");
    }
    Path file = folder.resolve(declared).normalize();
    if (!file.startsWith(folder) || file.equals(folder)) {
      throw new IllegalArgumentException(
          "export path '" + pathInModel + "' in the model leaves the output folder " + folder
              + ". Give the file explicitly (dmn export --nir FILE or --loihi FILE) to write outside it.");
    }
    checkNoLinkOut(pathInModel, folder, file);
    return new OutputTarget(file, folder, false, true);
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

  /** The target for a file next to this one, under the same root and rules. */
  public OutputTarget siblingTarget(String suffix) {
    return new OutputTarget(sibling(suffix), root, explicit, replace);
  }

  /**
   * Writes through a temporary file in the same folder and moves it into place, so a failed export
   * never leaves a truncated file (jhdf writes new files only; this also lets an export replace one).
   */
  public void writeAtomically(IoWriter writer) {
    createFolders();
    try {
      Path tmp = Files.createTempFile(file.getParent(), ".dmn-", ".tmp");
      try {
        Files.delete(tmp);
        writer.write(tmp);
        if (!replace && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.mismatch(tmp, file) == -1) {
            return; // the same content: nothing to replace
          }
          throw new IllegalArgumentException(
              file + " already exists and would change; pass --force to replace it, or write elsewhere.");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " (" + reason(e) + ")", e);
    }
  }

  /**
   * Refuses, before anything is written, when this target would replace a file whose content differs
   * from {@code content} and replacing is off.
   */
  public void requireReplaceable(byte[] content) {
    if (replace || !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
        return;
      }
    } catch (IOException e) {
      // unreadable: treat as different
    }
    throw new IllegalArgumentException(file + " already exists and would change; pass --force to replace it, or write elsewhere.");
  }

  /**
   * Creates the folders between the root and the file. The folder of an explicit file must exist; an
   * output folder is created when its parent exists — never a chain of folders anywhere.
   */
  private void createFolders() {
    Path parent = root.getParent();
    if (!Files.isDirectory(root) && (explicit || parent == null || !Files.isDirectory(parent))) {
      throw new IllegalArgumentException(
          "the folder " + (explicit ? root : parent) + " does not exist; create it first (dmn creates folders only inside the output folder).");
    }
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + file.getParent() + " (" + reason(e) + ")", e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Writes one file given its (temporary) path. */
  @FunctionalInterface
  public interface IoWriter {
    void write(Path path) throws IOException;
  }
}
