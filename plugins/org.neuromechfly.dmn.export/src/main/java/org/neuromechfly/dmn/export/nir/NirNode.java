package org.neuromechfly.dmn.export.nir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a NIR graph: its type (the NIR class name, e.g. {@code LIF}) and one array per
 * parameter; a nested {@code NIRGraph} node carries a subgraph instead.
 *
 * @param type NIR class name
 * @param params parameters in writing order
 * @param subgraph the nested graph of a {@code NIRGraph} node, else {@code null}
 */
public record NirNode(String type, Map<String, NirArray> params, NirGraph subgraph) {
  public NirNode {
    Objects.requireNonNull(type, "type");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static NirNode of(String type, Map<String, NirArray> params) {
    return new NirNode(type, params, null);
  }

  public NirArray param(String name) {
    return params.get(name);
  }
}
