package org.neuromechfly.dmn.connectome.wiring;

import java.util.Arrays;
import java.util.Objects;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * A projection realised on cells: its fixed edges and the initial weight magnitude of each edge.
 * Dale's law is kept by construction: training learns non-negative magnitudes and the effective
 * weight is {@code sign × magnitude}.
 *
 * <p>Takes ownership of {@code initialMagnitudes} without copying; {@link #equals} compares contents.
 *
 * @param projection the IR projection this realises
 * @param edges which cells connect
 * @param initialMagnitudes one value per edge, in edge order, all &ge; 0
 * @param sign +1, -1 or 0 (modulatory), from {@link Projection#sign()}
 * @param edgeSigns for {@code sign per_neuron}: +1, -1 or 0 per edge (edge order) from the
 *     presynaptic neuron's transmitter, multiplying {@code sign}; {@code null} otherwise
 */
public record ProjectionWiring(
    Projection projection, EdgeList edges, float[] initialMagnitudes, int sign, byte[] edgeSigns) {

  /** A projection whose synapses all have the projection's sign. */
  public ProjectionWiring(Projection projection, EdgeList edges, float[] initialMagnitudes, int sign) {
    this(projection, edges, initialMagnitudes, sign, null);
  }

  public ProjectionWiring {
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(edges, "edges");
    Objects.requireNonNull(initialMagnitudes, "initialMagnitudes");
    if (initialMagnitudes.length != edges.edgeCount()) {
      throw new IllegalArgumentException(
          projection.label() + ": " + initialMagnitudes.length + " magnitudes for "
              + edges.edgeCount() + " edges");
    }
    if (sign < -1 || sign > 1) {
      throw new IllegalArgumentException(projection.label() + ": sign must be -1, 0 or +1, not " + sign);
    }
    if (edgeSigns != null && edgeSigns.length != edges.edgeCount()) {
      throw new IllegalArgumentException(projection.label() + ": " + edgeSigns.length + " signs for "
          + edges.edgeCount() + " edges");
    }
    for (int e = 0; e < initialMagnitudes.length; e++) {
      float m = initialMagnitudes[e];
      if (!(m >= 0) || Float.isInfinite(m)) {
        throw new IllegalArgumentException(
            projection.label() + ": magnitude of edge " + e + " is " + m + "; must be finite and >= 0");
      }
    }
  }

  /** The sign of edge {@code e}: the projection's, times the edge's own with per-neuron signs. */
  public int sign(int e) {
    return edgeSigns == null ? sign : sign * edgeSigns[e];
  }

  /** "PN -> KC". */
  public String label() {
    return projection.label();
  }

  /** {@code sign × magnitude} per edge: the weights the first forward pass uses. */
  public float[] initialWeights() {
    float[] weights = new float[initialMagnitudes.length];
    for (int e = 0; e < weights.length; e++) {
      weights[e] = sign(e) * initialMagnitudes[e];
    }
    return weights;
  }

  /** Row-major {@code [target][source]} matrix of initial signed weights, 0 where no edge exists. */
  public float[] denseInitialWeights() {
    float[] dense = new float[Math.multiplyExact(edges.sourceCount(), edges.targetCount())];
    int[] rowPtr = edges.rowPtr();
    int[] sources = edges.sourceIndex();
    for (int t = 0; t < edges.targetCount(); t++) {
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        dense[t * edges.sourceCount() + sources[e]] = sign(e) * initialMagnitudes[e];
      }
    }
    return dense;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProjectionWiring o
        && sign == o.sign
        && projection.equals(o.projection)
        && edges.equals(o.edges)
        && Arrays.equals(initialMagnitudes, o.initialMagnitudes)
        && Arrays.equals(edgeSigns, o.edgeSigns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(projection, edges, Arrays.hashCode(initialMagnitudes), sign);
  }

  @Override
  public String toString() {
    return "ProjectionWiring[" + label() + ", " + edges + ", sign " + sign + "]";
  }
}
