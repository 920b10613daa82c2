package org.neuromechfly.dmn.engine.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * The direct OpenBLAS call computes {@code G·Wᵀ}: within float rounding of a plain double loop, and bit
 * for bit what ND4J's GEMM gives for the same (transposed) product, in float and in double, on the
 * example's KC → MBON shape at the trainer's shard size and the whole batch, and an odd one; and it
 * adds to what was there.
 */
class BlasProductTest {

  @Test
  void givesTheBitsOfNd4jsGemm() {
    int[][] shapes = {{16, 2000, 50}, {4, 2000, 50}, {3, 129, 77}};
    for (Precision precision : Precision.values()) {
      for (int[] shape : shapes) {
        int batch = shape[0];
        int sources = shape[1];
        int targets = shape[2];
        SplittableRandom random = new SplittableRandom(batch + sources);
        double[] w = random.doubles((long) sources * targets, -1, 1).toArray();
        double[] gradTarget = random.doubles((long) batch * targets, -1, 1).toArray();
        double[] before = random.doubles((long) batch * sources, -1, 1).toArray();

        DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        INDArray weights = Nd4j.create(w, new long[] {sources, targets}, type);
        INDArray g = Nd4j.create(gradTarget, new long[] {batch, targets}, type);
        INDArray product = Nd4j.create(type, sources, batch);
        Nd4j.gemm(weights, g, product, false, true, 1.0, 0.0);
        double[] expected = before.clone();
        double[] plain = before.clone();
        for (int b = 0; b < batch; b++) {
          for (int j = 0; j < sources; j++) {
            int at = j * batch + b;
            expected[b * sources + j] +=
                type == DataType.DOUBLE ? product.data().getDouble(at) : product.data().getFloat(at);
            double sum = 0;
            for (int i = 0; i < targets; i++) {
              sum += gradTarget[b * targets + i] * w[j * targets + i];
            }
            plain[b * sources + j] += sum;
          }
        }

        BlasProduct blas = new BlasProduct(sources, targets, precision);
        blas.load(w);
        double[] gradSource = before.clone();
        blas.multiplyTransposed(gradTarget, gradSource, batch);
        String shapeName = precision + " " + batch + "x" + sources + "x" + targets;
        assertArrayEquals(expected, gradSource, 0.0, shapeName);
        // float products of up to 77 terms of magnitude <= 1: a few float epsilons of the sum's size
        assertArrayEquals(plain, gradSource, precision == Precision.FLOAT64 ? 1e-12 : 1e-4, shapeName);
      }
    }
  }
}
