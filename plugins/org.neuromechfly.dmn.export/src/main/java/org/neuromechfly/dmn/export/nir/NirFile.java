package org.neuromechfly.dmn.export.nir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NIR HDF5 files, written and read with jhdf. Layout (as {@code nir.read} expects): root scalar string
 * {@code version} and group {@code node} (the graph: {@code type = "NIRGraph"}, {@code nodes/<name>/…},
 * {@code edges} (E, 2) strings, {@code metadata}). No HDF5 attributes anywhere; every node group holds
 * a scalar string {@code type} and exactly one dataset per parameter.
 */
public final class NirFile {
  /** The NIR version we write. */
  public static final String VERSION = "1.0.7";

  private NirFile() {}

  /** A graph read from a file, with the file's version. */
  public record Document(String version, NirGraph graph) {}

  /** Writes a new file at {@code path} (which must not exist: jhdf writes new files only). */
  public static void write(NirGraph graph, Path path) {
    try (var file = HdfFile.write(path)) {
      file.removeAttribute("_jHDF"); // jhdf tags the root; NIR files carry no attributes at all
      file.putDataset("version", VERSION);
      writeGraph(file.putGroup("node"), graph);
    }
  }

  private static void writeGraph(WritableGroup group, NirGraph graph) {
    group.putDataset("type", "NIRGraph");
    WritableGroup nodes = group.putGroup("nodes");
    for (var entry : graph.nodes().entrySet()) {
      WritableGroup g = nodes.putGroup(entry.getKey());
      NirNode node = entry.getValue();
      if (node.subgraph() != null) {
        writeGraph(g, node.subgraph());
        continue;
      }
      g.putDataset("type", node.type());
      node.params().forEach((name, array) -> g.putDataset(name, toJava(array)));
    }
    String[][] edges = new String[graph.edges().size()][];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = new String[] {graph.edges().get(i).source(), graph.edges().get(i).target()};
    }
    group.putDataset("edges", edges);
    WritableGroup metadata = group.putGroup("metadata");
    graph.metadata().forEach((k, v) -> metadata.putDataset(k, v instanceof Number n && !(v instanceof Long)
        ? (Object) n.doubleValue() : v));
  }

  private static Object toJava(NirArray a) {
    int[] s = a.shape();
    double[] v = a.values();
    if (s.length == 0) {
      return a.integral() ? (Object) (long) v[0] : (Object) v[0];
    }
    if (s.length == 1) {
      if (a.integral()) {
        long[] l = new long[v.length];
        for (int i = 0; i < l.length; i++) {
          l[i] = (long) v[i];
        }
        return l;
      }
      return v.clone();
    }
    if (s.length == 2) {
      if (a.integral()) {
        long[][] m = new long[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
          for (int j = 0; j < s[1]; j++) {
            m[i][j] = (long) v[i * s[1] + j];
          }
        }
        return m;
      }
      return a.rows();
    }
    throw new IllegalArgumentException("NIR arrays of rank " + s.length + " are not written by this exporter");
  }

  /**
   * Reads a NIR file. Structural problems (no version, no graph, a node without a string type, type
   * stored as an attribute) fail with a {@link NirFormatException} naming the node; the NIR rules on
   * parameters and edges are checked separately by {@link NirRules}.
   */
  public static Document read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new NirFormatException(null, "no file " + path);
    }
    try (HdfFile file = new HdfFile(path)) {
      Node version = file.getChildren().get("version");
      if (!(version instanceof Dataset vd) || !(scalarString(vd) instanceof String v)) {
        throw new NirFormatException(null, path.getFileName() + " has no scalar string dataset 'version' at the root: "
            + "not a NIR file");
      }
      Node graph = file.getChildren().get("node");
      if (!(graph instanceof Group g)) {
        throw new NirFormatException(null, path.getFileName() + " has no group 'node' holding the graph");
      }
      return new Document(v, readGraph(g, ""));
    } catch (NirFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new NirFormatException(null, "cannot read " + path + " as HDF5: " + e.getMessage());
    }
  }

  private static NirGraph readGraph(Group group, String prefix) {
    String graphName = prefix.isEmpty() ? "node" : prefix;
    String type = typeOf(group, graphName);
    if (!type.equals("NIRGraph")) {
      throw new NirFormatException(graphName, "the graph group has type '" + type + "', expected 'NIRGraph'");
    }
    Node nodesNode = group.getChildren().get("nodes");
    if (!(nodesNode instanceof Group nodes)) {
      throw new NirFormatException(graphName, "NIRGraph without a 'nodes' group");
    }
    Map<String, NirNode> out = new LinkedHashMap<>();
    for (var entry : nodes.getChildren().entrySet()) {
      String name = entry.getKey();
      String qualified = prefix.isEmpty() ? name : prefix + "/" + name;
      if (!(entry.getValue() instanceof Group ng)) {
        throw new NirFormatException(qualified, "is a dataset; every node must be a group");
      }
      String nodeType = typeOf(ng, qualified);
      if (nodeType.equals("NIRGraph")) {
        out.put(name, new NirNode("NIRGraph", Map.of(), readGraph(ng, qualified)));
        continue;
      }
      Map<String, NirArray> params = new LinkedHashMap<>();
      for (var p : ng.getChildren().entrySet()) {
        if (p.getKey().equals("type")) {
          continue;
        }
        if (!(p.getValue() instanceof Dataset ds)) {
          throw new NirFormatException(qualified, "parameter '" + p.getKey() + "' is a group, not a dataset");
        }
        params.put(p.getKey(), numeric(ds, qualified, p.getKey()));
      }
      out.put(name, new NirNode(nodeType, params, null));
    }
    List<NirGraph.Edge> edges = new ArrayList<>();
    Node edgesNode = group.getChildren().get("edges");
    if (edgesNode instanceof Dataset ed && !ed.isEmpty()) {
      Object data = ed.getData();
      int[] dims = ed.getDimensions();
      if (dims.length != 2 || dims[1] != 2 || !(data instanceof String[][] pairs)) {
        throw new NirFormatException(graphName, "'edges' must be an (E, 2) array of strings, found "
            + ed.getJavaType().getSimpleName() + " of shape " + java.util.Arrays.toString(dims));
      }
      for (String[] pair : pairs) {
        edges.add(new NirGraph.Edge(pair[0], pair[1]));
      }
    } else if (edgesNode != null && !(edgesNode instanceof Dataset)) {
      throw new NirFormatException(graphName, "'edges' is a group; it must be an (E, 2) string dataset");
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (group.getChildren().get("metadata") instanceof Group md) {
      for (var m : md.getChildren().entrySet()) {
        if (m.getValue() instanceof Dataset ds) {
          Object v = ds.isScalar() ? ds.getData() : ds.getDataFlat();
          metadata.put(m.getKey(), v);
        }
      }
    }
    return new NirGraph(out, edges, metadata);
  }

  private static String typeOf(Group g, String name) {
    Node t = g.getChildren().get("type");
    if (t == null) {
      if (g.getAttributes().containsKey("type")) {
        throw new NirFormatException(name, "'type' is stored as an HDF5 attribute; nir.read expects a scalar "
            + "string dataset 'type'");
      }
      throw new NirFormatException(name, "has no 'type' dataset");
    }
    if (!(t instanceof Dataset ds) || !(scalarString(ds) instanceof String s)) {
      throw new NirFormatException(name, "'type' must be a scalar string dataset");
    }
    return s;
  }

  private static Object scalarString(Dataset ds) {
    if (ds.getJavaType() != String.class) {
      return null;
    }
    Object data = ds.getData();
    if (data instanceof String s) {
      return s;
    }
    if (data != null && data.getClass().isArray() && Array.getLength(data) == 1) {
      return Array.get(data, 0);
    }
    return null;
  }

  private static NirArray numeric(Dataset ds, String node, String param) {
    Class<?> type = ds.getJavaType();
    if (type == String.class) {
      throw new NirFormatException(node, "parameter '" + param + "' holds strings, expected numbers");
    }
    int[] dims = ds.isScalar() ? new int[0] : ds.getDimensions();
    Object flat = ds.isScalar() ? ds.getData() : ds.getDataFlat();
    double[] values;
    boolean integral = type == long.class || type == int.class || type == short.class || type == byte.class
        || type == Long.class || type == Integer.class;
    if (flat != null && flat.getClass().isArray()) {
      int n = Array.getLength(flat);
      values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = toDouble(Array.get(flat, i), node, param);
      }
    } else {
      values = new double[] {toDouble(flat, node, param)};
    }
    return new NirArray(dims, values, integral);
  }

  private static double toDouble(Object o, String node, String param) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new NirFormatException(node, "parameter '" + param + "' is not numeric (" + o + ")");
  }

  /** Reads the file's version only (for quick checks). */
  public static String version(Path path) throws IOException {
    return read(path).version();
  }
}
