package org.neuromechfly.dmn.connectome.cache;

import java.util.Arrays;
import java.util.Objects;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * The subset of a connectome one projection takes: the selected neurons in id order (cell i of the
 * population is neuron {@code preIds[i]}) and the synapses between them.
 *
 * @param preIds ids of the presynaptic neurons, ascending
 * @param postIds ids of the postsynaptic neurons, ascending
 * @param edges synapse counts, sources index {@code preIds}, targets index {@code postIds}
 */
public record SelectedEdges(long[] preIds, long[] postIds, EdgeList edges) {

  public SelectedEdges {
    Objects.requireNonNull(edges, "edges");
    if (preIds.length != edges.sourceCount() || postIds.length != edges.targetCount()) {
      throw new IllegalArgumentException("id arrays do not match the edge list's populations");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SelectedEdges o
        && Arrays.equals(preIds, o.preIds)
        && Arrays.equals(postIds, o.postIds)
        && edges.equals(o.edges);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(preIds) + Arrays.hashCode(postIds)) + edges.hashCode();
  }
}
