package org.neuromechfly.dmn.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's memory bandwidth as a STREAM triad measures it (McCalpin's {@code a[i] = b[i] + s·c[i]}),
 * in Java on doubles: the yardstick for work that streams arrays much larger than the caches, such as
 * the edge lists of a whole-brain projection. Counted as STREAM counts, 24 bytes per element (two
 * reads, one write; the write-allocate read is not counted). Each thread runs the triad on its own
 * slice; the best of several repetitions is kept, after one untimed pass that touches every page.
 */
public final class MemoryBandwidth {
  /** Elements per array: 3 × 128 MiB, far beyond any cache of this machine. */
  static final int ELEMENTS = 16 << 20;
  private static final int REPETITIONS = 6;

  private MemoryBandwidth() {}

  /** What {@link #triad} measured. */
  public static String describe() {
    return String.format("STREAM-like triad a = b + s*c on 3 x %d MiB double arrays, best of %d, 24 bytes per"
        + " element", ELEMENTS * 8L >> 20, REPETITIONS);
  }

  /** Bytes per second of the triad on {@code threads} threads. */
  public static double triad(int threads) throws Exception {
    double[] a = new double[ELEMENTS];
    double[] b = new double[ELEMENTS];
    double[] c = new double[ELEMENTS];
    java.util.Arrays.fill(b, 1.0);
    java.util.Arrays.fill(c, 2.0);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double best = Double.MAX_VALUE;
      for (int r = 0; r <= REPETITIONS; r++) {
        double s = 1.0 + r * 1e-3;
        long t0 = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
          int from = (int) ((long) ELEMENTS * k / threads);
          int to = (int) ((long) ELEMENTS * (k + 1) / threads);
          parts.add(pool.submit(() -> {
            for (int i = from; i < to; i++) {
              a[i] = b[i] + s * c[i];
            }
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r > 0) { // the first pass faults the pages in
          best = Math.min(best, seconds);
        }
      }
      if (a[ELEMENTS / 2] != 1.0 + (1.0 + REPETITIONS * 1e-3) * 2.0) {
        throw new IllegalStateException("triad result wrong"); // also keeps the loop from being elided
      }
      return 24.0 * ELEMENTS / best;
    } finally {
      pool.shutdown();
    }
  }
}
