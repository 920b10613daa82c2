package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A population of identical LIF cells of one cell type.
 *
 * @param name the model's name for it (unique in the circuit)
 * @param cellType the reference-data cell type, e.g. {@code KC}
 * @param count number of cells
 * @param neuron LIF parameters
 * @param learned parameters training may change, sorted
 * @param sharing how learned parameters are shared
 * @param initialRate the mean firing rate the engine brings the population to before training (its
 *     input gain, or its bias when it has no excitatory input), or {@code null} to leave it as declared
 * @param selection the connectome neurons the population is, or {@code null} for model cells (the
 *     count then came from the data when the model was compiled)
 */
public record Population(
    String name,
    String cellType,
    int count,
    NeuronModel neuron,
    List<LearnableParameter> learned,
    ParameterSharing sharing,
    Quantity initialRate,
    @JsonInclude(JsonInclude.Include.NON_NULL) PopulationSelection selection) {

  /**
   * The cell type of a population whose type nobody has named yet (an imported NIR node): the
   * reference-data checks skip it and say so.
   */
  public static final String UNMAPPED_CELL_TYPE = "unmapped";

  /** A population left at its declared parameters before training. */
  public Population(String name, String cellType, int count, NeuronModel neuron, List<LearnableParameter> learned,
      ParameterSharing sharing) {
    this(name, cellType, count, neuron, learned, sharing, null, null);
  }

  /** A population of model cells. */
  public Population(String name, String cellType, int count, NeuronModel neuron, List<LearnableParameter> learned,
      ParameterSharing sharing, Quantity initialRate) {
    this(name, cellType, count, neuron, learned, sharing, initialRate, null);
  }

  public Population {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cellType, "cellType");
    Objects.requireNonNull(neuron, "neuron");
    Objects.requireNonNull(sharing, "sharing");
    if (count < 0) {
      throw new IllegalArgumentException("population " + name + ": negative count " + count);
    }
    learned = learned == null ? List.of() : learned.stream().distinct().sorted().toList();
  }

  public boolean learns(LearnableParameter parameter) {
    return learned.contains(parameter);
  }
}
