package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * Some cells of a population: all of them, a range {@code POP[first..last]} (0-based, inclusive), or
 * the neurons with the given connectome ids ({@code POP neurons 7205759…, …}: FlyWire root ids or
 * neuPrint body ids of a population taken from data).
 *
 * @param population the population
 * @param first first cell of a range, or {@code null}
 * @param last last cell of a range, or {@code null}
 * @param neurons connectome ids, empty unless the set is given by ids
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellSet(String population, Integer first, Integer last, List<Long> neurons) {
  public CellSet {
    Objects.requireNonNull(population, "population");
    neurons = neurons == null ? List.of() : List.copyOf(neurons);
    if ((first == null) != (last == null) || (first != null && (first < 0 || last < first))) {
      throw new IllegalArgumentException("invalid range " + population + "[" + first + ".." + last + "]");
    }
    if (first != null && !neurons.isEmpty()) {
      throw new IllegalArgumentException(population + ": a cell set is a range or neuron ids, not both");
    }
  }

  /** Every cell of the population. */
  public static CellSet all(String population) {
    return new CellSet(population, null, null, List.of());
  }

  public boolean byIds() {
    return !neurons.isEmpty();
  }

  public boolean ranged() {
    return first != null;
  }

  @Override
  public String toString() {
    if (ranged()) {
      return population + "[" + first + ".." + last + "]";
    }
    if (byIds()) {
      return population + " neurons " + (neurons.size() <= 3 ? neurons.toString()
          : neurons.subList(0, 3) + " and " + (neurons.size() - 3) + " more");
    }
    return population;
  }
}
