package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.Optional;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.QuantityRules.Expectation;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.Dimension;
import org.neuromechfly.dmn.model.Unit;

/** Every quantity carries a known unit of the dimension its place expects (or none where none fits). */
public class UnitChecks extends CircuitCheck {
  @Inject private QuantityRules rules;

  @Check
  public void checkUnit(Quantity quantity) {
    if (!org.neuromechfly.dmn.circuit.ast.Settings.written(quantity)) {
      return;
    }
    Expectation expected = rules.expectation(quantity);
    String written = quantity.getUnit();
    if (written == null) {
      if (!expected.unitOptional()) {
        String example = Unit.symbolsOf(expected.dimension()).get(0);
        error(
            expected.what()
                + " needs a "
                + expected.dimension().description()
                + " unit, e.g. '"
                + org.neuromechfly.dmn.model.NumberText.format(quantity.getValue())
                + " "
                + preferred(expected.dimension())
                + "'.",
            quantity,
            Literals.QUANTITY__VALUE,
            CircuitIssueCodes.MISSING_UNIT,
            preferred(expected.dimension()),
            example);
      }
      return;
    }
    Optional<Unit> unit = rules.unit(quantity);
    if (unit.isEmpty()) {
      var allUnits = java.util.Arrays.stream(Unit.values()).map(Unit::symbol).toList();
      String hint =
          Vocabulary.nearest(written, allUnits)
              .map(n -> " Did you mean '" + n + "'?")
              .orElse(
                  expected.dimension() == null
                      ? ""
                      : " Use one of: " + String.join(", ", Unit.symbolsOf(expected.dimension())) + ".");
      error("Unknown unit '" + written + "'." + hint, quantity, Literals.QUANTITY__UNIT, CircuitIssueCodes.UNKNOWN_UNIT);
      return;
    }
    if (expected.dimensionless()) {
      error(
          expected.what() + " is a plain number in normalised membrane units; remove the unit '" + written + "'.",
          quantity,
          Literals.QUANTITY__UNIT,
          CircuitIssueCodes.UNEXPECTED_UNIT);
    } else if (unit.get().dimension() != expected.dimension()) {
      error(
          expected.what()
              + " is a "
              + expected.dimension().description()
              + ", but '"
              + written
              + "' is a unit of "
              + unit.get().dimension().description()
              + ". Use one of: "
              + String.join(", ", Unit.symbolsOf(expected.dimension()))
              + ".",
          quantity,
          Literals.QUANTITY__UNIT,
          CircuitIssueCodes.WRONG_DIMENSION,
          preferred(expected.dimension()));
    }
  }

  private static String preferred(Dimension dimension) {
    return switch (dimension) {
      case TIME -> "ms";
      case LENGTH -> "mm";
      case FREQUENCY -> "Hz";
      case SPEED -> "mm/s";
      case ANGLE -> "deg";
      case ANGULAR_SPEED -> "deg/s";
      case VOLTAGE -> "mV";
      case RATIO -> "%";
      case DIFFUSIVITY -> "mm2/s";
    };
  }
}
