package org.neuromechfly.dmn.engine.synapse;

import java.util.Objects;
import org.neuromechfly.dmn.model.Projection;

/**
 * The engine's own view of a projection's wiring: edges in compressed rows by target, initial
 * magnitudes per edge and the sign. It mirrors the connectome module's {@code ProjectionWiring} so
 * the kernel does not depend on how the wiring was built.
 *
 * @param projection the IR projection
 * @param sourceCount presynaptic cells
 * @param targetCount postsynaptic cells
 * @param rowPtr {@code targetCount + 1} offsets
 * @param sourceIndex presynaptic cell per edge, sorted within each target
 * @param magnitudes initial non-negative magnitude per edge
 * @param sign +1, −1 or 0
 * @param edgeSigns per-edge factor of {@code sign} (+1, −1, 0) for projections signed per presynaptic
 *     neuron ({@code sign per_neuron}), or {@code null} when every edge has the projection's sign
 */
public record EdgeArrays(
    Projection projection,
    int sourceCount,
    int targetCount,
    int[] rowPtr,
    int[] sourceIndex,
    float[] magnitudes,
    int sign,
    byte[] edgeSigns) {

  public EdgeArrays {
    Objects.requireNonNull(projection, "projection");
    if (rowPtr.length != targetCount + 1 || sourceIndex.length != magnitudes.length
        || (edgeSigns != null && edgeSigns.length != magnitudes.length)) {
      throw new IllegalArgumentException(projection.label() + ": inconsistent edge arrays");
    }
  }

  /** Edges that all have the projection's sign. */
  public EdgeArrays(Projection projection, int sourceCount, int targetCount, int[] rowPtr, int[] sourceIndex,
      float[] magnitudes, int sign) {
    this(projection, sourceCount, targetCount, rowPtr, sourceIndex, magnitudes, sign, null);
  }

  /** The sign of edge {@code e}. */
  public int sign(int e) {
    return edgeSigns == null ? sign : sign * edgeSigns[e];
  }

  /** Whether the edges' signs differ by presynaptic neuron ({@code sign per_neuron}). */
  public boolean signedPerNeuron() {
    return edgeSigns != null;
  }

  /** The engine's view of a connectome-module wiring (arrays are shared, not copied). */
  public static EdgeArrays of(org.neuromechfly.dmn.connectome.wiring.ProjectionWiring wiring) {
    var e = wiring.edges();
    return new EdgeArrays(wiring.projection(), e.sourceCount(), e.targetCount(), e.rowPtr(), e.sourceIndex(),
        wiring.initialMagnitudes(), wiring.sign(), wiring.edgeSigns());
  }

  public int edgeCount() {
    return sourceIndex.length;
  }

  /** Fraction of connected pairs. */
  public double density() {
    long pairs = (long) sourceCount * targetCount;
    return pairs == 0 ? 0 : (double) edgeCount() / pairs;
  }

  /** Target cell of every edge. */
  public int[] targetIndex() {
    int[] targets = new int[edgeCount()];
    for (int t = 0; t < targetCount; t++) {
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        targets[e] = t;
      }
    }
    return targets;
  }
}
