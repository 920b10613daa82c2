package org.neuromechfly.dmn.connectome.cache;

import java.util.Arrays;
import java.util.Objects;
import org.neuromechfly.dmn.connectome.graph.CellLabels;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * The subset of a connectome one projection takes: the selected neurons in id order (cell i of the
 * population is neuron {@code preIds[i]}), their types and sides, and the synapses between them.
 *
 * @param preIds ids of the presynaptic neurons, ascending
 * @param postIds ids of the postsynaptic neurons, ascending
 * @param edges synapse counts, sources index {@code preIds}, targets index {@code postIds}
 * @param preLabels type and side of each presynaptic neuron
 * @param postLabels type and side of each postsynaptic neuron
 */
public record SelectedEdges(long[] preIds, long[] postIds, EdgeList edges, CellLabels preLabels, CellLabels postLabels) {

  public SelectedEdges {
    Objects.requireNonNull(edges, "edges");
    preLabels = preLabels == null ? CellLabels.unknown(preIds.length) : preLabels;
    postLabels = postLabels == null ? CellLabels.unknown(postIds.length) : postLabels;
    if (preIds.length != edges.sourceCount() || postIds.length != edges.targetCount()
        || preLabels.size() != preIds.length || postLabels.size() != postIds.length) {
      throw new IllegalArgumentException("id and label arrays do not match the edge list's populations");
    }
  }

  /** A selection whose neurons' types and sides are not known. */
  public SelectedEdges(long[] preIds, long[] postIds, EdgeList edges) {
    this(preIds, postIds, edges, null, null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SelectedEdges o
        && Arrays.equals(preIds, o.preIds)
        && Arrays.equals(postIds, o.postIds)
        && edges.equals(o.edges)
        && preLabels.equals(o.preLabels)
        && postLabels.equals(o.postLabels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(preIds) + Arrays.hashCode(postIds)) + edges.hashCode();
  }
}
