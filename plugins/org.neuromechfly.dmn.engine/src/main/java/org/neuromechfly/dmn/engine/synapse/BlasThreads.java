package org.neuromechfly.dmn.engine.synapse;

import org.bytedeco.openblas.global.openblas;

/**
 * How many threads OpenBLAS may use per call — one setting per process. The fused kernel's products
 * ({@link BlasProduct}) are a few flies wide and the trainer runs its shards on threads of its own:
 * OpenBLAS's threads beside them wait spinning for work and take the cores from the shards (the
 * example's `dmn train` on 2 cores, 2 shard threads: 3.0 s per episode with OpenBLAS's 2 threads,
 * 1.7 s with 1; the same bits). ND4J's own setting ({@code Nd4j.getEnvironment().setMaxThreads})
 * leaves OpenBLAS's unchanged.
 */
public final class BlasThreads {
  private BlasThreads() {}

  /**
   * Shares the cores between {@code callers} threads that call BLAS at once: each call may use
   * {@code cores / callers} threads (at least one).
   */
  public static synchronized void shareCores(int callers) {
    int cores = Runtime.getRuntime().availableProcessors();
    openblas.blas_set_num_threads(Math.max(1, cores / Math.max(1, callers)));
  }

  /** Threads OpenBLAS may use per call now. */
  public static int perCall() {
    return openblas.blas_get_num_threads();
  }
}
