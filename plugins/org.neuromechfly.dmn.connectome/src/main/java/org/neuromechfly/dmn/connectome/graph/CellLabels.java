package org.neuromechfly.dmn.connectome.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cell type and hemisphere of selected neurons, in the selection's order ({@code null} entries where
 * the data do not say). Kept with a cached selection so a run can name its cells without re-reading
 * the connectome.
 *
 * @param types cell type per neuron (e.g. {@code DM1_lPN}, {@code KCg-m})
 * @param sides {@code left}, {@code right} or {@code center} per neuron
 */
public record CellLabels(String[] types, String[] sides) {

  public CellLabels {
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(sides, "sides");
    if (types.length != sides.length) {
      throw new IllegalArgumentException(types.length + " types for " + sides.length + " sides");
    }
  }

  /** {@code n} neurons of unknown type and side. */
  public static CellLabels unknown(int n) {
    return new CellLabels(new String[n], new String[n]);
  }

  public int size() {
    return types.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CellLabels o && Arrays.equals(types, o.types) && Arrays.equals(sides, o.sides);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(types) + Arrays.hashCode(sides);
  }

  @Override
  public String toString() {
    return "CellLabels[" + types.length + " cells]";
  }
}
