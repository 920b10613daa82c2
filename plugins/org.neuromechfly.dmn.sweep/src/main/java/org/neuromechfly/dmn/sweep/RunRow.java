package org.neuromechfly.dmn.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * One row of the results table: column → value (an {@link Integer}, a {@link Double}, a
 * {@link String}, or {@code null} where the run has no such figure).
 *
 * @param index the run's position in the sweep
 * @param values the row, in column order
 */
public record RunRow(int index, LinkedHashMap<String, Object> values) implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunRow {
    values = new LinkedHashMap<>(values);
  }

  public Object get(String column) {
    return values.get(column);
  }

  /** A numeric figure, or NaN where the run has none. */
  public double number(String column) {
    return values.get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public boolean completed() {
    return RunRecord.COMPLETED.equals(values.get(RunRows.STATUS));
  }
}
