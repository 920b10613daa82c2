package org.neuromechfly.dmn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * The folder a sweep leaves behind, and the one place its layout is written down:
 *
 * <pre>
 *   sweep.json                  the plan: axes, episodes, every run with its model and hash
 *   status.json                 how far it got: runs completed, failed, pending; complete or not
 *   runs/run-NNN/               one dmn-train run folder per run, plus sweep-run.json (settings,
 *                               hash, status, error, attempts) and model.circuit (the run's model)
 *   results.csv                 one row per run (written only when every run has finished or failed)
 *   results.parquet/            the same table as Parquet, written by Spark
 *   report.html, sweep-*.png    the sweep report
 * </pre>
 *
 * A new sweep never reuses a folder that holds files; a folder holding a sweep is only continued by
 * {@code --resume}.
 */
public final class SweepFolder {
  public static final String PLAN = "sweep.json";
  public static final String STATUS = "status.json";
  public static final String RUNS = "runs";
  public static final String CSV = "results.csv";
  public static final String PARQUET = "results.parquet";
  public static final String REPORT = "report.html";
  /** Inside each run folder: the run's sweep record. */
  public static final String RUN_RECORD = "sweep-run.json";
  /** Inside each run folder: the run's model as text. */
  public static final String RUN_MODEL = "model.circuit";
  /** Inside each run folder: episodes done so far (for the driver's progress bar). */
  public static final String RUN_PROGRESS = "sweep-progress.txt";

  private final Path path;

  private SweepFolder(Path path) {
    this.path = path;
  }

  /** {@code parent/name}, or {@code name-2}, {@code name-3}, … if taken. */
  public static SweepFolder fresh(Path parent, String name) {
    Path candidate = parent.resolve(name);
    for (int i = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); i++) {
      candidate = parent.resolve(name + "-" + i);
    }
    return new SweepFolder(candidate);
  }

  /**
   * A folder for a new sweep with this plan: it must not exist yet or be empty. A folder that holds a
   * sweep is refused with what it holds and what to do.
   */
  public static SweepFolder forNew(Path dir, SweepPlan plan) {
    if (Files.isRegularFile(dir)) {
      throw new IllegalArgumentException(dir + " is a file; choose a folder for the sweep (--out DIR)");
    }
    if (Files.isRegularFile(dir.resolve(PLAN))) {
      SweepPlan other = SweepPlan.read(dir.resolve(PLAN));
      if (other.fingerprint().equals(plan.fingerprint())) {
        throw new IllegalArgumentException(dir + " already holds this sweep; continue it with --resume " + dir);
      }
      throw new IllegalArgumentException(dir + " holds another sweep (" + other.circuit() + ", " + other.runs().size()
          + " runs varying " + String.join(", ", other.axes().stream().map(SweepPlan.Axis::setting).toList())
          + "); choose another --out, or continue that sweep with --resume " + dir);
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty and holds no sweep; a new sweep needs a new or"
              + " empty folder (--out DIR)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir, e);
      }
    }
    return new SweepFolder(dir);
  }

  /** The sweep folder at {@code dir} to resume: it must hold a plan. */
  public static SweepFolder existing(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such sweep folder to resume");
    }
    if (!Files.isRegularFile(dir.resolve(PLAN))) {
      throw new IllegalArgumentException(dir + ": not a sweep folder (no " + PLAN + "); dmn sweep FILE --out " + dir
          + " starts one");
    }
    return new SweepFolder(dir);
  }

  public Path path() {
    return path;
  }

  public Path file(String name) {
    return path.resolve(name);
  }

  public Path run(PlannedRun run) {
    return path.resolve(RUNS).resolve(run.id());
  }

  public SweepPlan plan() {
    return SweepPlan.read(file(PLAN));
  }

  /** Writes a text file through a temporary file beside it and an atomic move. */
  public static Path writeAtomically(Path target, String text) {
    return RunFolder.write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  /** Removes a file or folder tree (a stale table before it is written again). */
  static void delete(Path p) {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + p, e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
