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
 * The batched backward pass walks each edge once for the whole batch; it must give the bits of the
 * per-fly pass run fly by fly — the gradient to presynaptic outputs and the weight accumulator —
 * whatever the spikes, including sources that spike in some flies and not in others.
 */
class SparseSynapsesTest {
  private static final int SOURCES = 300;
  private static final int TARGETS = 250;

  @Test
  void batchedBackwardGivesTheBitsOfTheFlyByFlyPass() {
    for (int batch : new int[] {2, 3, 11, 16}) {
      SplittableRandom random = new SplittableRandom(batch);
      SparseSynapses synapses = synapses(random);
      double[] source = new double[batch * SOURCES];
      int spiking = 0;
      for (int i = 0; i < source.length; i++) {
        if (random.nextDouble() < 0.1) {
          source[i] = random.nextDouble() < 0.5 ? 1.0 : random.nextDouble();
          spiking++;
        }
      }
      double[] gradTarget = random.doubles(batch * TARGETS, -1, 1).toArray();
      double[] gradSource = random.doubles(batch * SOURCES, -1, 1).toArray();
      double[] accumulator = synapses.newAccumulator();
      Arrays.setAll(accumulator, i -> random.nextDouble());

      double[] expectedGradSource = gradSource.clone();
      double[] expectedAccumulator = accumulator.clone();
      for (int b = 0; b < batch; b++) {
        double[] fly = Arrays.copyOfRange(expectedGradSource, b * SOURCES, (b + 1) * SOURCES);
        synapses.backward(Arrays.copyOfRange(source, b * SOURCES, (b + 1) * SOURCES),
            Arrays.copyOfRange(gradTarget, b * TARGETS, (b + 1) * TARGETS), fly, expectedAccumulator, 1);
        System.arraycopy(fly, 0, expectedGradSource, b * SOURCES, SOURCES);
      }
      synapses.backward(source, gradTarget, gradSource, accumulator, batch);

      assertTrue(spiking > 0);
      assertArrayEquals(expectedGradSource, gradSource, 0.0, "gradient to sources, batch " + batch);
      assertArrayEquals(expectedAccumulator, accumulator, 0.0, "weight accumulator, batch " + batch);
    }
  }

  private static SparseSynapses synapses(SplittableRandom random) {
    Projection projection = new Projection("A", "B", new Connectivity.Dense(), Sign.EXCITATORY, null,
        new WeightInit.Uniform(0.2, 1.0), true, Quantity.of(1, Unit.MILLISECOND));
    int[] rowPtr = new int[TARGETS + 1];
    int[] sourceIndex = new int[TARGETS * SOURCES];
    float[] magnitudes = new float[sourceIndex.length];
    int m = 0;
    for (int t = 0; t < TARGETS; t++) {
      for (int s = 0; s < SOURCES; s++) {
        if (random.nextDouble() < 0.05) {
          sourceIndex[m] = s;
          magnitudes[m++] = (float) random.nextDouble(0.1, 2);
        }
      }
      rowPtr[t + 1] = m;
    }
    EdgeArrays edges = new EdgeArrays(projection, SOURCES, TARGETS, rowPtr, Arrays.copyOf(sourceIndex, m),
        Arrays.copyOf(magnitudes, m), 1);
    Synapses s = Synapses.create(edges, 0, 1, 1, Magnitude.ABS, new ParameterSet(),
        new SynapseLayout(SynapseLayout.Kind.SPARSE, 0.5, 0), Precision.FLOAT64);
    s.prepare();
    return (SparseSynapses) s;
  }
}
