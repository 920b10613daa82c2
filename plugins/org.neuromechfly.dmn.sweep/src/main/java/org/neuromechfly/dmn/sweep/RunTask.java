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
  /** A fault to inject, for tests of failure handling ({@link #FAULT}), or {@code null}. */
  private final String fault;

  /**
   * System property (read on the driver) that makes a run's task fail, to test failure isolation and
   * retries with real Spark tasks: {@code RUN_ID:throw:N} throws and {@code RUN_ID:halt:N} ends the executor's
   * JVM on each of the run's first N attempts.
   */
  static final String FAULT = "dmn.sweep.fault";

  RunTask(Path sweepDir, Path dataDir, int threads, Integer episodes, int maxAttempts) {
    this.sweepDir = sweepDir.toAbsolutePath().toString();
    this.dataDir = dataDir.toAbsolutePath().toString();
    this.threads = threads;
    this.episodes = episodes;
    this.maxAttempts = maxAttempts;
    this.fault = System.getProperty(FAULT);
  }

  @Override
  public RunRow call(PlannedRun run) {
    TaskContext context = TaskContext.get();
    int attempt = context == null ? 1 : context.attemptNumber() + 1;
    Path dir = Path.of(sweepDir, SweepFolder.RUNS, run.id());
    long start = System.nanoTime();
    try {
      injectFault(run.id(), attempt);
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

  private void injectFault(String id, int attempt) {
    if (fault == null) {
      return;
    }
    String[] f = fault.split(":");
    if (f.length == 3 && f[0].equals(id) && attempt <= Integer.parseInt(f[2])) {
      if (f[1].equals("halt")) {
        Runtime.getRuntime().halt(137);
      }
      throw new IllegalStateException("fault injected into " + id + " on attempt " + attempt);
    }
  }
}
