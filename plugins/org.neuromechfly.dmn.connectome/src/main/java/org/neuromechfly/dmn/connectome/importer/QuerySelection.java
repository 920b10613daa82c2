package org.neuromechfly.dmn.connectome.importer;

import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.model.Connectivity;

/**
 * What a connectome query selects: the presynaptic and postsynaptic neurons (cell-type patterns
 * matched against the whole type, on the query's side) and the synapses between them in the roi with
 * at least {@code min_synapses}. The one definition of query semantics, used by the wiring builder
 * and by the editor's checks alike.
 *
 * @param pre indices of the selected presynaptic neurons
 * @param post indices of the selected postsynaptic neurons
 * @param edges synapse counts from {@code pre} to {@code post}; empty when either side is
 */
public record QuerySelection(int[] pre, int[] post, EdgeList edges) {

  public static QuerySelection of(Connectome connectome, Connectivity.ConnectomeQuery query) {
    return of(connectome, query, null, null);
  }

  /**
   * The query between populations that are given by selections of the same connectome: a side of the
   * query without a type pattern takes its population's selection ({@code null}: all neurons, on the
   * query's side).
   */
  public static QuerySelection of(Connectome connectome, Connectivity.ConnectomeQuery query,
      org.neuromechfly.dmn.model.PopulationSelection source, org.neuromechfly.dmn.model.PopulationSelection target) {
    int[] pre = connectome.select(query.preType() == null && source != null ? NeuronFilter.of(source)
        : NeuronFilter.of(query.preType(), null, query.side()));
    int[] post = connectome.select(query.postType() == null && target != null ? NeuronFilter.of(target)
        : NeuronFilter.of(query.postType(), null, query.side()));
    EdgeList edges = pre.length == 0 || post.length == 0
        ? EdgeList.empty(pre.length, post.length)
        : connectome.edges(pre, post, query.roi(), Math.max(1, query.minSynapses()));
    return new QuerySelection(pre, post, edges);
  }
}
