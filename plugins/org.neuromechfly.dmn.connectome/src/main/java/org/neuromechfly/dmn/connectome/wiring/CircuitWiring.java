package org.neuromechfly.dmn.connectome.wiring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * Every projection of a circuit realised on cells, in the circuit's declaration order, with the
 * provenance of the connectome data used.
 *
 * @param spec the circuit
 * @param projections one wiring per projection of {@code spec}, same order
 * @param provenance one record per connectome-backed projection, in projection order
 */
public record CircuitWiring(
    CircuitSpec spec, List<ProjectionWiring> projections, List<DataProvenance> provenance) {

  public CircuitWiring {
    Objects.requireNonNull(spec, "spec");
    projections = List.copyOf(projections);
    provenance = List.copyOf(provenance);
  }

  /** The wiring of the projection from {@code source} to {@code target}, if the circuit has one. */
  public Optional<ProjectionWiring> projection(String source, String target) {
    return projections.stream()
        .filter(p -> p.projection().source().equals(source) && p.projection().target().equals(target))
        .findFirst();
  }

  /** Total number of edges over all projections. */
  public long edgeCount() {
    return projections.stream().mapToLong(p -> p.edges().edgeCount()).sum();
  }
}
