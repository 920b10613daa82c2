package org.neuromechfly.dmn.sweep;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's BLAS threads are one setting per process: where several runs share an executor, each of their
 * matrix products may use only as many threads as one run is given, so that tasks do not oversubscribe
 * the cores Spark assigned them.
 */
final class NativeThreads {
  private static int limit = -1;

  private NativeThreads() {}

  static synchronized void limit(int threads) {
    if (limit != threads) {
      Nd4j.getEnvironment().setMaxThreads(threads);
      limit = threads;
    }
  }
}
