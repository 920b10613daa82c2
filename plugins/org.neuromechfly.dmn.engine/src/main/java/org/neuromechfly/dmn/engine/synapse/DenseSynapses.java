package org.neuromechfly.dmn.engine.synapse;

import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * A projection as a masked dense matrix, stored source-major {@code W[j][i]} (zero where the mask has
 * no edge). The forward product and the weight gradient skip silent presynaptic cells (spikes are
 * sparse); the gradient to presynaptic outputs is dense and goes to BLAS for large matrices.
 */
public final class DenseSynapses extends Synapses {
  private final int sources;
  private final int targets;
  private final int[] densePosition;
  private final double[] w;
  private final BlasProduct blas;

  DenseSynapses(
      EdgeArrays edges,
      int sourcePopulation,
      int targetPopulation,
      int delay,
      Magnitude magnitude,
      ParameterSet parameters,
      SynapseLayout layout,
      Precision precision) {
    super(edges, sourcePopulation, targetPopulation, delay, magnitude, parameters);
    this.sources = edges.sourceCount();
    this.targets = edges.targetCount();
    this.w = new double[Math.multiplyExact(sources, targets)];
    this.densePosition = new int[edges.edgeCount()];
    int[] src = edges.sourceIndex();
    for (int e = 0; e < densePosition.length; e++) {
      densePosition[e] = src[e] * targets + targetOfEdge[e];
    }
    this.blas = (long) sources * targets >= layout.blasAbove() ? new BlasProduct(sources, targets, precision) : null;
  }

  @Override
  protected void load() {
    for (int e = 0; e < densePosition.length; e++) {
      w[densePosition[e]] = forwardWeight(e);
    }
    if (blas != null) {
      blas.load(w);
    }
  }

  @Override
  public void forward(double[] source, double[] targetInput, int batch) {
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int j = 0; j < sources; j++) {
        double o = source[so + j];
        if (o == 0) {
          continue;
        }
        int row = j * targets;
        for (int i = 0; i < targets; i++) {
          targetInput[to + i] += o * w[row + i];
        }
      }
    }
  }

  @Override
  public void backward(
      double[] source, double[] gradTarget, double[] gradSource, double[] accumulator, int batch) {
    if (blas != null) {
      blas.multiplyTransposed(gradTarget, gradSource, batch);
    }
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int j = 0; j < sources; j++) {
        int row = j * targets;
        if (blas == null) {
          double sum = 0;
          for (int i = 0; i < targets; i++) {
            sum += w[row + i] * gradTarget[to + i];
          }
          gradSource[so + j] += sum;
        }
        double o = source[so + j];
        if (o != 0) {
          for (int i = 0; i < targets; i++) {
            accumulator[row + i] += o * gradTarget[to + i];
          }
        }
      }
    }
  }

  @Override
  public double[] newAccumulator() {
    return new double[w.length];
  }

  @Override
  public void finishBackward(double[] accumulator) {
    beginEdgeGradients();
    for (int e = 0; e < densePosition.length; e++) {
      addEdgeGradient(e, accumulator[densePosition[e]]);
    }
    endEdgeGradients();
  }
}
