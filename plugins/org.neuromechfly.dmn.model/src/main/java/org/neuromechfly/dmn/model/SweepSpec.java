package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A sweep or ensemble the model declares: the circuit trained once for every combination of the
 * values of its axes (the Cartesian product, first axis slowest). Ranges are expanded, so the IR
 * lists every value a run takes.
 *
 * @param axes the varied settings, in the order written
 */
public record SweepSpec(List<Axis> axes) {

  public SweepSpec {
    axes = List.copyOf(axes == null ? List.of() : axes);
  }

  /**
   * One varied setting.
   *
   * @param setting the setting's path as the sweep names it, e.g. {@code loss.energy}, {@code KC.tau_mem}
   * @param values the values it takes, in order
   */
  public record Axis(String setting, List<Value> values) {
    public Axis {
      Objects.requireNonNull(setting, "setting");
      values = List.copyOf(values == null ? List.of() : values);
    }
  }

  /**
   * A value of an axis, exactly one of: a plain number ({@code 0.1}, {@code 42}), a number with its unit
   * ({@code 20 ms}) or a word ({@code adam}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Value(Double number, Quantity quantity, String word) {
    public Value {
      int given = (number == null ? 0 : 1) + (quantity == null ? 0 : 1) + (word == null ? 0 : 1);
      if (given != 1) {
        throw new IllegalArgumentException("a sweep value is a number, a quantity or a word");
      }
      if (number != null && !Double.isFinite(number)) {
        throw new IllegalArgumentException("a sweep value must be finite: " + number);
      }
    }

    public static Value of(double number) {
      return new Value(number, null, null);
    }

    public static Value of(Quantity quantity) {
      return new Value(null, quantity, null);
    }

    public static Value of(String word) {
      return new Value(null, null, word);
    }

    /** As the model writes it: {@code 0.1}, {@code 20 ms}, {@code adam}. */
    @Override
    public String toString() {
      return word != null ? word : quantity != null ? quantity.toString() : NumberText.format(number);
    }
  }

  /** Runs the sweep asks for (the product of the axes' sizes; saturates at {@link Long#MAX_VALUE}). */
  @JsonIgnore
  public long runCount() {
    long n = axes.isEmpty() ? 0 : 1;
    for (Axis a : axes) {
      n = a.values().isEmpty() ? 0 : (n > Long.MAX_VALUE / a.values().size() ? Long.MAX_VALUE : n * a.values().size());
    }
    return n;
  }
}
