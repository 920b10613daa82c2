package org.neuromechfly.dmn.circuit.ast;

import java.util.List;
import org.eclipse.emf.ecore.EObject;
import java.util.Optional;
import java.util.OptionalInt;
import org.neuromechfly.dmn.circuit.circuit.CountSetting;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.ProjectionOption;
import org.neuromechfly.dmn.circuit.circuit.Quantity;

/** Reads settings out of the syntax tree; the first of duplicated settings wins (checks report the rest). */
public final class Settings {
  private Settings() {}

  public static OptionalInt count(Population population) {
    if (population == null) {
      return OptionalInt.empty();
    }
    return population.getSettings().stream()
        .filter(CountSetting.class::isInstance)
        .map(CountSetting.class::cast)
        .findFirst()
        .filter(c -> !WrittenValues.unreadable(c, org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.COUNT_SETTING__COUNT))
        .map(c -> OptionalInt.of(c.getCount()))
        .orElse(OptionalInt.empty());
  }

  /** Whether a cell slice names a range ({@code DN[5..9]}) rather than the whole population. */
  public static boolean hasRange(org.neuromechfly.dmn.circuit.circuit.CellSlice slice) {
    return WrittenValues.written(slice, org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.CELL_SLICE__LAST);
  }

  public static Optional<Quantity> parameter(Population population, String name) {
    return population.getSettings().stream()
        .filter(NeuronParameter.class::isInstance)
        .map(NeuronParameter.class::cast)
        .filter(p -> name.equals(p.getParameter()) && p.getValue() != null)
        .map(NeuronParameter::getValue)
        .findFirst();
  }

  public static <T> Optional<T> first(List<?> settings, Class<T> type) {
    return settings.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  public static <T extends ProjectionOption> Optional<T> option(Projection projection, Class<T> type) {
    return first(projection.getOptions(), type);
  }

  /**
   * A written quantity in SI units, when it has a known unit of the expected dimension (empty
   * otherwise: the unit checks report that).
   */
  public static java.util.OptionalDouble si(Quantity quantity, org.neuromechfly.dmn.model.Dimension dimension) {
    if (!written(quantity) || WrittenValues.unreadable(quantity, null)) {
      return java.util.OptionalDouble.empty();
    }
    return org.neuromechfly.dmn.model.Unit.bySymbol(quantity.getUnit())
        .filter(u -> u.dimension() == dimension)
        .map(u -> java.util.OptionalDouble.of(quantity.getValue() * u.toSi()))
        .orElse(java.util.OptionalDouble.empty());
  }

  /** The circuit's navigation task, if it declares one. */
  public static Optional<org.neuromechfly.dmn.circuit.circuit.Task> task(EObject inCircuit) {
    var circuit = org.eclipse.xtext.EcoreUtil2.getContainerOfType(inCircuit, org.neuromechfly.dmn.circuit.circuit.Circuit.class);
    return circuit == null ? Optional.empty() : first(circuit.getElements(), org.neuromechfly.dmn.circuit.circuit.Task.class);
  }

  /** The task's time step in seconds, when written readably. */
  public static java.util.OptionalDouble dt(org.neuromechfly.dmn.circuit.circuit.Task task) {
    return first(task.getSettings(), org.neuromechfly.dmn.circuit.circuit.TimeStepSetting.class)
        .map(s -> si(s.getDt(), org.neuromechfly.dmn.model.Dimension.TIME))
        .orElse(java.util.OptionalDouble.empty());
  }

  /** Steps per episode, when written readably. */
  public static OptionalInt steps(org.neuromechfly.dmn.circuit.circuit.Task task) {
    return first(task.getSettings(), org.neuromechfly.dmn.circuit.circuit.StepsSetting.class)
        .filter(s -> !WrittenValues.unreadable(s, org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.STEPS_SETTING__STEPS))
        .map(s -> OptionalInt.of(s.getSteps()))
        .orElse(OptionalInt.empty());
  }

  /** How long an episode lasts in seconds (steps × dt), when both are written readably and positive. */
  public static java.util.OptionalDouble episodeSeconds(org.neuromechfly.dmn.circuit.circuit.Task task) {
    var steps = steps(task);
    var dt = dt(task);
    if (steps.isEmpty() || dt.isEmpty() || steps.getAsInt() <= 0 || !(dt.getAsDouble() > 0)) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of(steps.getAsInt() * dt.getAsDouble());
  }

  /**
   * Whether a number was actually written: after a syntax error the parser recovers with an empty
   * number, which the checks must not report a second time.
   */
  public static boolean written(Quantity quantity) {
    if (quantity == null) {
      return false;
    }
    var nodes = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(
        quantity, org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.QUANTITY__VALUE);
    return nodes.stream().anyMatch(n -> !n.getText().isBlank());
  }
}
