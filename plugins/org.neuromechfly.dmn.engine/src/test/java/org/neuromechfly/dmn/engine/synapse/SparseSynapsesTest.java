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
 * The batched backward pass walks each edge once per sixteen, eight or four flies; it must give the bits of the per-fly
 * pass run fly by fly — the gradient to presynaptic outputs and the weight accumulator — whatever the
 * spikes, including sources that spike in some flies and not in others. The forward product walks the
 * active sources only, in the order a scan of all of them would.
 */
class SparseSynapsesTest {
  private static final int SOURCES = 300;

  @Test
  void batchedBackwardGivesTheBitsOfTheFlyByFlyPass() {
    check(250, 0.05, new int[] {2, 3, 4, 7, 11, 16, 27, 33, 45}); // blocks of 16, of 8, of 4, single flies
  }

  @Test
  void forwardWalksTheActiveSourcesOnly() {
    int batch = 4;
    SplittableRandom random = new SplittableRandom(3);
    SparseSynapses synapses = synapses(random, 250, 0.05);
    double[] source = new double[batch * SOURCES];
    for (int i = 0; i < source.length; i++) {
      source[i] = random.nextDouble() < 0.1 ? random.nextDouble() : 0;
    }
    double[] input = random.doubles(batch * 250, -1, 1).toArray();
    double[] expected = input.clone();
    EdgeArrays edges = synapses.edges();
    int[] targetOf = edges.targetIndex();
    for (int b = 0; b < batch; b++) {
      for (int j = 0; j < SOURCES; j++) { // sources in order, each column by target: the kernel's order
        for (int e = 0; e < edges.edgeCount(); e++) {
          if (edges.sourceIndex()[e] == j && source[b * SOURCES + j] != 0) {
            expected[b * 250 + targetOf[e]] += source[b * SOURCES + j] * synapses.weight(e);
          }
        }
      }
    }
    synapses.forward(source, ActiveCells.of(source, SOURCES, batch), input, batch);
    assertArrayEquals(expected, input, 0.0);
  }

  private static void check(int targets, double density, int[] batches) {
    for (int batch : batches) {
      SplittableRandom random = new SplittableRandom(batch);
      SparseSynapses synapses = synapses(random, targets, density);
      double[] source = new double[batch * SOURCES];
      int spiking = 0;
      for (int i = 0; i < source.length; i++) {
        if (random.nextDouble() < 0.1) {
          source[i] = random.nextDouble() < 0.5 ? 1.0 : random.nextDouble();
          spiking++;
        }
      }
      double[] gradTarget = random.doubles(batch * targets, -1, 1).toArray();
      double[] gradSource = random.doubles(batch * SOURCES, -1, 1).toArray();
      double[] accumulator = synapses.newAccumulator();
      Arrays.setAll(accumulator, i -> random.nextDouble());

      double[] expectedGradSource = gradSource.clone();
      double[] expectedAccumulator = accumulator.clone();
      for (int b = 0; b < batch; b++) {
        double[] fly = Arrays.copyOfRange(expectedGradSource, b * SOURCES, (b + 1) * SOURCES);
        double[] flySource = Arrays.copyOfRange(source, b * SOURCES, (b + 1) * SOURCES);
        synapses.backward(flySource, ActiveCells.of(flySource, SOURCES, 1),
            Arrays.copyOfRange(gradTarget, b * targets, (b + 1) * targets), fly, expectedAccumulator, 1);
        System.arraycopy(fly, 0, expectedGradSource, b * SOURCES, SOURCES);
      }
      synapses.backward(source, ActiveCells.of(source, SOURCES, batch), gradTarget, gradSource, accumulator, batch);

      assertTrue(spiking > 0);
      assertArrayEquals(expectedGradSource, gradSource, 0.0, "gradient to sources, batch " + batch);
      assertArrayEquals(expectedAccumulator, accumulator, 0.0, "weight accumulator, batch " + batch);
    }
  }

  /**
   * The pass of one fly (the reference of the batched passes above) against a plain loop over each
   * source's edges in wiring order: the same bits, with an odd and an even number of sources and
   * sources without edges, silent or spiking.
   */
  @Test
  void oneFlyAddsEachSourcesEdgesInColumnOrder() {
    for (int sources : new int[] {299, 300}) {
      SplittableRandom random = new SplittableRandom(sources);
      SparseSynapses synapses = synapses(random, 250, 0.01, sources);
      EdgeArrays edges = synapses.edges();
      int[] targetOf = edges.targetIndex();
      double[] source = new double[sources];
      for (int j = 0; j < sources; j++) {
        source[j] = random.nextDouble() < 0.2 ? 1.0 : 0;
      }
      double[] gradTarget = random.doubles(250, -1, 1).toArray();
      double[] gradSource = random.doubles(sources, -1, 1).toArray();
      double[] expected = gradSource.clone();
      int empty = 0;
      for (int j = 0; j < sources; j++) {
        double sum = 0;
        boolean any = false;
        for (int e = 0; e < edges.edgeCount(); e++) { // wiring order is by target: a column's order
          if (edges.sourceIndex()[e] == j) {
            sum += synapses.weight(e) * gradTarget[targetOf[e]];
            any = true;
          }
        }
        expected[j] += sum;
        empty += any ? 0 : 1;
      }
      synapses.backward(source, ActiveCells.of(source, sources, 1), gradTarget, gradSource,
          synapses.newAccumulator(), 1);
      assertTrue(empty > 0, "some sources without edges");
      assertArrayEquals(expected, gradSource, 0.0, sources + " sources");
    }
  }

  private static SparseSynapses synapses(SplittableRandom random, int targets, double density) {
    return synapses(random, targets, density, SOURCES);
  }

  private static SparseSynapses synapses(SplittableRandom random, int targets, double density, int sourceCount) {
    Projection projection = new Projection("A", "B", new Connectivity.Dense(), Sign.EXCITATORY, null,
        new WeightInit.Uniform(0.2, 1.0), true, Quantity.of(1, Unit.MILLISECOND));
    int[] rowPtr = new int[targets + 1];
    int[] sourceIndex = new int[targets * sourceCount];
    float[] magnitudes = new float[sourceIndex.length];
    int m = 0;
    for (int t = 0; t < targets; t++) {
      for (int s = 0; s < sourceCount; s++) {
        if (random.nextDouble() < density) {
          sourceIndex[m] = s;
          magnitudes[m++] = (float) random.nextDouble(0.1, 2);
        }
      }
      rowPtr[t + 1] = m;
    }
    EdgeArrays edges = new EdgeArrays(projection, sourceCount, targets, rowPtr, Arrays.copyOf(sourceIndex, m),
        Arrays.copyOf(magnitudes, m), 1);
    Synapses s = Synapses.create(edges, 0, 1, 1, Magnitude.ABS, new ParameterSet(),
        new SynapseLayout(SynapseLayout.Kind.SPARSE, 0.5, 0), Precision.FLOAT64);
    s.prepare();
    return (SparseSynapses) s;
  }
}
