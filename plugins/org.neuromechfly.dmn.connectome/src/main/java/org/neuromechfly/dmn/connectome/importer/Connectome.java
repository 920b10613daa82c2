package org.neuromechfly.dmn.connectome.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.connectome.graph.EdgeListBuilder;

/**
 * An imported connectome held in memory: neurons sorted by id, and synapse counts per
 * (pre, post, roi) row in columns. Rows without a roi (total-connection exports) have roi -1.
 * Immutable once built; build it with {@link ConnectomeBuilder}.
 */
public final class Connectome {

  private final String name;
  private final List<Neuron> neurons;
  private final LongIndex index;
  private final List<String> rois;
  private final int[] pre;
  private final int[] post;
  private final int[] roi;
  private final float[] synapses;

  Connectome(
      String name, List<Neuron> neurons, List<String> rois, int[] pre, int[] post, int[] roi,
      float[] synapses) {
    this.name = Objects.requireNonNull(name, "name");
    this.neurons = List.copyOf(neurons);
    this.rois = List.copyOf(rois);
    this.pre = pre;
    this.post = post;
    this.roi = roi;
    this.synapses = synapses;
    this.index = new LongIndex(neurons.size());
    for (int i = 0; i < neurons.size(); i++) {
      index.putIfAbsent(neurons.get(i).id(), i);
    }
  }

  /** Dataset label, e.g. the folder it came from. */
  public String name() {
    return name;
  }

  /** Neurons sorted by id. */
  public List<Neuron> neurons() {
    return neurons;
  }

  /** The neuron with this id, if present. */
  public Optional<Neuron> neuron(long id) {
    int i = index.get(id);
    return i < 0 ? Optional.empty() : Optional.of(neurons.get(i));
  }

  /** Index of a neuron in {@link #neurons()}, or -1. */
  public int indexOf(long id) {
    return index.get(id);
  }

  /** Roi / neuropil names in first-seen order. */
  public List<String> rois() {
    return rois;
  }

  /** Number of (pre, post, roi) rows. */
  public int rowCount() {
    return pre.length;
  }

  /** Total synapses over all rows. */
  public double totalSynapses() {
    double sum = 0;
    for (float s : synapses) {
      sum += s;
    }
    return sum;
  }

  /** Indices of the neurons that pass {@code filter}, in id order. */
  public int[] select(NeuronFilter filter) {
    int[] picked = new int[neurons.size()];
    int n = 0;
    for (int i = 0; i < neurons.size(); i++) {
      if (filter.matches(neurons.get(i))) {
        picked[n++] = i;
      }
    }
    return Arrays.copyOf(picked, n);
  }

  /** The ids of neurons given by index. */
  public long[] ids(int[] indices) {
    long[] ids = new long[indices.length];
    for (int i = 0; i < indices.length; i++) {
      ids[i] = neurons.get(indices[i]).id();
    }
    return ids;
  }

  /** Type (or class) and side of the given neurons, in the given order. */
  public org.neuromechfly.dmn.connectome.graph.CellLabels labels(int[] indices) {
    String[] types = new String[indices.length];
    String[] sides = new String[indices.length];
    String[] transmitters = new String[indices.length];
    for (int i = 0; i < indices.length; i++) {
      Neuron n = neurons.get(indices[i]);
      types[i] = n.typeOrClass();
      sides[i] = n.side();
      transmitters[i] = n.transmitter() == null ? null : n.transmitter().symbol();
    }
    return new org.neuromechfly.dmn.connectome.graph.CellLabels(types, sides, transmitters);
  }

  /** How many of the given neurons have each type (or class), for messages. */
  public Map<String, Integer> typeCounts(int[] indices) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i : indices) {
      String t = neurons.get(i).typeOrClass();
      counts.merge(t == null ? "(untyped)" : t, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Synapses from the {@code preNeurons} to the {@code postNeurons}, summed per pair over the rows
   * in {@code roi} (all rows when null), keeping pairs with at least {@code minSynapses}. Source and
   * target indices of the result are positions in the given arrays.
   */
  public EdgeList edges(int[] preNeurons, int[] postNeurons, String roiName, double minSynapses) {
    int[] sourceOf = positions(preNeurons);
    int[] targetOf = positions(postNeurons);
    int roiCode = roiName == null ? Integer.MIN_VALUE : RoiNames.indexIn(rois, roiName);
    EdgeListBuilder builder = new EdgeListBuilder(preNeurons.length, postNeurons.length);
    if (roiName != null && roiCode < 0) {
      return builder.build(minSynapses);
    }
    for (int r = 0; r < pre.length; r++) {
      int s = sourceOf[pre[r]];
      int t = targetOf[post[r]];
      if (s >= 0 && t >= 0 && (roiCode == Integer.MIN_VALUE || roi[r] == roiCode)) {
        builder.add(s, t, synapses[r]);
      }
    }
    return builder.build(minSynapses);
  }

  /** Rows of the whole connectome as edges between all neurons (for statistics and tests). */
  public EdgeList allEdges(String roiName, double minSynapses) {
    int[] all = new int[neurons.size()];
    Arrays.setAll(all, i -> i);
    return edges(all, all, roiName, minSynapses);
  }

  /** Per-neuron position in {@code selected}, -1 for neurons not selected. */
  private int[] positions(int[] selected) {
    int[] position = new int[neurons.size()];
    Arrays.fill(position, -1);
    for (int i = 0; i < selected.length; i++) {
      position[selected[i]] = i;
    }
    return position;
  }

  /** Rows in the order stored, for the cache writer. */
  int[] preColumn() {
    return pre;
  }

  int[] postColumn() {
    return post;
  }

  int[] roiColumn() {
    return roi;
  }

  float[] synapseColumn() {
    return synapses;
  }

  @Override
  public String toString() {
    return "Connectome[" + name + ", " + neurons.size() + " neurons, " + pre.length + " rows, "
        + rois.size() + " rois]";
  }
}
