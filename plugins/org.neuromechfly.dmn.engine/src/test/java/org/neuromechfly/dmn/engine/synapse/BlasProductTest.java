package org.neuromechfly.dmn.engine.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * The direct OpenBLAS call gives the bits ND4J's GEMM gave (the product the engine used before), in
 * float and in double, on the example's KC → MBON shape and an odd one, and adds to what was there.
 */
class BlasProductTest {

  @Test
  void givesTheBitsOfNd4jsGemm() {
    int[][] shapes = {{16, 2000, 50}, {3, 129, 77}};
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
        INDArray product = Nd4j.create(type, batch, sources);
        Nd4j.gemm(g, weights, product, false, true, 1.0, 0.0);
        double[] expected = before.clone();
        for (int i = 0; i < expected.length; i++) {
          expected[i] += type == DataType.DOUBLE ? product.data().getDouble(i) : product.data().getFloat(i);
        }

        BlasProduct blas = new BlasProduct(sources, targets, precision);
        blas.load(w);
        double[] gradSource = before.clone();
        blas.multiplyTransposed(gradTarget, gradSource, batch);
        assertArrayEquals(expected, gradSource, 0.0, precision + " " + batch + "x" + sources + "x" + targets);
      }
    }
  }
}
