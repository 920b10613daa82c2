package org.neuromechfly.dmn.engine.synapse;

import org.neuromechfly.dmn.engine.parameter.ParameterSet;

/**
 * A projection as an edge list, walked by source (compressed columns) so that silent presynaptic
 * cells cost nothing forward and one pass over the edges serves both backward products.
 */
public final class SparseSynapses extends Synapses {
  private final int sources;
  private final int targets;
  /** Column pointers by source. */
  private final int[] colPtr;
  /** Target cell of each edge in column order. */
  private final int[] target;
  /** Wiring-order index of each edge in column order. */
  private final int[] wiringEdge;
  private final double[] w;

  SparseSynapses(
      EdgeArrays edges,
      int sourcePopulation,
      int targetPopulation,
      int delay,
      Magnitude magnitude,
      ParameterSet parameters) {
    super(edges, sourcePopulation, targetPopulation, delay, magnitude, parameters);
    this.sources = edges.sourceCount();
    this.targets = edges.targetCount();
    int m = edges.edgeCount();
    int[] src = edges.sourceIndex();
    colPtr = new int[sources + 1];
    for (int s : src) {
      colPtr[s + 1]++;
    }
    for (int s = 0; s < sources; s++) {
      colPtr[s + 1] += colPtr[s];
    }
    int[] fill = colPtr.clone();
    target = new int[m];
    wiringEdge = new int[m];
    // edges are visited by target in increasing order, so each column stays sorted by target
    for (int e = 0; e < m; e++) {
      int c = fill[src[e]]++;
      target[c] = targetOfEdge[e];
      wiringEdge[c] = e;
    }
    w = new double[m];
  }

  @Override
  protected void load() {
    for (int c = 0; c < w.length; c++) {
      w[c] = forwardWeight(wiringEdge[c]);
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
        for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
          targetInput[to + target[c]] += o * w[c];
        }
      }
    }
  }

  @Override
  public void backward(
      double[] source, double[] gradTarget, double[] gradSource, double[] accumulator, int batch) {
    for (int b = 0; b < batch; b++) {
      int so = b * sources;
      int to = b * targets;
      for (int j = 0; j < sources; j++) {
        double o = source[so + j];
        double sum = 0;
        int end = colPtr[j + 1];
        if (o == 0) { // a silent source gets a gradient but contributes none to its weights
          for (int c = colPtr[j]; c < end; c++) {
            sum += w[c] * gradTarget[to + target[c]];
          }
        } else {
          for (int c = colPtr[j]; c < end; c++) {
            double g = gradTarget[to + target[c]];
            sum += w[c] * g;
            accumulator[c] += o * g;
          }
        }
        gradSource[so + j] += sum;
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
    for (int c = 0; c < w.length; c++) {
      addEdgeGradient(wiringEdge[c], accumulator[c]);
    }
    endEdgeGradients();
  }
}
