package org.neuromechfly.dmn.connectome.wiring;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.cache.Checksums;
import org.neuromechfly.dmn.connectome.cache.ConnectomeCache;
import org.neuromechfly.dmn.connectome.cache.SelectedEdges;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.ConnectomeReader;
import org.neuromechfly.dmn.connectome.importer.QuerySelection;
import org.neuromechfly.dmn.connectome.synthetic.SyntheticOlfactoryConnectome;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSelection;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * Realises connectome-backed projections: selects the query's neurons, sums their synapses per pair,
 * checks that each population's count equals the number of neurons it was given, and that a
 * population used by several projections is the same set of neurons in each. A source named
 * {@value #SYNTHETIC} that the circuit does not declare is the seeded synthetic olfactory connectome.
 */
final class ConnectomeProjections {

  /** Name of the built-in synthetic source. */
  static final String SYNTHETIC = "synthetic";

  /**
   * @param preTransmitters transmitter symbol of each presynaptic neuron ({@code null} where unknown)
   */
  record Realised(EdgeList edges, DataProvenance provenance, PopulationCells pre, PopulationCells post,
      String[] preTransmitters) {}

  private final CircuitSpec spec;
  private final DataDirectory data;
  private final Map<String, Connectome> loaded = new HashMap<>();
  private final Map<String, long[]> neuronsOfPopulation = new HashMap<>();
  private final Map<String, String> populationQuery = new HashMap<>();

  ConnectomeProjections(CircuitSpec spec, DataDirectory data) {
    this.spec = spec;
    this.data = data;
  }

  Realised realise(
      Projection projection, Connectivity.FromConnectome from, Population source, Population target) {
    Connectivity.ConnectomeQuery q = from.query();
    String label = projection.label();
    PopulationSelection sourceSelection = selectionFrom(source, from.source(), label);
    PopulationSelection targetSelection = selectionFrom(target, from.source(), label);
    String query = describe(q) + selectionKey(q.preType(), sourceSelection, "pre") + selectionKey(q.postType(), targetSelection, "post");
    Optional<ConnectomeSource> declared = spec.connectome(from.source());
    SelectedEdges selected;
    DataProvenance provenance;
    if (declared.isEmpty() && from.source().equals(SYNTHETIC)) {
      Connectome synthetic = connectome(SYNTHETIC, null);
      selected = select(label, SYNTHETIC, synthetic, q, sourceSelection, targetSelection);
      provenance =
          new DataProvenance(
              SYNTHETIC, SYNTHETIC, "seed " + spec.training().seed(), null, query, null);
    } else {
      ConnectomeSource src =
          declared.orElseThrow(
              () ->
                  new ConnectomeException(
                      "projection " + label + ": no connectome named '" + from.source()
                          + "'. Declare it, or use one of "
                          + spec.connectomes().stream().map(ConnectomeSource::name).toList()
                          + " or '" + SYNTHETIC + "'."));
      Path path = data.resolve(src);
      String checksum =
          Checksums.ofSource(path, ConnectomeReader.sourceFiles(src.format(), path));
      requirePinned(src, path, checksum);
      String cacheKey = ConnectomeCache.key(src.format().keyword(), checksum, query);
      Optional<ConnectomeCache> cache = data.cacheDir().map(ConnectomeCache::new);
      Optional<SelectedEdges> hit = cache.flatMap(c -> c.get(cacheKey));
      if (hit.isPresent()) {
        selected = hit.get();
      } else {
        selected = select(label, src.name(), connectome(src.name(), src), q, sourceSelection, targetSelection);
        SelectedEdges toStore = selected;
        cache.ifPresent(c -> c.put(cacheKey, toStore));
      }
      provenance =
          new DataProvenance(
              src.name(), src.format().keyword(), src.version(), checksum, query, cacheKey);
    }
    ConnectomeSource src = declared.orElse(null);
    requireCount(label, "pre_type", q.preType(), source, selected.preIds(), from.source(), src);
    requireCount(label, "post_type", q.postType(), target, selected.postIds(), from.source(), src);
    requireSameNeurons(label, source, selected.preIds(), query);
    requireSameNeurons(label, target, selected.postIds(), query);
    String origin = from.source();
    return new Realised(selected.edges(), provenance,
        new PopulationCells(source.name(), origin, selected.preIds(), selected.preLabels().types(), selected.preLabels().sides()),
        new PopulationCells(target.name(), origin, selected.postIds(), selected.postLabels().types(), selected.postLabels().sides()),
        selected.preLabels().transmitters());
  }

  /**
   * Who the cells of a population given by a selection are, for a population no connectome projection
   * touches (the data are read for it alone).
   */
  PopulationCells cellsOf(Population population) {
    PopulationSelection s = population.selection();
    ConnectomeSource src = spec.connectome(s.source()).orElseThrow(() -> new ConnectomeException("population "
        + population.name() + ": no connectome named '" + s.source() + "'. Declare it."));
    Connectome connectome = connectome(src.name(), src);
    int[] picked = connectome.select(org.neuromechfly.dmn.connectome.importer.NeuronFilter.of(s));
    if (picked.length != population.count()) {
      throw new ConnectomeException("population " + population.name() + ": " + s.describe() + " selects "
          + picked.length + " neurons, but the compiled model has " + population.count()
          + " (the data changed since the model was compiled). Compile it again.");
    }
    var labels = connectome.labels(picked);
    return new PopulationCells(population.name(), s.source(), connectome.ids(picked), labels.types(), labels.sides());
  }

  /** Each source is read once per build, however many projections draw on it. */
  private Connectome connectome(String name, ConnectomeSource src) {
    return loaded.computeIfAbsent(
        name,
        n ->
            src == null
                ? SyntheticOlfactoryConnectome.generate(spec.training().seed())
                : ConnectomeReader.read(src.format(), data.resolve(src)));
  }

  /** The population's selection when it draws on the same source, else null (the query decides). */
  private static PopulationSelection selectionFrom(Population population, String source, String label) {
    PopulationSelection s = population.selection();
    if (s == null) {
      return null;
    }
    if (!s.source().equals(source)) {
      throw new ConnectomeException("projection " + label + ": population " + population.name() + " is neurons of '"
          + s.source() + "' but the projection draws on '" + source + "'. Take both from the same connectome.");
    }
    return s;
  }

  private static String selectionKey(String pattern, PopulationSelection selection, String side) {
    return pattern == null && selection != null && !selection.all() ? "; " + side + "=" + selection.describe() : "";
  }

  private static SelectedEdges select(String label, String sourceName, Connectome connectome,
      Connectivity.ConnectomeQuery q, PopulationSelection sourceSelection, PopulationSelection targetSelection) {
    QuerySelection selection = QuerySelection.of(connectome, q, sourceSelection, targetSelection);
    int[] pre = selection.pre();
    int[] post = selection.post();
    for (int[] side : new int[][] {pre, post}) {
      if (side.length == 0) {
        String field = side == pre ? "pre_type" : "post_type";
        String pattern = side == pre ? q.preType() : q.postType();
        throw new ConnectomeException(
            "projection " + label + ": " + field + " '" + pattern + "'"
                + (q.side() == null ? "" : " on side " + q.side()) + " selects no neuron of '"
                + sourceName + "' (" + connectome.neurons().size() + " neurons; some types: "
                + sampleTypes(connectome) + "). Fix the pattern; it must match the whole type.");
      }
    }
    EdgeList edges = selection.edges();
    if (edges.edgeCount() == 0) {
      throw new ConnectomeException(
          "projection " + label + ": query " + describe(q) + " on '" + sourceName + "' selects "
              + pre.length + " pre- and " + post.length + " postsynaptic neurons but no synapses"
              + " between them. Rois in the data: " + first(connectome.rois(), 20)
              + ". Check roi and min_synapses.");
    }
    return new SelectedEdges(connectome.ids(pre), connectome.ids(post), edges, connectome.labels(pre), connectome.labels(post));
  }

  private void requireCount(
      String label,
      String field,
      String pattern,
      Population population,
      long[] ids,
      String sourceName,
      ConnectomeSource src) {
    if (population.count() != ids.length) {
      // Only on this error path is the connectome read after a cache hit, to say what was selected.
      Connectome connectome = connectome(sourceName, src);
      int[] indices = Arrays.stream(ids).mapToInt(connectome::indexOf).toArray();
      throw new ConnectomeException(
          "projection " + label + ": " + field + " '" + pattern + "' selects " + ids.length
              + " neurons of '" + sourceName + "' (by type: " + connectome.typeCounts(indices)
              + "), but population " + population.name() + " has count " + population.count()
              + ". Set count " + ids.length + " or narrow the query.");
    }
  }

  private void requireSameNeurons(String label, Population population, long[] ids, String query) {
    long[] previous = neuronsOfPopulation.putIfAbsent(population.name(), ids);
    if (previous != null && !Arrays.equals(previous, ids)) {
      throw new ConnectomeException(
          "projection " + label + ": population " + population.name() + " would be different neurons"
              + " here (" + query + ") than in an earlier projection (" + populationQuery.get(population.name())
              + "). Use the same type pattern and side for a population in every projection.");
    }
    populationQuery.putIfAbsent(population.name(), query);
  }

  private void requirePinned(ConnectomeSource src, Path path, String checksum) {
    if (src.sha256() != null && !src.sha256().equalsIgnoreCase(checksum)) {
      throw new ConnectomeException(
          path, 0, 0,
          "connectome '" + src.name() + "': sha256 is " + checksum + " but the model pins "
              + src.sha256().toLowerCase(Locale.ROOT) + ". The data changed: fetch version "
              + (src.version() == null ? "the pinned version" : src.version())
              + " again, or update the pin if the change is intended.");
    }
  }

  /** A stable, readable form of a query, used in provenance and as part of the cache key. */
  static String describe(Connectivity.ConnectomeQuery q) {
    return "roi=" + nullToEmpty(q.roi()) + "; pre_type=" + nullToEmpty(q.preType()) + "; post_type="
        + nullToEmpty(q.postType()) + "; side=" + nullToEmpty(q.side()) + "; min_synapses="
        + Math.max(1, q.minSynapses());
  }

  private static String sampleTypes(Connectome connectome) {
    return first(
        connectome.neurons().stream()
            .map(n -> n.typeOrClass())
            .filter(t -> t != null)
            .distinct()
            .toList(),
        12);
  }

  private static String first(List<String> items, int max) {
    return items.size() <= max
        ? items.toString()
        : items.subList(0, max) + " and " + (items.size() - max) + " more";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
