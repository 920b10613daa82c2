package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Path;
import java.util.List;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * A flyvis connectome: cell types, not cells. Each edge type lists presynaptic-to-postsynaptic
 * hex-column offsets with their mean synapse counts; flyvis expands them on a hexagonal lattice.
 *
 * @param nodes cell types in file order
 * @param edges edge types in file order
 * @param inputUnits input cell types (R1–R8)
 * @param outputUnits output cell types
 */
public record FlyvisConnectome(
    List<Node> nodes, List<Edge> edges, List<String> inputUnits, List<String> outputUnits) {

  public FlyvisConnectome {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    inputUnits = List.copyOf(inputUnits);
    outputUnits = List.copyOf(outputUnits);
  }

  /**
   * A cell type.
   *
   * @param name e.g. {@code T4a}
   * @param strideU lattice stride along u (1 = one cell per column)
   * @param strideV lattice stride along v
   * @param bias initial resting potential
   */
  public record Node(String name, int strideU, int strideV, double bias) {}

  /**
   * One hex-column offset of an edge type.
   *
   * @param du column offset along u
   * @param dv column offset along v
   * @param synapses mean synapse count at this offset
   */
  public record Offset(int du, int dv, double synapses) {}

  /**
   * An edge type.
   *
   * @param source presynaptic cell type
   * @param target postsynaptic cell type
   * @param sign +1 excitatory or -1 inhibitory
   * @param offsets per-offset synapse counts
   */
  public record Edge(String source, String target, int sign, List<Offset> offsets) {
    public Edge {
      offsets = List.copyOf(offsets);
    }

    /** Synapses one target cell receives from all source columns: the sum over offsets. */
    public double synapsesPerTarget() {
      return offsets.stream().mapToDouble(Offset::synapses).sum();
    }
  }

  /** The node of a type, if present. */
  public java.util.Optional<Node> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * A type-level connectome: one neuron per cell type (id = position + 1, the type as type) and one
   * row per edge type with {@link Edge#synapsesPerTarget()} synapses. The sign of an edge type is
   * kept on the presynaptic neuron as ACh (+1) or GABA (−1) when all its edge types agree.
   */
  public Connectome toConnectome() {
    ConnectomeBuilder builder = new ConnectomeBuilder("flyvis");
    int file = builder.file(Path.of("flyvis"));
    for (int i = 0; i < nodes.size(); i++) {
      String name = nodes.get(i).name();
      builder.declare(
          new Neuron(i + 1, name, name, null, null, null, transmitterOf(name)), Path.of("flyvis"), i + 1);
    }
    for (Edge edge : edges) {
      int pre = builder.neuron(indexOf(edge.source()) + 1);
      int post = builder.neuron(indexOf(edge.target()) + 1);
      builder.row(pre, post, null, (float) edge.synapsesPerTarget(), file, 0);
    }
    return builder.build();
  }

  private int indexOf(String name) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("edge names unknown type " + name);
  }

  private Transmitter transmitterOf(String type) {
    List<Integer> signs =
        edges.stream().filter(e -> e.source().equals(type)).map(Edge::sign).distinct().toList();
    if (signs.size() != 1) {
      return null;
    }
    return signs.get(0) > 0 ? Transmitter.ACETYLCHOLINE : Transmitter.GABA;
  }
}
