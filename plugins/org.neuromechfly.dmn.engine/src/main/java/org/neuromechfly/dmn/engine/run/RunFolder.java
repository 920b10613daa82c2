package org.neuromechfly.dmn.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder a training run leaves behind, and the one place its layout is written down:
 *
 * <pre>
 *   circuit.json                the circuit IR trained (CircuitJson)
 *   run.json                    how it was run: engine, episodes, threads, held-out starts
 *   checkpoint.json, best.json  resumable state; parameters of the best held-out checkpoint
 *   history.csv, history.json   one row per episode: learning rate, loss and components, measures
 *   loss.png, trajectories-before.png, trajectories-after.png, raster-&lt;population&gt;.png
 *   summary.txt, summary.json   held-out success before/after, closest approach, activity, timing
 *   connectome.json             the data the wiring came from: checksums, queries, cell ids and types
 *   report.html                 the run report (one self-contained page)
 *   weights.json, weights.csv, weights-*.png      learned weights against synapse counts
 *   activity.json, activity.csv, activity-*.png   activity per cell type against reference ranges
 *   behaviour.json, behaviour-speed.png, behaviour-contrasts.png
 *                               walking measures of the held-out flies beside published values
 * </pre>
 *
 * Analyses only ever add their own files to a run folder.
 *
 * Every file is written through a temporary file in the folder and an atomic move, so a crash never
 * leaves a truncated file; temporaries left by a crash are removed when the run resumes. A fresh run
 * never reuses a folder that holds files, and only a folder with a checkpoint can be resumed.
 */
public final class RunFolder {
  public static final String CIRCUIT = "circuit.json";
  public static final String RUN = "run.json";
  public static final String CHECKPOINT = "checkpoint.json";
  public static final String BEST = "best.json";
  public static final String HISTORY_CSV = "history.csv";
  public static final String HISTORY_JSON = "history.json";
  public static final String SUMMARY_TXT = "summary.txt";
  public static final String SUMMARY_JSON = "summary.json";
  public static final String LOSS_PLOT = "loss.png";
  public static final String TRAJECTORIES_BEFORE = "trajectories-before.png";
  public static final String TRAJECTORIES_AFTER = "trajectories-after.png";
  /** Provenance of the wiring: checksums and queries per projection, ids and types of data-backed cells. */
  public static final String CONNECTOME = "connectome.json";
  /** The self-contained HTML run report. */
  public static final String REPORT = "report.html";
  public static final String WEIGHTS_JSON = "weights.json";
  public static final String WEIGHTS_CSV = "weights.csv";
  public static final String ACTIVITY_JSON = "activity.json";
  public static final String ACTIVITY_CSV = "activity.csv";
  public static final String BEHAVIOUR = "behaviour.json";
  public static final String BEHAVIOUR_SPEED = "behaviour-speed.png";
  public static final String BEHAVIOUR_CONTRASTS = "behaviour-contrasts.png";
  /** Suffix of the temporary files behind atomic writes. */
  static final String TEMPORARY = ".tmp";

  private final Path path;

  private RunFolder(Path path) {
    this.path = path;
  }

  /**
   * A new run folder for circuit {@code name} under {@code parent}: {@code parent/name}, or
   * {@code name-2}, {@code name-3}, … if taken, so that an earlier run is never overwritten.
   */
  public static RunFolder fresh(Path parent, String name) {
    Path candidate = parent.resolve(name);
    for (int i = 2; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
      candidate = parent.resolve(name + "-" + i);
    }
    return new RunFolder(candidate);
  }

  /** A run folder at {@code dir} for a new run: it must not exist yet or be empty. */
  public static RunFolder empty(Path dir) {
    if (Files.isRegularFile(dir)) {
      throw new IllegalArgumentException(dir + " is a file, not a folder; choose a folder for the run");
    }
    if (holdsFiles(dir)) {
      String what = Files.isRegularFile(dir.resolve(CHECKPOINT)) ? "already holds a run" : "is not empty";
      throw new IllegalArgumentException(dir + " " + what + "; a new run needs a new or empty folder"
          + (what.startsWith("already") ? " (to continue that run, resume it)" : ""));
    }
    return new RunFolder(dir);
  }

  /** The run folder at {@code dir}, which must hold the circuit a run trained ({@value #CIRCUIT}). */
  public static RunFolder existing(Path dir) {
    if (!Files.isRegularFile(dir.resolve(CIRCUIT))) {
      throw new IllegalArgumentException(dir + ": not a run folder of dmn train (no " + CIRCUIT + ")");
    }
    return new RunFolder(dir);
  }

  /** The run folder at {@code dir} to resume: it must hold a checkpoint ({@value #CHECKPOINT}). */
  public static RunFolder resumable(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such run folder to resume");
    }
    if (!Files.isRegularFile(dir.resolve(CHECKPOINT))) {
      throw new IllegalArgumentException(dir + ": no " + CHECKPOINT + " to resume from (a run writes one after its"
          + " first checkpoint interval)");
    }
    return new RunFolder(dir);
  }

  public Path path() {
    return path;
  }

  /** A file of the folder, by name (one of the names above, or a plot such as {@code raster-KC.png}). */
  public Path file(String name) {
    return path.resolve(name);
  }

  /** A plot an analysis adds, e.g. {@code plot("weights", "PN -> KC")} is {@code weights-PN-KC.png}. */
  public Path plot(String analysis, String subject) {
    return path.resolve(analysis + "-" + subject.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png");
  }

  /** The spike raster of a population. */
  public Path raster(String population) {
    return path.resolve("raster-" + population + ".png");
  }

  public boolean hasCheckpoint() {
    return Files.isRegularFile(file(CHECKPOINT));
  }

  /** Creates the folder (and its parents) if needed. */
  public RunFolder create() {
    try {
      Files.createDirectories(path);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run folder " + path, e);
    }
  }

  /** Writes a text file of the folder atomically. */
  public Path writeText(String name, String text) {
    return write(file(name), out -> Files.writeString(out, text, StandardCharsets.UTF_8));
  }

  /** How an atomic write fills its temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /** Writes {@code target} (a file inside some folder) through a temporary file beside it and an atomic move. */
  public static Path write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, target.getFileName().toString(), TEMPORARY);
      content.writeTo(tmp);
      Path done = Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write failed already; the leftover is removed on resume
        }
      }
    }
  }

  /**
   * Removes the temporary files an interrupted write left (a process killed between creating the
   * temporary file and moving it into place); returns how many.
   */
  public int removeInterruptedWrites() {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*" + TEMPORARY)) {
      for (Path f : files) {
        if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(f);
          removed++;
        }
      }
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean run folder " + path, e);
    }
    return removed;
  }

  @Override
  public String toString() {
    return path.toString();
  }

  private static boolean holdsFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}
