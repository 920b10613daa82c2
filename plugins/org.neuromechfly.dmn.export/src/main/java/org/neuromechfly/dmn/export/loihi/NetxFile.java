package org.neuromechfly.dmn.export.loihi;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * lava-dl netx HDF5 files: root group {@code layer} with children {@code 0…n−1} and
 * {@code simulation/{Ts,tSample}}.
 *
 * <ul>
 *   <li>Layer 0 is {@code input} with a {@code shape} only, no {@code neuron} group: netx then creates no
 *       input neurons and connects {@code Network.inp} straight to layer 1's synapses, so a spike source
 *       drives the bundle without {@code skip_layers}; one channel per spike-source cell.
 *   <li>Layers 1…n−1 are {@code dense} or {@code dense_rec}: {@code shape}, {@code inFeatures},
 *       {@code outFeatures}, integer {@code weight} (out, in), {@code weight_rec} (out, out), an optional
 *       per-synapse {@code delay} (out, in; steps beyond the one-step hop) and {@code bias}, and a
 *       {@code neuron} group ({@code type = CUBA}, {@code iDecay}, {@code vDecay}, {@code vThMant},
 *       {@code refDelay}, {@code gradedSpike}).
 * </ul>
 *
 * Every layer also names its populations ({@code populations}, comma-separated, and
 * {@code populationOffsets}, their first cells); netx reads only the keys it knows.
 */
public final class NetxFile {
  private NetxFile() {}

  public static void write(NetxNetwork net, Path path) {
    try (var file = HdfFile.write(path)) {
      file.removeAttribute("_jHDF"); // jhdf tags the root; keep the file to plain datasets
      WritableGroup layers = file.putGroup("layer");
      WritableGroup input = layers.putGroup("0");
      input.putDataset("type", "input");
      input.putDataset("shape", new long[] {net.inputChannels()});
      names(input, net.sources());
      for (NetxLayer l : net.layers()) {
        WritableGroup g = layers.putGroup(Integer.toString(l.index()));
        g.putDataset("type", l.type());
        g.putDataset("shape", new long[] {l.size()});
        g.putDataset("inFeatures", (long) l.inFeatures());
        g.putDataset("outFeatures", (long) l.size());
        g.putDataset("weight", toLong(l.weight()));
        if (l.weightRec() != null) {
          g.putDataset("weight_rec", toLong(l.weightRec()));
        }
        if (l.delay() != null) {
          g.putDataset("delay", toLong(l.delay()));
        }
        int[] bias = l.cells().biasMant();
        if (java.util.Arrays.stream(bias).anyMatch(b -> b != 0)) {
          g.putDataset("bias", java.util.Arrays.stream(bias).asLongStream().toArray());
        }
        names(g, l.populations());
        WritableGroup neuron = g.putGroup("neuron");
        neuron.putDataset("type", "CUBA");
        neuron.putDataset("iDecay", (long) l.cells().iDecay());
        neuron.putDataset("vDecay", (long) l.cells().vDecay());
        neuron.putDataset("vThMant", (long) l.cells().vThMant());
        neuron.putDataset("refDelay", 1L);
        neuron.putDataset("gradedSpike", 0L);
      }
      WritableGroup sim = file.putGroup("simulation");
      sim.putDataset("Ts", 1.0);
      sim.putDataset("tSample", (long) net.tSample());
    }
  }

  private static void names(WritableGroup g, List<NetxLayer.Slice> slices) {
    g.putDataset("populations", slices.stream().map(NetxLayer.Slice::population).collect(Collectors.joining(",")));
    g.putDataset("populationOffsets", slices.stream().mapToLong(NetxLayer.Slice::offset).toArray());
  }

  private static long[][] toLong(int[][] w) {
    long[][] out = new long[w.length][];
    for (int i = 0; i < w.length; i++) {
      out[i] = java.util.Arrays.stream(w[i]).asLongStream().toArray();
    }
    return out;
  }

  /** A layer as read back: its datasets as plain Java values (String, long, long[], long[][]). */
  public record LayerView(int index, Map<String, Object> datasets, Map<String, Object> neuron) {
    public String type() {
      return (String) datasets.get("type");
    }

    /** The layer's populations as written ({@code populations}). */
    public List<String> populations() {
      Object names = datasets.get("populations");
      return names == null || names.toString().isEmpty() ? List.of() : List.of(names.toString().split(","));
    }
  }

  /** Reads every layer of a netx file (for checks and tests), in index order. */
  public static List<LayerView> read(Path path) {
    try (HdfFile file = new HdfFile(path)) {
      if (!(file.getChildren().get("layer") instanceof Group layers)) {
        throw new IllegalArgumentException(path + " has no group 'layer': not a netx file");
      }
      List<LayerView> out = new ArrayList<>();
      for (int i = 0; layers.getChildren().containsKey(Integer.toString(i)); i++) {
        Group g = (Group) layers.getChild(Integer.toString(i));
        Map<String, Object> ds = new LinkedHashMap<>();
        Map<String, Object> neuron = new LinkedHashMap<>();
        for (var e : g.getChildren().entrySet()) {
          if (e.getValue() instanceof Dataset d) {
            ds.put(e.getKey(), value(d));
          } else if (e.getKey().equals("neuron") && e.getValue() instanceof Group ng) {
            for (var n : ng.getChildren().entrySet()) {
              neuron.put(n.getKey(), value((Dataset) n.getValue()));
            }
          }
        }
        out.add(new LayerView(i, ds, neuron));
      }
      if (out.size() != layers.getChildren().size()) {
        throw new IllegalArgumentException(path + ": layer names must be 0.." + (out.size() - 1) + ", found "
            + layers.getChildren().keySet());
      }
      return out;
    }
  }

  /** The simulation group's values, or an empty map. */
  public static Map<String, Object> simulation(Path path) {
    try (HdfFile file = new HdfFile(path)) {
      Map<String, Object> out = new LinkedHashMap<>();
      Node sim = file.getChildren().get("simulation");
      if (sim instanceof Group g) {
        g.getChildren().forEach((k, v) -> out.put(k, value((Dataset) v)));
      }
      return out;
    }
  }

  private static Object value(Dataset d) {
    Object data = d.getData();
    if (d.isScalar() && data != null && data.getClass().isArray() && Array.getLength(data) == 1) {
      return Array.get(data, 0);
    }
    return data;
  }
}
