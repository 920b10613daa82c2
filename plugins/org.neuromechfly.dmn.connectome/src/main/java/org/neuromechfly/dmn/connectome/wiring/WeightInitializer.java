package org.neuromechfly.dmn.connectome.wiring;

import java.util.SplittableRandom;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.WeightInit;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * Draws the initial magnitude of every edge. Magnitudes are non-negative: a negative constant or a
 * draw below zero is folded to its absolute value, because the sign belongs to the projection
 * (Dale's law), never to the draw. Edges are visited in CSR order, so draws are reproducible.
 */
final class WeightInitializer {

  private WeightInitializer() {}

  static float[] magnitudes(WeightInit init, EdgeList edges, SplittableRandom random, String label) {
    float[] m = new float[edges.edgeCount()];
    if (init instanceof WeightInit.Constant c) {
      java.util.Arrays.fill(m, (float) Math.abs(c.value()));
    } else if (init instanceof WeightInit.Normal n) {
      requireNonNegative(label, "normal std", n.std());
      for (int e = 0; e < m.length; e++) {
        m[e] = (float) Math.abs(n.mean() + n.std() * ProjectionSeeds.gaussian(random));
      }
    } else if (init instanceof WeightInit.Uniform u) {
      if (!(u.low() <= u.high())) {
        throw new ConnectomeException(
            "projection " + label + ": uniform(" + u.low() + ", " + u.high()
                + ") has low above high; swap the bounds.");
      }
      for (int e = 0; e < m.length; e++) {
        m[e] = (float) Math.abs(u.low() + (u.high() - u.low()) * random.nextDouble());
      }
    } else if (init instanceof WeightInit.Xavier) {
      xavier(edges, random, m);
    } else if (init instanceof WeightInit.Kaiming) {
      kaiming(edges, random, m);
    } else if (init instanceof WeightInit.SynapseScaled s) {
      requireNonNegative(label, "synapse scale", s.scale());
      float[] synapses = edges.synapses();
      for (int e = 0; e < m.length; e++) {
        m[e] = (float) (synapses[e] * s.scale());
      }
    } else {
      throw new IllegalArgumentException(label + ": unknown weight init " + init);
    }
    return m;
  }

  /**
   * Glorot uniform with the fan-in of the edge's target and the fan-out of its source in the mask,
   * which for a dense mask is the textbook {@code U(-a, a)}, {@code a = sqrt(6 / (in + out))}; the
   * magnitude {@code |U(-a, a)|} is {@code U(0, a)}.
   */
  private static void xavier(EdgeList edges, SplittableRandom random, float[] m) {
    int[] fanOut = edges.fanOut();
    int[] rowPtr = edges.rowPtr();
    int[] sources = edges.sourceIndex();
    for (int t = 0; t < edges.targetCount(); t++) {
      int fanIn = rowPtr[t + 1] - rowPtr[t];
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut[sources[e]]));
        m[e] = (float) (limit * random.nextDouble());
      }
    }
  }

  /** He normal over the target's fan-in in the mask: {@code |N(0, 2 / fanIn)|}. */
  private static void kaiming(EdgeList edges, SplittableRandom random, float[] m) {
    int[] rowPtr = edges.rowPtr();
    for (int t = 0; t < edges.targetCount(); t++) {
      int fanIn = rowPtr[t + 1] - rowPtr[t];
      double std = fanIn == 0 ? 0 : Math.sqrt(2.0 / fanIn);
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        m[e] = (float) Math.abs(std * ProjectionSeeds.gaussian(random));
      }
    }
  }

  private static void requireNonNegative(String label, String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ConnectomeException(
          "projection " + label + ": " + what + " is " + value + "; it must be finite and >= 0.");
    }
  }
}
