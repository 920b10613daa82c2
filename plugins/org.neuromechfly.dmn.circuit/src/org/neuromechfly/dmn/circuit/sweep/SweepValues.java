package org.neuromechfly.dmn.circuit.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.neuromechfly.dmn.circuit.circuit.NumberValue;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.circuit.SweepAxis;
import org.neuromechfly.dmn.circuit.circuit.SweepValue;
import org.neuromechfly.dmn.circuit.circuit.WordValue;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.SweepSpec.Value;
import org.neuromechfly.dmn.model.Unit;

/**
 * The values an axis of a sweep takes: its list, or its range expanded ({@code 1 .. 8}: whole steps;
 * {@code 10 ms .. 30 ms every 5 ms}; {@code 0.001 .. 0.1 log 3}: log-spaced), and the text each value
 * is written with in a run's model.
 */
public final class SweepValues {
  /** More values than this on one axis is refused (a typo such as {@code every 0.0001}). */
  public static final int MAX_VALUES = 100_000;

  private SweepValues() {}

  /** The expanded values, or the reason the axis has none. */
  public record Expansion(List<Value> values, String problem) {}

  public static Expansion expand(SweepAxis axis) {
    List<Value> written = new ArrayList<>();
    for (SweepValue v : axis.getValues()) {
      Optional<Value> value = value(v);
      if (value.isEmpty()) {
        return new Expansion(List.of(), null); // unknown unit or syntax error: reported where it stands
      }
      written.add(value.get());
    }
    if (!axis.isRange()) {
      return new Expansion(written, null);
    }
    if (axis.getTo() == null || written.isEmpty() || written.get(0).word() != null) {
      return new Expansion(List.of(), "A range runs from a number to a number, e.g. '1 .. 8' or '10 ms .. 30 ms every 5 ms'.");
    }
    Value first = written.get(0);
    Unit unit = first.quantity() == null ? null : first.quantity().unit();
    Optional<Double> from = Optional.of(number(first));
    Optional<Double> to = in(axis.getTo(), unit);
    if (to.isEmpty()) {
      return new Expansion(List.of(), "Both ends of a range need the same kind of unit ('" + first + " .. "
          + text(axis.getTo()) + "').");
    }
    double a = from.get();
    double b = to.get();
    List<Double> numbers = new ArrayList<>();
    if (axis.getPoints() != 0 || axis.eIsSet(org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.SWEEP_AXIS__POINTS)) {
      int n = axis.getPoints();
      if (n < 2 || a <= 0 || b <= 0) {
        return new Expansion(List.of(), "A log range needs two positive ends and at least 2 values, e.g. '0.001 .. 0.1 log 3'.");
      }
      if (n > MAX_VALUES) {
        return new Expansion(List.of(), "A range of " + n + " values is more than " + MAX_VALUES + ".");
      }
      for (int i = 0; i < n; i++) {
        numbers.add(round(a * Math.pow(b / a, (double) i / (n - 1))));
      }
    } else {
      double step = 1;
      if (axis.getStep() != null) {
        Optional<Double> s = in(axis.getStep(), unit);
        if (s.isEmpty()) {
          return new Expansion(List.of(), "The step needs the same kind of unit as the range ('every " + text(axis.getStep()) + "').");
        }
        step = s.get();
      }
      if (step <= 0) {
        return new Expansion(List.of(), "The step of a range must be positive ('every " + NumberText.format(step) + "').");
      }
      if (b < a) {
        return new Expansion(List.of(), "This range is empty: it runs from " + first + " down to " + text(axis.getTo())
            + "; write the smaller end first.");
      }
      double count = Math.floor((b - a) / step + 1e-9) + 1;
      if (count > MAX_VALUES) {
        return new Expansion(List.of(), String.format(Locale.ROOT, "This range has %.0f values, more than %d; use a larger step.",
            count, MAX_VALUES));
      }
      for (int i = 0; i < count; i++) {
        numbers.add(round(a + i * step));
      }
    }
    return new Expansion(numbers.stream().map(x -> unit == null ? Value.of(x)
        : Value.of(org.neuromechfly.dmn.model.Quantity.of(x, unit))).toList(), null);
  }

  /** A written value: a plain number, a number with a known unit, or a word; empty for an unknown unit. */
  public static Optional<Value> value(SweepValue value) {
    if (value instanceof WordValue w) {
      return Optional.ofNullable(w.getWord()).map(Value::of);
    }
    Quantity q = ((NumberValue) value).getQuantity();
    if (q == null) {
      return Optional.empty();
    }
    if (q.getUnit() == null) {
      return Optional.of(Value.of(q.getValue()));
    }
    return Unit.bySymbol(q.getUnit()).map(u -> Value.of(org.neuromechfly.dmn.model.Quantity.of(q.getValue(), u)));
  }

  /** How a value is written into a run's model: {@code 0.1}, {@code 20 ms}, {@code 5 %}, {@code adam}. */
  public static String text(Value value) {
    if (value.quantity() != null && value.quantity().unit() == Unit.FRACTION) {
      return NumberText.format(value.quantity().value());
    }
    return value.toString();
  }

  private static String text(Quantity q) {
    return NumberText.format(q.getValue()) + (q.getUnit() == null ? "" : " " + q.getUnit());
  }

  private static double number(Value v) {
    return v.quantity() != null ? v.quantity().value() : v.number();
  }

  /** A quantity in {@code unit} (or a plain number when {@code unit} is null). */
  private static Optional<Double> in(Quantity q, Unit unit) {
    if (unit == null) {
      return q.getUnit() == null ? Optional.of(q.getValue()) : Optional.empty();
    }
    Optional<Unit> u = Unit.bySymbol(q.getUnit());
    if (u.isEmpty() || u.get().dimension() != unit.dimension()) {
      return Optional.empty();
    }
    return Optional.of(q.getValue() * u.get().toSi() / unit.toSi());
  }

  /** Twelve significant digits: 0.1 + 2 · 0.1 is 0.3, as written. */
  private static double round(double x) {
    return x == 0 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.12g", x));
  }
}
