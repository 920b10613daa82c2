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
    int[] pre = connectome.select(NeuronFilter.of(query.preType(), null, query.side()));
    int[] post = connectome.select(NeuronFilter.of(query.postType(), null, query.side()));
    EdgeList edges = pre.length == 0 || post.length == 0
        ? EdgeList.empty(pre.length, post.length)
        : connectome.edges(pre, post, query.roi(), Math.max(1, query.minSynapses()));
    return new QuerySelection(pre, post, edges);
  }
}
