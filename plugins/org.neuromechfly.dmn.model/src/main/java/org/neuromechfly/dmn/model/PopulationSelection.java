package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A population defined by the neurons of a connectome source: all of them, or those whose super
 * class, class, cell type and side match (patterns must match the whole field; null does not
 * restrict). The population's count is the number of neurons selected, read from the data when the
 * model is compiled; its cells are those neurons in id order.
 *
 * @param source the connectome source's name in the circuit
 * @param superClass pattern for the FlyWire super class (e.g. {@code sensory}, {@code central})
 * @param cellClass pattern for the class (e.g. {@code ALPN}, {@code Kenyon_Cell})
 * @param cellType pattern for the cell type (the class when a neuron has no type)
 * @param side {@code left}, {@code right} or {@code center}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PopulationSelection(String source, String superClass, String cellClass, String cellType, String side) {
  public PopulationSelection {
    Objects.requireNonNull(source, "source");
  }

  /** Every neuron of the source. */
  public boolean all() {
    return superClass == null && cellClass == null && cellType == null && side == null;
  }

  /** Readable form, e.g. {@code flywire where cell_class 'ALPN', side 'right'}. */
  public String describe() {
    StringBuilder b = new StringBuilder(source);
    String sep = " where ";
    for (String[] f : new String[][] {{"super_class", superClass}, {"cell_class", cellClass}, {"cell_type", cellType},
        {"side", side}}) {
      if (f[1] != null) {
        b.append(sep).append(f[0]).append(" '").append(f[1]).append('\'');
        sep = ", ";
      }
    }
    return b.toString();
  }
}
