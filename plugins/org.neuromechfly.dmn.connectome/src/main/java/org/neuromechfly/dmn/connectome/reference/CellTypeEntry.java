package org.neuromechfly.dmn.connectome.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuromechfly.dmn.model.Transmitter;
import org.yaml.snakeyaml.nodes.Node;

/** One {@code cell_types} entry turned into a {@link CellType}, inheriting from its parent. */
final class CellTypeEntry {

  private static final Set<String> CITED_KEYS = Set.of("value", "source");
  private static final Set<String> PROJECTION_KEYS = Set.of("target", "fan_in", "source");

  private final YamlNodes nodes;
  private final String name;
  private final Map<String, Node> f;
  private final Node owner;
  private final CellType parent;
  private final Map<String, String> citations = new LinkedHashMap<>();

  CellTypeEntry(YamlNodes nodes, String name, Map<String, Node> f, Node owner, CellType parent) {
    this.nodes = nodes;
    this.name = name;
    this.f = f;
    this.owner = owner;
    this.parent = parent;
    if (parent != null) {
      citations.putAll(parent.citations());
    }
  }

  CellType toCellType() {
    List<String> aliases = new ArrayList<>();
    if (f.containsKey("aliases")) {
      for (Node a : nodes.sequence(f.get("aliases"), name + ".aliases")) {
        aliases.add(nodes.string(a, name + ".aliases"));
      }
    }
    Transmitter transmitter = transmitter();
    List<Transmitter> others = otherTransmitters();
    boolean graded = graded();
    Range count = range("count", parent == null ? null : parent.count());
    if (count == null) {
      throw nodes.error(owner, "cell type '" + name + "' lacks 'count'; add a cited range.");
    }
    Range tau = range("tau_mem_ms", parent == null || parent.tauMem() == null ? null : parent.tauMem().scaled(1000));
    List<KnownProjection> projections = new ArrayList<>();
    if (f.containsKey("projections")) {
      for (Node p : nodes.sequence(f.get("projections"), name + ".projections")) {
        projections.add(projection(p));
      }
    }
    return new CellType(
        name, aliases, parent == null ? null : parent.name(), transmitter, others, count,
        tau == null ? null : tau.scaled(0.001),
        range("threshold", parent == null ? null : parent.threshold()),
        range("spontaneous_hz", parent == null ? null : parent.spontaneousRate()),
        range("evoked_hz", parent == null ? null : parent.evokedRate()),
        graded, citations, projections);
  }

  private Transmitter transmitter() {
    Node node = f.get("transmitter");
    if (node == null) {
      if (parent == null) {
        throw nodes.error(owner, "cell type '" + name + "' lacks 'transmitter'; add {value, source}.");
      }
      return parent.transmitter();
    }
    Map<String, Node> cited = nodes.fields(node, name + ".transmitter", CITED_KEYS);
    Node value = nodes.required(cited, node, "value", name + ".transmitter");
    citations.put(
        "transmitter",
        nodes.string(nodes.required(cited, node, "source", name + ".transmitter"), "source"));
    return parseTransmitter(value);
  }

  private List<Transmitter> otherTransmitters() {
    Node node = f.get("other_transmitters");
    if (node == null) {
      return parent == null ? List.of() : parent.otherTransmitters();
    }
    List<Transmitter> others = new ArrayList<>();
    for (Node t : nodes.sequence(node, name + ".other_transmitters")) {
      others.add(parseTransmitter(t));
    }
    return others;
  }

  private Transmitter parseTransmitter(Node value) {
    String text = nodes.string(value, name + ".transmitter");
    return Transmitter.parse(text)
        .orElseThrow(
            () ->
                nodes.error(
                    value,
                    "unknown transmitter '" + text + "'; use one of ACh, GABA, Glu, DA, 5-HT, OA."));
  }

  private boolean graded() {
    Node node = f.get("graded");
    if (node == null) {
      if (parent == null) {
        throw nodes.error(owner, "cell type '" + name + "' lacks 'graded'; add {value, source}.");
      }
      return parent.graded();
    }
    Map<String, Node> cited = nodes.fields(node, name + ".graded", CITED_KEYS);
    citations.put(
        "graded", nodes.string(nodes.required(cited, node, "source", name + ".graded"), "source"));
    return nodes.bool(nodes.required(cited, node, "value", name + ".graded"), name + ".graded");
  }

  private Range range(String key, Range inherited) {
    Node node = f.get(key);
    if (node == null) {
      return inherited;
    }
    Range range = nodes.range(node, name + "." + key);
    citations.put(key, range.source());
    return range;
  }

  private KnownProjection projection(Node node) {
    String what = name + ".projections";
    Map<String, Node> p = nodes.fields(node, what, PROJECTION_KEYS);
    String target = nodes.string(nodes.required(p, node, "target", what), what + ".target");
    Range fanIn =
        p.containsKey("fan_in")
            ? nodes.range(p.get("fan_in"), what + ".fan_in")
            : null;
    String source = nodes.string(nodes.required(p, node, "source", what), what + ".source");
    return new KnownProjection(name, target, fanIn, source);
  }
}
