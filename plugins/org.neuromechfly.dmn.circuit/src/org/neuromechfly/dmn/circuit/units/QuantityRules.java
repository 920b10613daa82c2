package org.neuromechfly.dmn.circuit.units;

import com.google.inject.Singleton;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.neuromechfly.dmn.circuit.circuit.ActivityLoss;
import org.neuromechfly.dmn.circuit.circuit.ArenaSetting;
import org.neuromechfly.dmn.circuit.circuit.BlankTrialsSetting;
import org.neuromechfly.dmn.circuit.circuit.DelayOption;
import org.neuromechfly.dmn.circuit.circuit.InitialRateSetting;
import org.neuromechfly.dmn.circuit.circuit.MotorDelaySetting;
import org.neuromechfly.dmn.circuit.circuit.NavigationLoss;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.PlumeSetting;
import org.neuromechfly.dmn.circuit.circuit.Position;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.circuit.ResetSetting;
import org.neuromechfly.dmn.circuit.circuit.SparsityLoss;
import org.neuromechfly.dmn.circuit.circuit.SpeedFloorSetting;
import org.neuromechfly.dmn.circuit.circuit.SpeedSetting;
import org.neuromechfly.dmn.circuit.circuit.StartSetting;
import org.neuromechfly.dmn.circuit.circuit.SuccessSetting;
import org.neuromechfly.dmn.circuit.circuit.TimeStepSetting;
import org.neuromechfly.dmn.circuit.circuit.TurnRateSetting;
import org.neuromechfly.dmn.circuit.circuit.WindSetting;
import org.neuromechfly.dmn.model.Dimension;
import org.neuromechfly.dmn.model.Unit;

/**
 * Which dimension each place in a model expects, and the conversion of written quantities to IR
 * quantities. The one source of unit meaning for checks, the compiler and content assist.
 */
@Singleton
public class QuantityRules {

  /** What a place expects: a dimension, or a plain number. */
  public record Expectation(Dimension dimension, String what) {
    public boolean dimensionless() {
      return dimension == null;
    }

    /** Ratios may be written as plain fractions ({@code 0.02}) as well as {@code 2 %}. */
    public boolean unitOptional() {
      return dimension == null || dimension == Dimension.RATIO;
    }
  }

  /** The expectation for a quantity, from where it stands in the model. */
  public Expectation expectation(Quantity quantity) {
    EObject owner = quantity.eContainer();
    var feature = quantity.eContainingFeature();
    if (owner instanceof PlumeSetting && feature != null) {
      return plume(feature.getName());
    }
    if (owner instanceof WindSetting && feature != null) {
      return "direction".equals(feature.getName())
          ? new Expectation(Dimension.ANGLE, "wind direction")
          : new Expectation(Dimension.SPEED, "wind speed");
    }
    return expectationIn(owner);
  }

  private static Expectation plume(String feature) {
    return switch (feature) {
      case "rate" -> new Expectation(Dimension.FREQUENCY, "puff rate");
      case "spread" -> new Expectation(Dimension.DIFFUSIVITY, "puff spread");
      case "meander" -> new Expectation(Dimension.SPEED, "plume meander");
      default -> new Expectation(Dimension.LENGTH, "plume sigma");
    };
  }

  /** The expectation for a quantity written inside {@code owner} (e.g. while it is still being typed). */
  public Expectation expectationIn(EObject owner) {
    if (owner instanceof NeuronParameter parameter) {
      String name = parameter.getParameter();
      return switch (name == null ? "" : name) {
        case "tau_mem", "tau_syn", "refractory" -> new Expectation(Dimension.TIME, name);
        default -> new Expectation(null, name);
      };
    }
    if (owner instanceof InitialRateSetting) {
      return new Expectation(Dimension.FREQUENCY, "initial rate");
    }
    if (owner instanceof ResetSetting) {
      return new Expectation(null, "reset");
    }
    if (owner instanceof DelayOption) {
      return new Expectation(Dimension.TIME, "delay");
    }
    if (owner instanceof ArenaSetting) {
      return new Expectation(Dimension.LENGTH, "arena size");
    }
    if (owner instanceof Position) {
      return new Expectation(Dimension.LENGTH, "position");
    }
    if (owner instanceof PlumeSetting) {
      return new Expectation(Dimension.LENGTH, "plume sigma");
    }
    if (owner instanceof StartSetting) {
      return new Expectation(Dimension.LENGTH, "start radius");
    }
    if (owner instanceof TimeStepSetting) {
      return new Expectation(Dimension.TIME, "dt");
    }
    if (owner instanceof MotorDelaySetting) {
      return new Expectation(Dimension.TIME, "motor delay");
    }
    if (owner instanceof SpeedSetting) {
      return new Expectation(Dimension.SPEED, "max speed");
    }
    if (owner instanceof WindSetting) {
      return new Expectation(Dimension.SPEED, "wind speed");
    }
    if (owner instanceof TurnRateSetting) {
      return new Expectation(Dimension.ANGULAR_SPEED, "max turn");
    }
    if (owner instanceof SpeedFloorSetting) {
      return new Expectation(Dimension.RATIO, "speed floor");
    }
    if (owner instanceof BlankTrialsSetting) {
      return new Expectation(Dimension.RATIO, "blank trials");
    }
    if (owner instanceof SuccessSetting) {
      return new Expectation(Dimension.LENGTH, "success radius");
    }
    if (owner instanceof NavigationLoss) {
      return new Expectation(Dimension.LENGTH, "goal radius");
    }
    if (owner instanceof org.neuromechfly.dmn.circuit.circuit.DurationSetting) {
      return new Expectation(Dimension.TIME, "duration");
    }
    if (owner instanceof org.neuromechfly.dmn.circuit.circuit.StimulusSetting) {
      return new Expectation(Dimension.FREQUENCY, "stimulus rate");
    }
    if (owner instanceof SparsityLoss) {
      return new Expectation(Dimension.RATIO, "sparsity target");
    }
    if (owner instanceof ActivityLoss) {
      return new Expectation(Dimension.FREQUENCY, "rate band");
    }
    return new Expectation(null, "value");
  }

  /** The unit as written, if it is a known unit. */
  public Optional<Unit> unit(Quantity quantity) {
    return Unit.bySymbol(quantity.getUnit());
  }

  /**
   * The IR quantity. Call only on validated models: an omitted ratio unit means a fraction, an
   * omitted unit elsewhere is reported by the unit checks before compilation.
   */
  public org.neuromechfly.dmn.model.Quantity toModel(Quantity quantity) {
    Unit unit =
        unit(quantity)
            .orElseGet(
                () -> {
                  if (quantity.getUnit() == null && expectation(quantity).unitOptional()) {
                    return Unit.FRACTION;
                  }
                  throw new IllegalStateException(
                      "quantity without a valid unit reached the compiler: " + quantity.getUnit());
                });
    return org.neuromechfly.dmn.model.Quantity.of(quantity.getValue(), unit);
  }

  /** The plain number of a dimensionless quantity. */
  public double number(Quantity quantity) {
    return quantity.getValue();
  }
}
