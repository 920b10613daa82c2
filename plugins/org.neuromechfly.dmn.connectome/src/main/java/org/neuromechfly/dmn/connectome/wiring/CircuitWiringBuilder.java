package org.neuromechfly.dmn.connectome.wiring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * Turns a {@link CircuitSpec} into cell-level wiring: rule-based projections are drawn from seeded
 * streams, connectome-backed ones are imported (through the cache when the data directory has one)
 * and mapped onto the populations.
 *
 * <p>Deterministic: each projection draws from a stream seeded by {@code training.seed()} mixed with
 * a fixed hash of its label, split once for the mask and once for the weights, so the same spec gives
 * identical arrays and changing one projection's weight init leaves its mask and every other
 * projection unchanged.
 */
public final class CircuitWiringBuilder {

  private final CircuitSpec spec;
  private final DataDirectory data;
  private final ConnectomeProjections connectomes;

  private CircuitWiringBuilder(CircuitSpec spec, DataDirectory data) {
    this.spec = spec;
    this.data = data;
    this.connectomes = new ConnectomeProjections(spec, data);
  }

  /**
   * Realises every projection of {@code spec}.
   *
   * @param spec the circuit
   * @param data where connectome sources live and, optionally, the cache
   * @return the wiring, projections in declaration order
   * @throws ConnectomeException for a projection that cannot be realised or bad connectome data;
   *     the message says which projection or file and what to change
   */
  public static CircuitWiring build(CircuitSpec spec, DataDirectory data) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(data, "data");
    return new CircuitWiringBuilder(spec, data).build();
  }

  /**
   * Connectome-backed projections first (they say who the cells are), then glomerular maps (which
   * read the PNs' types), then the rules; the result is in declaration order.
   */
  private CircuitWiring build() {
    List<Projection> projections = spec.projections();
    EdgeList[] edges = new EdgeList[projections.size()];
    DataProvenance[] provenance = new DataProvenance[projections.size()];
    byte[][] edgeSigns = new byte[projections.size()][];
    Map<String, PopulationCells> cells = new LinkedHashMap<>();
    for (int i = 0; i < projections.size(); i++) {
      Projection projection = projections.get(i);
      if (projection.connectivity() instanceof Connectivity.FromConnectome from) {
        ConnectomeProjections.Realised realised = connectomes.realise(projection, from,
            population(projection, projection.source()), population(projection, projection.target()));
        edges[i] = realised.edges();
        provenance[i] = realised.provenance();
        if (projection.sign() == Sign.PER_NEURON) {
          edgeSigns[i] = NeuronSigns.ofEdges(projection, realised.edges(), realised.pre(), realised.preTransmitters());
        }
        cells.putIfAbsent(realised.pre().population(), realised.pre());
        cells.putIfAbsent(realised.post().population(), realised.post());
      }
    }
    for (int i = 0; i < projections.size(); i++) {
      Projection projection = projections.get(i);
      if (projection.connectivity() instanceof Connectivity.Glomerular g && g.map() != null) {
        GlomerularMapping.Realised realised = GlomerularMapping.realise(projection, glomerulusMap(projection, g.map()),
            data, requireCells(projection, cells), population(projection, projection.source()).count());
        edges[i] = realised.edges();
        provenance[i] = realised.provenance();
        PopulationCells before = cells.putIfAbsent(projection.source(), realised.receptors());
        if (before != null && !before.equals(realised.receptors())) {
          throw new ConnectomeException("projection " + projection.label() + ": population " + projection.source()
              + " would be different cells here than in another projection. Give each receptor population one map.");
        }
      }
    }
    List<ProjectionWiring> wirings = new ArrayList<>();
    for (int i = 0; i < projections.size(); i++) {
      Projection projection = projections.get(i);
      if (projection.sign() == Sign.PER_NEURON && edgeSigns[i] == null) {
        throw new ConnectomeException("projection " + projection.label() + ": sign per_neuron takes each"
            + " neuron's transmitter from connectome data, but this projection's rule has none. State a sign.");
      }
      Population source = population(projection, projection.source());
      Population target = population(projection, projection.target());
      SplittableRandom base =
          ProjectionSeeds.forProjection(spec.training().seed(), projection.label());
      SplittableRandom maskRandom = base.split();
      SplittableRandom weightRandom = base.split();
      if (edges[i] == null) {
        edges[i] =
            RuleConnectivity.realise(
                projection.connectivity(),
                projection.label(),
                source.count(),
                target.count(),
                maskRandom);
      }
      float[] magnitudes =
          WeightInitializer.magnitudes(projection.weight(), edges[i], weightRandom, projection.label());
      wirings.add(
          new ProjectionWiring(projection, edges[i], magnitudes, projection.sign().factor(), edgeSigns[i]));
    }
    for (Population p : spec.populations()) {
      if (p.selection() != null && !cells.containsKey(p.name())) {
        cells.put(p.name(), connectomes.cellsOf(p));
      }
    }
    List<PopulationCells> ordered = spec.populations().stream()
        .map(p -> cells.get(p.name())).filter(Objects::nonNull).toList();
    return new CircuitWiring(spec, wirings, Arrays.stream(provenance).filter(Objects::nonNull).toList(), ordered);
  }

  private ConnectomeSource glomerulusMap(Projection projection, String name) {
    ConnectomeSource map = spec.connectome(name).orElseThrow(() -> new ConnectomeException(
        "projection " + projection.label() + ": no glomerulus table named '" + name + "'. Declare it, e.g."
            + " 'connectome " + name + " glomerulus_map \"hemibrain_olf_data_schlegel2021\"'."));
    if (map.format() != ConnectomeFormat.GLOMERULUS_MAP) {
      throw new ConnectomeException("projection " + projection.label() + ": '" + name + "' is a "
          + map.format().keyword() + " connectome, not a glomerulus table (format glomerulus_map).");
    }
    return map;
  }

  private static PopulationCells requireCells(Projection projection, Map<String, PopulationCells> cells) {
    PopulationCells pns = cells.get(projection.target());
    if (pns == null) {
      throw new ConnectomeException("projection " + projection.label() + ": 'glomerular by' reads the glomerulus of each "
          + projection.target() + " cell from its connectome type, but no projection draws " + projection.target()
          + " from a connectome. Add one, or use plain 'glomerular'.");
    }
    return pns;
  }

  private Population population(Projection projection, String name) {
    return spec.population(name)
        .orElseThrow(
            () ->
                new ConnectomeException(
                    "projection " + projection.label() + ": no population named '" + name
                        + "'. Declare it, or use one of "
                        + spec.populations().stream().map(Population::name).toList() + "."));
  }
}
