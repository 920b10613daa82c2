package org.neuromechfly.dmn.engine.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * The masked dense products in plain Java (below the BLAS size) against the textbook loops over every
 * source and target, bit for bit: four sources summed at once, and only active sources walked for the
 * input current and the weight gradient. Shapes include one target (KC → APL), one source (APL → KC)
 * and source counts that are not a multiple of four.
 */
class DenseSynapsesTest {

  @Test
  void productsGiveTheBitsOfTheLoopsOverEveryCell() {
    // sources, targets, flies: leftover sources summed four flies at a time, and flies left over
    int[][] shapes = {{7, 5, 3}, {2000, 1, 3}, {1, 300, 9}, {50, 10, 4}, {13, 33, 6}};
    for (int[] shape : shapes) {
      int sources = shape[0];
      int targets = shape[1];
      int batch = shape[2];
      SplittableRandom random = new SplittableRandom(sources * 31L + targets);
      DenseSynapses synapses = synapses(random, sources, targets);
      double[] w = new double[sources * targets];
      EdgeArrays edges = synapses.edges();
      int[] targetOf = edges.targetIndex();
      for (int e = 0; e < edges.edgeCount(); e++) {
        w[edges.sourceIndex()[e] * targets + targetOf[e]] = synapses.weight(e);
      }
      double[] source = new double[batch * sources];
      for (int i = 0; i < source.length; i++) {
        source[i] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
      }
      source[0] = 1; // at least one active source
      double[] gradTarget = random.doubles(batch * targets, -1, 1).toArray();
      double[] input = random.doubles(batch * targets, -1, 1).toArray();
      double[] gradSource = random.doubles(batch * sources, -1, 1).toArray();
      double[] accumulator = synapses.newAccumulator();
      Arrays.setAll(accumulator, i -> random.nextDouble());

      double[] expectedInput = input.clone();
      double[] expectedGradSource = gradSource.clone();
      double[] expectedAccumulator = accumulator.clone();
      for (int b = 0; b < batch; b++) {
        for (int j = 0; j < sources; j++) {
          double o = source[b * sources + j];
          double sum = 0;
          for (int i = 0; i < targets; i++) {
            if (o != 0) {
              expectedInput[b * targets + i] += o * w[j * targets + i];
              expectedAccumulator[j * targets + i] += o * gradTarget[b * targets + i];
            }
            sum += w[j * targets + i] * gradTarget[b * targets + i];
          }
          expectedGradSource[b * sources + j] += sum;
        }
      }
      ActiveCells active = ActiveCells.of(source, sources, batch);
      synapses.forward(source, active, input, batch);
      synapses.backward(source, active, gradTarget, gradSource, accumulator, batch);

      String shapeName = sources + " x " + targets + ", " + batch + " flies";
      assertTrue(active.count(0) > 0, shapeName);
      assertArrayEquals(expectedInput, input, 0.0, "input current, " + shapeName);
      assertArrayEquals(expectedGradSource, gradSource, 0.0, "gradient to sources, " + shapeName);
      assertArrayEquals(expectedAccumulator, accumulator, 0.0, "weight accumulator, " + shapeName);
    }
  }

  private static DenseSynapses synapses(SplittableRandom random, int sources, int targets) {
    Projection projection = new Projection("A", "B", new Connectivity.Dense(), Sign.INHIBITORY, null,
        new WeightInit.Uniform(0.2, 1.0), true, Quantity.of(1, Unit.MILLISECOND));
    int[] rowPtr = new int[targets + 1];
    int[] sourceIndex = new int[targets * sources];
    float[] magnitudes = new float[sourceIndex.length];
    int m = 0;
    for (int t = 0; t < targets; t++) {
      for (int s = 0; s < sources; s++) {
        if (random.nextDouble() < 0.8) { // masked: some pairs have no edge
          sourceIndex[m] = s;
          magnitudes[m++] = (float) random.nextDouble(0.1, 2);
        }
      }
      rowPtr[t + 1] = m;
    }
    EdgeArrays edges = new EdgeArrays(projection, sources, targets, rowPtr, Arrays.copyOf(sourceIndex, m),
        Arrays.copyOf(magnitudes, m), -1);
    Synapses s = Synapses.create(edges, 0, 1, 1, Magnitude.ABS, new ParameterSet(),
        new SynapseLayout(SynapseLayout.Kind.DENSE, 0.5, Long.MAX_VALUE), Precision.FLOAT64);
    s.prepare();
    return (DenseSynapses) s;
  }
}
