package org.neuromechfly.dmn.sweep;

import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * What a Spark task does: trains one run in its folder under the sweep folder (a path every executor
 * sees: local disk in local mode, a shared file system on a cluster). An attempt that throws is
 * recorded in the run folder and thrown again while Spark's policy allows another attempt; the last
 * attempt returns a failed row instead, so that one run's failure never stops the others.
 */
final class RunTask implements Function<PlannedRun, RunRow> {
  private static final long serialVersionUID = 1L;

  private final String sweepDir;
  private final String dataDir;
  private final int threads;
  private final Integer episodes;
  private final int maxAttempts;

  RunTask(Path sweepDir, Path dataDir, int threads, Integer episodes, int maxAttempts) {
    this.sweepDir = sweepDir.toAbsolutePath().toString();
    this.dataDir = dataDir.toAbsolutePath().toString();
    this.threads = threads;
    this.episodes = episodes;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public RunRow call(PlannedRun run) {
    TaskContext context = TaskContext.get();
    int attempt = context == null ? 1 : context.attemptNumber() + 1;
    Path dir = Path.of(sweepDir, SweepFolder.RUNS, run.id());
    long start = System.nanoTime();
    try {
      NativeThreads.limit(threads);
      return RunExecution.train(run, dir, Path.of(dataDir), threads, episodes, attempt);
    } catch (RuntimeException | Error e) {
      RunRow failed = RunExecution.failed(run, dir, e, attempt, (System.nanoTime() - start) / 1e9);
      if (attempt < maxAttempts) {
        throw new IllegalStateException("run " + run.id() + " (" + run.describe() + ") failed on attempt " + attempt
            + " of " + maxAttempts + ": " + RunExecution.describe(e), e);
      }
      return failed;
    }
  }
}
