package org.neuromechfly.dmn.engine.synapse;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * The one dense product that does not profit from sparse spikes — the gradient to presynaptic
 * outputs, {@code G·Wᵀ} — as an ND4J (OpenBLAS) GEMM. Buffers are allocated once per batch size and
 * filled through their NIO views, so a time step costs one native call and two copies.
 */
final class BlasProduct {
  private final int sources;
  private final int targets;
  private final DataType type;
  private final INDArray weights;
  private INDArray gradTarget;
  private INDArray gradSource;
  private int batch = -1;

  BlasProduct(int sources, int targets, Precision precision) {
    this.sources = sources;
    this.targets = targets;
    this.type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    this.weights = Nd4j.create(type, sources, targets);
  }

  /** Loads source-major weights {@code [sources][targets]}. */
  synchronized void load(double[] w) {
    if (type == DataType.DOUBLE) {
      DoubleBuffer view = weights.data().asNioDouble();
      view.put(0, w);
    } else {
      FloatBuffer view = weights.data().asNioFloat();
      for (int i = 0; i < w.length; i++) {
        view.put(i, (float) w[i]);
      }
    }
  }

  /** {@code gradSource += gradTarget · Wᵀ}; arrays are {@code [batch][targets]} and {@code [batch][sources]}. */
  synchronized void multiplyTransposed(double[] gradTargetIn, double[] gradSourceOut, int batchSize) {
    if (batchSize != batch) {
      gradTarget = Nd4j.create(type, batchSize, targets);
      gradSource = Nd4j.create(type, batchSize, sources);
      batch = batchSize;
    }
    int nT = batchSize * targets;
    int nS = batchSize * sources;
    if (type == DataType.DOUBLE) {
      gradTarget.data().asNioDouble().put(0, gradTargetIn, 0, nT);
      Nd4j.gemm(gradTarget, weights, gradSource, false, true, 1.0, 0.0);
      DoubleBuffer out = gradSource.data().asNioDouble();
      for (int i = 0; i < nS; i++) {
        gradSourceOut[i] += out.get(i);
      }
    } else {
      FloatBuffer in = gradTarget.data().asNioFloat();
      for (int i = 0; i < nT; i++) {
        in.put(i, (float) gradTargetIn[i]);
      }
      Nd4j.gemm(gradTarget, weights, gradSource, false, true, 1.0, 0.0);
      FloatBuffer out = gradSource.data().asNioFloat();
      for (int i = 0; i < nS; i++) {
        gradSourceOut[i] += out.get(i);
      }
    }
  }
}
