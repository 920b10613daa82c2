package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the command line's text outputs. A crash never leaves half a file (temp file, then atomic
 * rename); folders are created only inside the output root the user chose (which must exist); an
 * existing file whose content would change is replaced only with {@code --force} (identical content
 * is left alone), and the refusal lists every such file before anything is written.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** What writing a file did. */
  enum Outcome { WRITTEN, UNCHANGED }

  /**
   * Writes {@code files} (target → text) below {@code root}.
   *
   * @throws UserError when the root does not exist, a target lies outside it, or (without
   *     {@code force}) existing files would change
   */
  static Map<Path, Outcome> write(Path root, Map<Path, String> files, boolean force) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(base)) {
      throw new UserError("the folder " + root + " does not exist; create it first (dmn creates folders only inside the output folder)");
    }
    Map<Path, Outcome> outcomes = new java.util.LinkedHashMap<>();
    List<Path> wouldChange = new java.util.ArrayList<>();
    for (var entry : files.entrySet()) {
      Path target = entry.getKey().toAbsolutePath().normalize();
      if (!target.startsWith(base) || target.equals(base)) {
        throw new UserError("refusing to write " + target + " outside " + base);
      }
      byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        boolean same = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(target), bytes);
        if (same) {
          outcomes.put(entry.getKey(), Outcome.UNCHANGED);
          continue;
        }
        wouldChange.add(entry.getKey());
      }
      outcomes.put(entry.getKey(), Outcome.WRITTEN);
    }
    if (!wouldChange.isEmpty() && !force) {
      throw new UserError((wouldChange.size() == 1 ? wouldChange.get(0) + " already exists" : wouldChange.size() + " files already exist ("
          + String.join(", ", wouldChange.stream().limit(5).map(Path::toString).toList()) + (wouldChange.size() > 5 ? ", …" : "") + ")")
          + " and would change; nothing was written. Pass --force to replace " + (wouldChange.size() == 1 ? "it" : "them") + ", or choose another output.");
    }
    for (var entry : files.entrySet()) {
      if (outcomes.get(entry.getKey()) == Outcome.WRITTEN) {
        writeAtomically(entry.getKey(), entry.getValue());
      }
    }
    return outcomes;
  }

  /** Writes a file the command owns (fmt's in-place rewrite): through a temp file and a rename. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".dmn-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
