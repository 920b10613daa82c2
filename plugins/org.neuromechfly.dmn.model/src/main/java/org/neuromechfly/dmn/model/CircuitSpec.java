package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled circuit: everything the engine, the exporters and the generators need, and nothing of
 * the text it came from. Immutable; lists keep the model's declaration order.
 *
 * @param name circuit name
 * @param referenceData cell-type reference file as named in the model, or {@code null} for the bundled
 * @param connectomes declared connectome sources
 * @param populations populations in declaration order
 * @param projections projections in declaration order
 * @param task the task, or {@code null} when the model declares none
 * @param losses loss terms
 * @param training training settings
 * @param exports export paths
 * @param sweep the sweep or ensemble the model declares, or {@code null} (a run of {@code dmn train} has none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CircuitSpec(
    String name,
    String referenceData,
    List<ConnectomeSource> connectomes,
    List<Population> populations,
    List<Projection> projections,
    TaskSpec task,
    List<LossTerm> losses,
    TrainingSpec training,
    ExportSpec exports,
    SweepSpec sweep) {

  /** Bumped when the IR's JSON shape changes incompatibly. */
  public static final int FORMAT_VERSION = 1;

  public CircuitSpec {
    Objects.requireNonNull(name, "name");
    connectomes = List.copyOf(connectomes == null ? List.of() : connectomes);
    populations = List.copyOf(populations == null ? List.of() : populations);
    projections = List.copyOf(projections == null ? List.of() : projections);
    losses = List.copyOf(losses == null ? List.of() : losses);
    training = training == null ? TrainingSpec.defaults() : training;
    exports = exports == null ? ExportSpec.none() : exports;
  }

  /** A circuit without a sweep. */
  public CircuitSpec(String name, String referenceData, List<ConnectomeSource> connectomes, List<Population> populations,
      List<Projection> projections, TaskSpec task, List<LossTerm> losses, TrainingSpec training, ExportSpec exports) {
    this(name, referenceData, connectomes, populations, projections, task, losses, training, exports, null);
  }

  /** The same circuit without its sweep: what one run of the sweep trains, once its settings are applied. */
  public CircuitSpec withoutSweep() {
    return sweep == null ? this : new CircuitSpec(name, referenceData, connectomes, populations, projections, task, losses,
        training, exports, null);
  }

  public Optional<Population> population(String populationName) {
    return populations.stream().filter(p -> p.name().equals(populationName)).findFirst();
  }

  public Optional<ConnectomeSource> connectome(String sourceName) {
    return connectomes.stream().filter(c -> c.name().equals(sourceName)).findFirst();
  }

  public int neuronCount() {
    return populations.stream().mapToInt(Population::count).sum();
  }
}
