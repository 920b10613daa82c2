package org.neuromechfly.dmn.export.nir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A NIR graph as stored in a file: named nodes, directed edges {@code [source, target]} and metadata
 * (numbers or strings; we put {@code dt} there since the graph has no time-step field).
 *
 * @param nodes nodes by name, in writing order
 * @param edges edges as {@code [source, target]} name pairs
 * @param metadata metadata values: {@code Double}, {@code Long} or {@code String}
 */
public record NirGraph(Map<String, NirNode> nodes, List<Edge> edges, Map<String, Object> metadata) {

  /** A directed edge. */
  public record Edge(String source, String target) {
    public Edge {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  public NirGraph {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    edges = List.copyOf(edges);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public NirNode node(String name) {
    return nodes.get(name);
  }

  public List<Edge> into(String name) {
    return edges.stream().filter(e -> e.target().equals(name)).toList();
  }

  public List<Edge> outOf(String name) {
    return edges.stream().filter(e -> e.source().equals(name)).toList();
  }

  /** A metadata number, if present. */
  public Double metadataNumber(String key) {
    Object v = metadata.get(key);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  public String metadataString(String key) {
    Object v = metadata.get(key);
    return v == null ? null : v.toString();
  }
}
