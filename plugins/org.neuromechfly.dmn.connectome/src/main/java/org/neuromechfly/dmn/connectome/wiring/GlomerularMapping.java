package org.neuromechfly.dmn.connectome.wiring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.cache.Checksums;
import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.connectome.importer.GlomerulusTable;
import org.neuromechfly.dmn.connectome.importer.GlomerulusTable.Glomerulus;
import org.neuromechfly.dmn.connectome.importer.ConnectomeReader;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.Projection;

/**
 * {@code glomerular by MAP}: receptor neurons onto connectome projection neurons by glomerulus.
 *
 * <p>Each target cell is a connectome PN whose type the table maps to a glomerulus (thermo- and
 * hygrosensory VP PNs get no receptor input: the odour world has neither). The source population is
 * the receptor neurons of those glomeruli, its first half the left antenna's and its second half the
 * right antenna's (the order the odour world feeds them in); each half is shared among the glomeruli
 * in proportion to the table's receptor-neuron counts (largest remainder, at least one cell each), in
 * glomerulus-name order. A PN receives from every receptor neuron of its glomerulus on the antenna of
 * its own side, and from the other antenna's too where the glomerulus is bilateral (most are: Drosophila
 * receptor neurons project to both antennal lobes). The AL's side is the PNs' side in the data, right
 * when the data do not say (hemibrain traced the right hemisphere). No synapse counts exist for these
 * edges (the tables have none): each edge counts 1, and the weights analysis treats the projection as
 * one without counts.
 */
final class GlomerularMapping {

  /** Receptor neurons are typed like the hemibrain's, {@code ORN_DM1}. */
  static final String RECEPTOR_TYPE_PREFIX = "ORN_";

  record Realised(EdgeList edges, DataProvenance provenance, PopulationCells receptors) {}

  private GlomerularMapping() {}

