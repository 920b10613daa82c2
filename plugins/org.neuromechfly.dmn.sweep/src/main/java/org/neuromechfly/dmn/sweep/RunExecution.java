package org.neuromechfly.dmn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.train.EpisodeReport;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * Trains one run of a sweep in its run folder, with no Spark in sight (a Spark task calls it): a
 * folder that already holds this run finished is left as it is, one holding its checkpoint is
 * continued from it (bit-identical to an uninterrupted run), anything else in it is cleared first.
 */
public final class RunExecution {
  /** A run is failed as diverged when more than this fraction of its episodes were rolled back. */
  public static final double DIVERGED = 0.5;

  private RunExecution() {}

  /**
   * @param run the run
   * @param dir its run folder
   * @param dataDir where connectome sources resolve
   * @param threads threads of this run's trainer
   * @param episodes the sweep's episode override, or {@code null}
   * @param attempt 1 for the first attempt
   * @return the run's row of the results table
   */
  public static RunRow train(PlannedRun run, Path dir, Path dataDir, int threads, Integer episodes, int attempt) {
    var record = RunRecord.read(dir);
    if (record.isPresent() && record.get().hash().equals(run.hash()) && RunRecord.COMPLETED.equals(record.get().status())
        && Files.isRegularFile(dir.resolve(RunFolder.SUMMARY_JSON))) {
      return RunRows.read(run, dir, record.get());
    }
    boolean resume = record.isPresent() && record.get().hash().equals(run.hash())
        && Files.isRegularFile(dir.resolve(RunFolder.CHECKPOINT));
    RunFolder folder;
    if (resume) {
      folder = RunFolder.resumable(dir);
    } else {
      SweepFolder.delete(dir); // another run's files, or a start that never reached a checkpoint
      folder = RunFolder.empty(dir);
    }
    long start = System.nanoTime();
    folder.create();
    SweepFolder.writeAtomically(dir.resolve(SweepFolder.RUN_MODEL), run.modelText());
    RunRecord.of(run, RunRecord.RUNNING, null, attempt, 0, 0).write(dir);
    CircuitSpec spec = CircuitJson.read(run.circuitJson());
    CircuitWiring wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(dataDir));
    TrainOptions options = TrainOptions.builder().episodes(episodes).threads(threads)
        .resumeFrom(resume ? dir : null).build();
    Progress progress = new Progress(dir);
    TrainingRun.train(wiring, folder, options, progress);
    double seconds = (System.nanoTime() - start) / 1e9;
    int planned = options.episodesFor(spec);
    int rolledBack = progress.rollbacks.get();
    RunRecord done;
    if (planned > 0 && rolledBack > DIVERGED * planned) {
      done = RunRecord.of(run, RunRecord.FAILED, String.format(Locale.ROOT,
          "diverged: %d of %d episodes rolled back after a non-finite loss or gradient", rolledBack, planned),
          attempt, seconds, rolledBack);
    } else {
      done = RunRecord.of(run, RunRecord.COMPLETED, null, attempt, seconds, rolledBack);
    }
    done.write(dir);
    return RunRows.read(run, dir, done);
  }

  /** Records a failed attempt in the run folder (the driver and a later resume read it). */
  public static RunRow failed(PlannedRun run, Path dir, Throwable error, int attempt, double seconds) {
    String message = describe(error);
    try {
      Files.createDirectories(dir);
      RunRecord r = RunRecord.of(run, RunRecord.FAILED, message, attempt, seconds, 0);
      r.write(dir);
      return RunRows.failed(run, dir, r);
    } catch (IOException | UncheckedIOException e) {
      return RunRows.failed(run, dir, RunRecord.of(run, RunRecord.FAILED, message + " (and its record could not be"
          + " written: " + e.getMessage() + ")", attempt, seconds, 0));
    }
  }

  /** One line: the exception's kind and message, and its root cause when it differs. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root != e) {
      text += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text.replace('\n', ' ');
  }

  /** Counts roll-backs and leaves the episodes done in the run folder for the driver's progress bar. */
  private static final class Progress implements TrainingListener {
    private final Path file;
    private final AtomicInteger rollbacks = new AtomicInteger();
    private volatile int episodes;

    Progress(Path dir) {
      this.file = dir.resolve(SweepFolder.RUN_PROGRESS);
    }

    @Override
    public void started(int firstEpisode, int total, long learnableParameters) {
      write(firstEpisode, total);
      episodes = total;
    }

    @Override
    public void episode(EpisodeReport report) {
      write(report.episode() + 1, episodes);
    }

    @Override
    public void message(String text) {
      if (text.contains("rolled back")) {
        rollbacks.incrementAndGet();
      }
    }

    private void write(int done, int total) {
      try {
        SweepFolder.writeAtomically(file, done + " " + total + "\n");
      } catch (UncheckedIOException e) {
        // progress is a courtesy: never fail a run over it
      }
    }
  }
}
