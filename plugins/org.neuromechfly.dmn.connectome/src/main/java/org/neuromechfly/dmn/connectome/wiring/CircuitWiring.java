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
 * @param cells who the cells are, for each population taken from data (connectome neurons, receptor
 *     neurons placed by a glomerulus table), in population order
 */
public record CircuitWiring(
    CircuitSpec spec, List<ProjectionWiring> projections, List<DataProvenance> provenance,
    List<PopulationCells> cells) {

  public CircuitWiring {
    Objects.requireNonNull(spec, "spec");
    projections = List.copyOf(projections);
    provenance = List.copyOf(provenance);
    cells = List.copyOf(cells);
  }

  /** A wiring whose cells are not taken from data. */
  public CircuitWiring(CircuitSpec spec, List<ProjectionWiring> projections, List<DataProvenance> provenance) {
    this(spec, projections, provenance, List.of());
  }

  /** Who the cells of a population are, if it was taken from data. */
  public Optional<PopulationCells> cells(String population) {
    return cells.stream().filter(c -> c.population().equals(population)).findFirst();
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
