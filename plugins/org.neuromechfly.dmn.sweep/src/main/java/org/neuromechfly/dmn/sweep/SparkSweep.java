package org.neuromechfly.dmn.sweep;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * Runs a sweep on Spark: each pending run is a job of one task that trains it in its own run folder
 * ({@link RunTask}); jobs are submitted together and the scheduler runs as many at once as the cores
 * allow ({@code spark.task.cpus} = threads per run). Finished runs are skipped; when every run has
 * finished or failed, the results table is written (CSV and, through Spark, Parquet) and the report.
 */
public final class SparkSweep {
  private SparkSweep() {}

  /**
   * Runs every run of {@code folder}'s plan that has not finished.
   *
   * @throws IllegalArgumentException when the master cannot be reached or gives no executors
   */
  public static SweepResult run(SweepFolder folder, SweepOptions options, SweepListener listener) {
    SweepPlan plan = folder.plan();
    long start = System.nanoTime();
    if (!options.local()) {
      checkReachable(options.master());
    }
    SweepFolder.delete(folder.file(SweepFolder.CSV)); // a table exists only when every run has finished or failed
    SweepFolder.delete(folder.file(SweepFolder.PARQUET));
    SweepResult.writeRunning(folder, plan.runs().size());
    SparkConf conf = conf(plan, options);
    SparkSession spark;
    try {
      spark = SparkSession.builder().config(conf).getOrCreate();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Spark did not start with master " + options.master() + ": "
          + RunExecution.describe(e), e);
    }
    try {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      if (!options.local()) {
        awaitExecutors(sc, options.master(), options.connectSeconds());
      }
      int slots = slots(sc, options);
      Map<Integer, RunRow> rows = new LinkedHashMap<>();
      List<PlannedRun> pending = new ArrayList<>();
      for (PlannedRun run : plan.runs()) {
        Path dir = folder.run(run);
        var record = RunRecord.read(dir);
        if (record.isPresent() && record.get().hash().equals(run.hash()) && RunRecord.COMPLETED.equals(record.get().status())
            && Files.isRegularFile(dir.resolve(RunFolder.SUMMARY_JSON))) {
          rows.put(run.index(), RunRows.read(run, dir, record.get()));
        } else {
          pending.add(run);
        }
      }
      listener.started(plan.runs().size(), rows.size(), slots);
      int attempts = options.maxAttempts() != null ? options.maxAttempts() : options.local() ? 1 : 4;
      RunTask task = new RunTask(folder.path(), options.dataDir(), options.threads(), plan.episodes(), attempts);
      Map<PlannedRun, JavaFutureAction<List<RunRow>>> jobs = new LinkedHashMap<>();
      for (PlannedRun run : pending) {
        sc.setJobDescription("train " + run.id() + " (" + run.describe() + ")");
        jobs.put(run, sc.parallelize(List.of(run), 1).map(task).collectAsync());
      }
      Map<PlannedRun, Long> episodes = episodesPerRun(plan);
      while (!jobs.isEmpty()) {
        for (var it = jobs.entrySet().iterator(); it.hasNext(); ) {
          var job = it.next();
          if (job.getValue().isDone()) {
            RunRow row = outcome(folder, job.getKey(), job.getValue(), attempts);
            rows.put(job.getKey().index(), row);
            listener.finished(job.getKey(), row);
            it.remove();
          }
        }
        listener.progress(progress(folder, plan, rows, jobs.keySet(), episodes));
        if (!jobs.isEmpty()) {
          sleep(1000);
        }
      }
      List<RunRow> ordered = plan.runs().stream().map(r -> rows.get(r.index())).toList();
      int failed = (int) ordered.stream().filter(r -> !r.completed()).count();
      ResultsTable.write(folder, ordered, spark);
      double seconds = (System.nanoTime() - start) / 1e9;
      SweepResult result = new SweepResult(folder.path(), ordered, failed, pending.size(), slots, options.master(), seconds);
      result.writeStatus(folder);
      SweepReport.write(folder, plan, ordered, result);
      return result;
    } finally {
      spark.stop();
    }
  }

  private static RunRow outcome(SweepFolder folder, PlannedRun run, JavaFutureAction<List<RunRow>> job, int attempts) {
    try {
      return job.get().get(0);
    } catch (ExecutionException e) {
      // the task never returned, on any attempt: its executor was lost or Spark gave up on it
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return RunExecution.failed(run, folder.run(run), new IllegalStateException("Spark gave up on this run after "
          + attempts + " attempt(s): " + firstLine(cause.getMessage())), attempts, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + run.id(), e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  static SparkConf conf(SweepPlan plan, SweepOptions options) {
    SparkConf conf = new SparkConf()
        .setAppName("dmn sweep " + plan.circuit())
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.task.cpus", Integer.toString(options.threads()))
        .set("spark.sql.shuffle.partitions", "1")
        // runs are long and few: never wait for a locality that does not matter here
        .set("spark.locality.wait", "0s")
        .set("spark.executorEnv.OMP_NUM_THREADS", Integer.toString(options.threads()));
    if (options.local()) {
      conf.setMaster(localMaster(options));
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    } else {
      conf.setMaster(options.master());
      String host = URI.create(options.master().replaceFirst("^spark://", "http://").split(",")[0]).getHost();
      if (host != null && (host.equals("127.0.0.1") || host.equals("localhost"))) {
        conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
      }
      // executors run this installation's classes: the workers must see it at the same path
      conf.set("spark.executor.extraClassPath", System.getProperty("dmn.sweep.classpath",
          System.getProperty("java.class.path")));
      conf.set("spark.executor.memory", options.executorMemory() == null ? "4g" : options.executorMemory());
      conf.set("spark.executor.cores", Integer.toString(options.threads()));
      if (options.maxAttempts() != null) {
        conf.set("spark.task.maxFailures", Integer.toString(options.maxAttempts()));
      }
    }
    return conf;
  }

  /** {@code local[*]} becomes {@code local[cores, attempts]}, with cores = parallel runs × threads. */
  private static String localMaster(SweepOptions options) {
    String master = options.master();
    int attempts = options.maxAttempts() == null ? 1 : options.maxAttempts();
    if (master.equals("local") || master.equals(SweepOptions.LOCAL)) {
      int cores = Runtime.getRuntime().availableProcessors();
      int parallel = options.parallel() != null ? options.parallel() : Math.max(1, cores / options.threads());
      return "local[" + parallel * options.threads() + "," + attempts + "]";
    }
    return master;
  }

  /** Runs at once: cores of the executors (or the local master) over threads per run. */
  private static int slots(JavaSparkContext sc, SweepOptions options) {
    return Math.max(1, sc.defaultParallelism() / options.threads());
  }

  /** A clear error within seconds for a master nobody listens at, rather than Spark's minute of retries. */
  static void checkReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      URI uri = URI.create("spark://" + hostPort);
      if (uri.getHost() == null || uri.getPort() < 0) {
        throw new IllegalArgumentException("--master " + master + ": expected spark://HOST:PORT (e.g. spark://127.0.0.1:7077)");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 3000);
        return;
      } catch (IOException e) {
        // try the next master of a list
      }
    }
    throw new IllegalArgumentException("cannot reach the Spark master " + master + " (nothing answers there within 3 s);"
        + " start the cluster's master and workers, check the address, or run embedded with --master local[*]");
  }

  /** Waits until a cluster gives the application an executor, so a sweep never hangs on a cluster without workers. */
  static void awaitExecutors(JavaSparkContext sc, String master, int seconds) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (sc.sc().statusTracker().getExecutorInfos().length < 2) {
      if (sc.sc().isStopped()) {
        throw new IllegalArgumentException("the Spark master " + master + " stopped the sweep before it got an executor");
      }
      if (System.nanoTime() > until) {
        throw new IllegalArgumentException("the Spark master " + master + " gave the sweep no executor within " + seconds
            + " s: are workers registered, with enough free cores (--threads) and memory (--executor-memory)?");
      }
      sleep(250);
    }
  }

  private static Map<PlannedRun, Long> episodesPerRun(SweepPlan plan) {
    Map<PlannedRun, Long> out = new LinkedHashMap<>();
    for (PlannedRun run : plan.runs()) {
      long n = plan.episodes() != null ? plan.episodes() : CircuitJson.read(run.circuitJson()).training().episodes();
      out.put(run, n);
    }
    return out;
  }

  private static SweepListener.Progress progress(SweepFolder folder, SweepPlan plan, Map<Integer, RunRow> rows,
      java.util.Collection<PlannedRun> running, Map<PlannedRun, Long> episodes) {
    long total = episodes.values().stream().mapToLong(Long::longValue).sum();
    long done = 0;
    int completed = 0;
    int failed = 0;
    for (PlannedRun run : plan.runs()) {
      RunRow row = rows.get(run.index());
      if (row != null) {
        done += episodes.get(run);
        if (row.completed()) {
          completed++;
        } else {
          failed++;
        }
      } else {
        done += Math.min(episodes.get(run), episodesDone(folder.run(run)));
      }
    }
    return new SweepListener.Progress(plan.runs().size(), completed, failed, running.size(), done, total);
  }

  private static long episodesDone(Path runDir) {
    try {
      String text = Files.readString(runDir.resolve(SweepFolder.RUN_PROGRESS)).trim();
      return Long.parseLong(text.split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Formats seconds as "1 h 02 min", "4 min 05 s" or "12 s". */
  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
  }
}
