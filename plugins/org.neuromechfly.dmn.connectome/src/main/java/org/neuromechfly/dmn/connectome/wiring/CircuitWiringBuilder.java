package org.neuromechfly.dmn.connectome.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
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
  private final ConnectomeProjections connectomes;

  private CircuitWiringBuilder(CircuitSpec spec, DataDirectory data) {
    this.spec = spec;
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

  private CircuitWiring build() {
    List<ProjectionWiring> wirings = new ArrayList<>();
    List<DataProvenance> provenance = new ArrayList<>();
    for (Projection projection : spec.projections()) {
      Population source = population(projection, projection.source());
      Population target = population(projection, projection.target());
      SplittableRandom base =
          ProjectionSeeds.forProjection(spec.training().seed(), projection.label());
      SplittableRandom maskRandom = base.split();
      SplittableRandom weightRandom = base.split();
      EdgeList edges;
      if (projection.connectivity() instanceof Connectivity.FromConnectome from) {
        ConnectomeProjections.Realised realised =
            connectomes.realise(projection, from, source, target);
        edges = realised.edges();
        provenance.add(realised.provenance());
      } else {
        edges =
            RuleConnectivity.realise(
                projection.connectivity(),
                projection.label(),
                source.count(),
                target.count(),
                maskRandom);
      }
      float[] magnitudes =
          WeightInitializer.magnitudes(projection.weight(), edges, weightRandom, projection.label());
      wirings.add(
          new ProjectionWiring(projection, edges, magnitudes, projection.sign().factor()));
    }
    return new CircuitWiring(spec, wirings, provenance);
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
