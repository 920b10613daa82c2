package org.neuromechfly.dmn.engine.synapse;

import org.bytedeco.openblas.global.openblas;

/**
 * How many threads OpenBLAS may use per call — one setting per process. The fused kernel's products
 * ({@link BlasProduct}) are a few flies wide, and what runs in parallel is the callers: the trainer's
 * shard threads, or a sweep's runs side by side. OpenBLAS's own threads beside them keep spinning
 * between calls and take the cores from the callers (the example's {@code dmn train} on 2 cores with 2
 * shard threads: 3.0 s per episode with OpenBLAS's default of all cores per call, 1.7 s with one; the
 * same bits), so the trainer gives each call one thread. ND4J's own setting
 * ({@code Nd4j.getEnvironment().setMaxThreads}) leaves OpenBLAS's unchanged.
 */
public final class BlasThreads {
  private BlasThreads() {}

  /** Lets each OpenBLAS call use {@code threads} threads (at least one). */
  public static synchronized void set(int threads) {
    openblas.blas_set_num_threads(Math.max(1, threads));
  }

  /** Threads OpenBLAS may use per call now. */
  public static int perCall() {
    return openblas.blas_get_num_threads();
  }
}
