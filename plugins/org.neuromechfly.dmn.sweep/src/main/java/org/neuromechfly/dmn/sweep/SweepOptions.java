package org.neuromechfly.dmn.sweep;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a sweep runs (never what it computes: results do not depend on any of these).
 *
 * @param master Spark master URL: {@code local[*]} (embedded, the default), {@code local[N]}, or a cluster's
 *     {@code spark://host:7077}
 * @param threads threads of each run's trainer, and the cores Spark reserves per task
 *     ({@code spark.task.cpus}), so that runs in parallel do not oversubscribe the cores
 * @param parallel runs at once in local mode ({@code null}: as many as the cores allow); a cluster runs as
 *     many as its cores allow
 * @param maxAttempts attempts per run before it is recorded as failed ({@code null}: Spark's policy, 1 in
 *     local mode and 4 on a cluster)
 * @param dataDir where connectome sources resolve, on the driver and on every executor
 * @param executorMemory memory per executor on a cluster ({@code spark.executor.memory})
 * @param connectSeconds how long to wait for a cluster master to accept the sweep and give it executors
 */
public record SweepOptions(String master, int threads, Integer parallel, Integer maxAttempts, Path dataDir,
    String executorMemory, int connectSeconds) {

  public static final String LOCAL = "local[*]";

  public SweepOptions {
    master = master == null ? LOCAL : master;
    Objects.requireNonNull(dataDir, "dataDir");
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
    }
    if (parallel != null && parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1, not " + parallel);
    }
    if (maxAttempts != null && maxAttempts < 1) {
      throw new IllegalArgumentException("--max-attempts must be at least 1, not " + maxAttempts);
    }
  }

  public boolean local() {
    return master.startsWith("local");
  }
}
