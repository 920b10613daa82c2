package org.neuromechfly.dmn.circuit.ast;

import java.util.List;
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
        .mapToInt(s -> ((CountSetting) s).getCount())
        .findFirst();
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