  static Realised realise(Projection projection, ConnectomeSource map, DataDirectory data, PopulationCells pns,
      int receptorCells) {
    String label = projection.label();
    Path path = data.resolve(map);
    String checksum = Checksums.ofSource(path, ConnectomeReader.sourceFiles(map.format(), path));
    if (map.sha256() != null && !map.sha256().equalsIgnoreCase(checksum)) {
      throw new ConnectomeException(path, 0, 0, "glomerulus table '" + map.name() + "': sha256 is " + checksum
          + " but the model pins " + map.sha256() + ". The tables changed: fetch them again, or update the pin.");
    }
    GlomerulusTable table = GlomerulusTable.read(path);
    Glomerulus[] glomerulusOfPn = new Glomerulus[pns.size()];
    Map<String, Glomerulus> used = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    for (int i = 0; i < pns.size(); i++) {
      String type = pns.types()[i];
      if (type != null && table.nonOlfactory(type)) {
        continue;
      }
      var g = type == null ? java.util.Optional.<Glomerulus>empty() : table.glomerulusOf(type);
      if (g.isEmpty()) {
        unknown.add(type == null ? "(untyped id " + pns.ids()[i] + ")" : type);
      } else {
        glomerulusOfPn[i] = g.get();
        used.put(g.get().name(), g.get());
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConnectomeException("projection " + label + ": glomerulus table '" + map.name() + "' does not list the"
          + " PN type(s) " + unknown + " of population " + projection.target() + ". Narrow the population's query to"
          + " uniglomerular PNs the table knows, or use plain 'glomerular'.");
    }
    if (used.isEmpty()) {
      throw new ConnectomeException("projection " + label + ": no cell of " + projection.target()
          + " is an olfactory PN of glomerulus table '" + map.name() + "', so no receptor neuron would connect.");
    }
    if (receptorCells % 2 != 0 || receptorCells / 2 < used.size()) {
      throw new ConnectomeException("projection " + label + ": " + projection.source() + " has " + receptorCells
          + " cells, but the " + used.size() + " glomeruli of " + projection.target() + " need an even count of at least "
          + 2 * used.size() + " (one receptor neuron per glomerulus and antenna). The table expects "
          + 2 * Math.round(used.values().stream().mapToDouble(Glomerulus::receptorNeurons).sum())
          + " for both antennae; set count to that or an even number in between.");
    }
    List<Glomerulus> order = new ArrayList<>(used.values());
    int[] perGlomerulus = allocate(order, receptorCells / 2);
    String ipsilateral = alSide(pns);
    // cell ranges per glomerulus: left antenna [0, half), right antenna [half, 2·half)
    int half = receptorCells / 2;
    Map<String, int[]> firstCell = new LinkedHashMap<>();
    String[] types = new String[receptorCells];
    String[] sides = new String[receptorCells];
    int next = 0;
    for (int g = 0; g < order.size(); g++) {
      firstCell.put(order.get(g).name(), new int[] {next, next + half, perGlomerulus[g]});
      for (int k = 0; k < perGlomerulus[g]; k++) {
        types[next + k] = RECEPTOR_TYPE_PREFIX + order.get(g).name();
        types[next + half + k] = RECEPTOR_TYPE_PREFIX + order.get(g).name();
        sides[next + k] = "left";
        sides[next + half + k] = "right";
      }
      next += perGlomerulus[g];
    }
    int[] rowPtr = new int[pns.size() + 1];
    List<Integer> sources = new ArrayList<>();
    for (int t = 0; t < pns.size(); t++) {
      Glomerulus g = glomerulusOfPn[t];
      if (g != null) {
        int[] cells = firstCell.get(g.name());
        boolean leftIpsi = ipsilateral.equals("left");
        int[][] antennae = g.bilateral()
            ? new int[][] {{cells[0], cells[2]}, {cells[1], cells[2]}}
            : new int[][] {{leftIpsi ? cells[0] : cells[1], cells[2]}};
        for (int[] a : antennae) {
          for (int k = 0; k < a[1]; k++) {
            sources.add(a[0] + k);
          }
        }
      }
      rowPtr[t + 1] = sources.size();
    }
    int[] sourceIndex = sources.stream().mapToInt(Integer::intValue).toArray();
    float[] ones = new float[sourceIndex.length];
    Arrays.fill(ones, 1f);
    EdgeList edges = new EdgeList(receptorCells, pns.size(), rowPtr, sourceIndex, ones);
    long[] ids = new long[receptorCells];
    Arrays.fill(ids, PopulationCells.NO_ID);
    String query = "glomerular: " + projection.target() + " types -> " + used.size() + " glomeruli; "
        + receptorCells / 2 + " receptor neurons per antenna by expected_RN_female_1h; ipsilateral antenna " + ipsilateral;
    DataProvenance provenance = new DataProvenance(map.name(), map.format().keyword(), map.version(), checksum, query, null);
    return new Realised(edges, provenance, new PopulationCells(projection.source(), map.name(), ids, types, sides));
  }

  /**
   * Shares {@code cells} among the glomeruli in proportion to their receptor-neuron counts: at least
   * one each, then largest remainder (ties to the earlier glomerulus).
   */
  static int[] allocate(List<Glomerulus> glomeruli, int cells) {
    int n = glomeruli.size();
    double total = glomeruli.stream().mapToDouble(g -> Math.max(g.receptorNeurons(), 0)).sum();
    double[] quota = new double[n];
    int[] share = new int[n];
    int given = 0;
    for (int g = 0; g < n; g++) {
      quota[g] = total > 0 ? cells * glomeruli.get(g).receptorNeurons() / total : (double) cells / n;
      share[g] = Math.max(1, (int) Math.floor(quota[g]));
      given += share[g];
    }
    while (given < cells) {
      int best = 0;
      for (int g = 1; g < n; g++) {
        if (quota[g] - share[g] > quota[best] - share[best]) {
          best = g;
        }
      }
      share[best]++;
      given++;
    }
    while (given > cells) {
      int worst = -1;
      for (int g = 0; g < n; g++) {
        if (share[g] > 1 && (worst < 0 || quota[g] - share[g] < quota[worst] - share[worst])) {
          worst = g;
        }
      }
      share[worst]--;
      given--;
    }
    return share;
  }

  /** The side of the PNs' antennal lobe: left when every PN with a side says left, else right. */
  private static String alSide(PopulationCells pns) {
    boolean anyLeft = false;
    for (String side : pns.sides()) {
      if (side != null && !side.isBlank()) {
        if (!side.equalsIgnoreCase("left")) {
          return "right";
        }
        anyLeft = true;
      }
    }
    return anyLeft ? "left" : "right";
  }
}
