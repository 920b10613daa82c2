package org.neuromechfly.dmn.connectome.wiring;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who the cells of a population are when the model takes them from data: connectome neurons (id,
 * type, side), or receptor neurons a glomerulus table placed (no id, type {@code ORN_<glomerulus>},
 * the antenna's side). Cell i of the population is entry i of every array.
 *
 * @param population the population's name
 * @param origin the connectome source (or glomerulus table) the cells come from
 * @param ids neuron ids (neuPrint body id, FlyWire root id), {@link #NO_ID} for cells that are no
 *     reconstructed neuron
 * @param types cell type per cell, {@code null} where unknown
 * @param sides {@code left}, {@code right} or {@code center} per cell, {@code null} where unknown
 */
public record PopulationCells(String population, String origin, long[] ids, String[] types, String[] sides) {

  /** The id of a cell that is not a reconstructed neuron. */
  public static final long NO_ID = -1;

  public PopulationCells {
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(origin, "origin");
    if (ids.length != types.length || ids.length != sides.length) {
      throw new IllegalArgumentException(population + ": " + ids.length + " ids, " + types.length + " types, "
          + sides.length + " sides");
    }
  }

  public int size() {
    return ids.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PopulationCells o && population.equals(o.population) && origin.equals(o.origin)
        && Arrays.equals(ids, o.ids) && Arrays.equals(types, o.types) && Arrays.equals(sides, o.sides);
  }

  @Override
  public int hashCode() {
    return Objects.hash(population, origin, Arrays.hashCode(ids), Arrays.hashCode(types));
  }

  @Override
  public String toString() {
    return "PopulationCells[" + population + ", " + ids.length + " cells from " + origin + "]";
  }
}
