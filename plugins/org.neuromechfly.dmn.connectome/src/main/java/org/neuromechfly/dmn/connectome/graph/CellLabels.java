package org.neuromechfly.dmn.connectome.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cell type, hemisphere and transmitter of selected neurons, in the selection's order ({@code null}
 * entries where the data do not say). Kept with a cached selection so a run can name its cells, and
 * sign each neuron's synapses, without re-reading the connectome.
 *
 * @param types cell type per neuron (e.g. {@code DM1_lPN}, {@code KCg-m})
 * @param sides {@code left}, {@code right} or {@code center} per neuron
 * @param transmitters the neuron's (predicted) transmitter as its symbol ({@code ACh}, {@code GABA}, …)
 */
public record CellLabels(String[] types, String[] sides, String[] transmitters) {

  public CellLabels {
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(sides, "sides");
    transmitters = transmitters == null ? new String[types.length] : transmitters;
    if (types.length != sides.length || types.length != transmitters.length) {
      throw new IllegalArgumentException(types.length + " types for " + sides.length + " sides and "
          + transmitters.length + " transmitters");
    }
  }

  /** Labels without transmitters. */
  public CellLabels(String[] types, String[] sides) {
    this(types, sides, null);
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
    return other instanceof CellLabels o && Arrays.equals(types, o.types) && Arrays.equals(sides, o.sides)
        && Arrays.equals(transmitters, o.transmitters);
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
