package org.neuromechfly.dmn.engine.synapse;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * The one dense product that does not profit from sparse spikes — the gradient to presynaptic
 * outputs, {@code G·Wᵀ} — as an OpenBLAS GEMM (the library ND4J runs on), called directly: a time step
 * of the example's KC → MBON projection is a [16 × 50] × [50 × 2,000] product, for which ND4J's op
 * set-up cost as much as the product itself. It is computed transposed, {@code W·Gᵀ}
 * ({@code [sources][batch]}): with the few flies as GEMM's short side, OpenBLAS spends less on
 * repacking the weights every call (the trainer's four-fly shards: 23 against 41 µs per call on the
 * example's shape, one BLAS thread). Native buffers are allocated once per batch size, so a step
 * costs one native call and two copies.
 */
final class BlasProduct {
  private final int sources;
  private final int targets;
  private final boolean doubles;
  private final FloatPointer weights32;
  private final DoublePointer weights64;
  private FloatPointer gradTarget32;
  private FloatPointer gradSource32;
  private DoublePointer gradTarget64;
  private DoublePointer gradSource64;
  private float[] rowTarget;
  private float[] rowSource;
  private double[] rowSource64;
  private int batch = -1;

  BlasProduct(int sources, int targets, Precision precision) {
    this.sources = sources;
    this.targets = targets;
    this.doubles = precision == Precision.FLOAT64;
    long n = (long) sources * targets;
    this.weights32 = doubles ? null : new FloatPointer(n);
    this.weights64 = doubles ? new DoublePointer(n) : null;
  }

  /** Loads source-major weights {@code [sources][targets]}. */
  synchronized void load(double[] w) {
    if (doubles) {
      weights64.put(w, 0, w.length);
    } else {
      float[] f = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        f[i] = (float) w[i];
      }
      weights32.put(f, 0, f.length);
    }
  }

  /**
   * {@code gradSource += gradTarget · Wᵀ}; arrays are {@code [batch][targets]} and {@code [batch][sources]}
   * (the native product is {@code [sources][batch]}).
   */
  synchronized void multiplyTransposed(double[] gradTargetIn, double[] gradSourceOut, int batchSize) {
    int nT = batchSize * targets;
    int nS = batchSize * sources;
    if (batchSize != batch) {
      allocate(nT, nS);
      batch = batchSize;
    }
    if (doubles) {
      gradTarget64.put(gradTargetIn, 0, nT);
      openblas.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, sources, batchSize, targets, 1.0,
          weights64, targets, gradTarget64, targets, 0.0, gradSource64, batchSize);
      gradSource64.get(rowSource64, 0, nS);
      for (int b = 0; b < batchSize; b++) {
        int o = b * sources;
        for (int j = 0, from = b; j < sources; j++, from += batchSize) {
          gradSourceOut[o + j] += rowSource64[from];
        }
      }
    } else {
      for (int i = 0; i < nT; i++) {
        rowTarget[i] = (float) gradTargetIn[i];
      }
      gradTarget32.put(rowTarget, 0, nT);
      openblas.cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, sources, batchSize, targets, 1f,
          weights32, targets, gradTarget32, targets, 0f, gradSource32, batchSize);
      gradSource32.get(rowSource, 0, nS);
      for (int b = 0; b < batchSize; b++) {
        int o = b * sources;
        for (int j = 0, from = b; j < sources; j++, from += batchSize) {
          gradSourceOut[o + j] += rowSource[from];
        }
      }
    }
  }

  private void allocate(int nT, int nS) {
    if (doubles) {
      gradTarget64 = new DoublePointer(nT);
      gradSource64 = new DoublePointer(nS);
      rowSource64 = new double[nS];
    } else {
      gradTarget32 = new FloatPointer(nT);
      gradSource32 = new FloatPointer(nS);
      rowTarget = new float[nT];
      rowSource = new float[nS];
    }
  }
}
