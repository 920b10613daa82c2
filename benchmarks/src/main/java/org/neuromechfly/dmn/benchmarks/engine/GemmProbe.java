package org.neuromechfly.dmn.benchmarks.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's float32 ND4J GEMM rate, the yardstick the fused kernel's FLOP rate is given against: the
 * best of six products {@code [16000 × 2000] · [2000 × 50]}, the shape of the example's largest
 * projection over a batch. It allocates its own matrices, so measure peak memory before calling it.
 */
public final class GemmProbe {
  public static final String SHAPE = "float32, [16000 x 2000] x [2000 x 50], best of 6";

  private GemmProbe() {}

  /** Flop/s. */
  public static double rate() {
    int m = 16_000;
    int k = 2000;
    int n = 50;
    INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
    INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
    INDArray c = Nd4j.create(DataType.FLOAT, m, n);
    double best = Double.MAX_VALUE;
    for (int r = 0; r < 6; r++) {
      long t0 = System.nanoTime();
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return 2.0 * m * k * n / best;
  }
}
