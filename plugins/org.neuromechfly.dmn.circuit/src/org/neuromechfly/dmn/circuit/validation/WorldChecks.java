package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.Locale;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.PlumeSetting;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.circuit.SensorSetting;
import org.neuromechfly.dmn.circuit.circuit.SpeedFloorSetting;
import org.neuromechfly.dmn.circuit.circuit.SuccessSetting;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TimeStepSetting;
import org.neuromechfly.dmn.circuit.circuit.TurnRateSetting;
import org.neuromechfly.dmn.circuit.circuit.WindSetting;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.PlumeModel;

/**
 * The world of the navigation task can exist as written: the wind, the plume it carries, the
 * populations that sense them and the limits of walking. A world the engine could not simulate as
 * specified (puffs without wind, a wind that carries puffs past the fly between two steps, a speed
 * floor of 100 %) is an error before anything trains.
 */
public class WorldChecks extends CircuitCheck {
  @Inject private QuantityRules quantities;

  @Check
  public void checkPlume(PlumeSetting plume) {
    var model = Vocabulary.PLUMES.lookup(plume.getModel());
    if (model.isEmpty()) {
      return; // TaskChecks reports the unknown word
    }
    Task task = (Task) plume.eContainer();
    if (model.get() == PlumeModel.PUFFS) {
      var wind = Settings.first(task.getSettings(), WindSetting.class);
      double speed = wind.map(w -> si(w.getSpeed())).orElse(0.0);
      if (wind.isEmpty() || speed == 0) {
        error("Puffs are carried from the source by the wind: add a wind, e.g. 'wind 150 mm/s from 0 deg'.", plume,
            Literals.PLUME_SETTING__MODEL, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      }
      positive(plume.getRate(), "The puff rate", plume, Literals.PLUME_SETTING__RATE);
      notNegative(plume.getSpread(), "The puff spread", plume, Literals.PLUME_SETTING__SPREAD);
      notNegative(plume.getMeander(), "The plume's meander", plume, Literals.PLUME_SETTING__MEANDER);
    } else {
      // only puffs read these: a setting the engine would ignore is not accepted
      for (var feature : new org.eclipse.emf.ecore.EStructuralFeature[] {
          Literals.PLUME_SETTING__RATE, Literals.PLUME_SETTING__SPREAD, Literals.PLUME_SETTING__MEANDER}) {
        if (plume.eGet(feature) != null) {
          error("'" + feature.getName() + "' describes puffs; a " + plume.getModel() + " plume has none (remove it, or"
              + " use 'plume puffs').", plume, feature, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
        }
      }
    }
  }

  @Check
  public void checkWind(WindSetting wind) {
    double speed = si(wind.getSpeed());
    if (speed < 0) {
      error("A wind speed is not negative; give the direction it comes from instead.", wind, Literals.WIND_SETTING__SPEED,
          CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      return;
    }
    Task task = (Task) wind.eContainer();
    var plume = Settings.first(task.getSettings(), PlumeSetting.class);
    double dt = Settings.first(task.getSettings(), TimeStepSetting.class).map(t -> si(t.getDt())).orElse(Double.NaN);
    if (plume.isPresent() && Vocabulary.PLUMES.lookup(plume.get().getModel()).orElse(null) == PlumeModel.PUFFS) {
      double radius = plume.get().getSigma() == null ? 3e-3 : si(plume.get().getSigma());
      if (speed * dt > radius) {
        error(String.format(Locale.ROOT, "At this wind a puff moves %.1f mm per step, more than its %.1f mm radius:"
                + " the fly would miss puffs between steps. Lower the wind or dt, or widen the puffs (sigma).",
                speed * dt * 1e3, radius * 1e3), wind, Literals.WIND_SETTING__SPEED, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      }
    }
    boolean sensed = task.getSettings().stream().anyMatch(s -> s instanceof SensorSetting sensor
        && "wind".equals(sensor.getSense()));
    if (!sensed && speed > 0) {
      info("Nothing senses this wind: add 'wind sensed by POPULATION' (e.g. Johnston's organ neurons) so that the"
          + " circuit can learn to walk upwind.", wind, Literals.WIND_SETTING__SPEED, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkSensors(SensorSetting sensor) {
    if (sensor.getPopulation() == null || sensor.getPopulation().eIsProxy()) {
      return; // NameChecks reports an unknown population
    }
    var count = Settings.count(sensor.getPopulation());
    if (count.isPresent() && count.getAsInt() < 2) {
      error(sensor.getPopulation().getName() + " needs at least 2 cells to sense " + sensor.getSense()
          + " with both antennae: its first half listens to the left antenna, its second half to the right.", sensor,
          Literals.SENSOR_SETTING__POPULATION, CircuitIssueCodes.INVALID_COUNT);
    }
    Task task = (Task) sensor.eContainer();
    if ("wind".equals(sensor.getSense()) && Settings.first(task.getSettings(), WindSetting.class).isEmpty()) {
      warning("There is no wind to sense: add one, e.g. 'wind 150 mm/s from 0 deg', or remove this setting.", sensor,
          Literals.SENSOR_SETTING__SENSE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkSpeedFloor(SpeedFloorSetting floor) {
    double f = si(floor.getFloor());
    if (f < 0 || f >= 1) {
      error("The speed floor is the fraction of the top speed the fly always walks at: 0 (the DNs do all the walking)"
          + " up to below 100 %.", floor, Literals.SPEED_FLOOR_SETTING__FLOOR, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkInitialRate(org.neuromechfly.dmn.circuit.circuit.InitialRateSetting rate) {
    double hz = si(rate.getRate());
    if (hz < 0 || hz * 1e-3 > 1) {
      error("An initial rate is a mean firing rate between 0 Hz and one spike per step (1 kHz at dt 1 ms).", rate,
          Literals.INITIAL_RATE_SETTING__RATE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkBlankTrials(org.neuromechfly.dmn.circuit.circuit.BlankTrialsSetting blank) {
    double f = si(blank.getFraction());
    if (f < 0 || f >= 1) {
      error("Blank trials are a fraction of the episodes: from 0 up to below 100 % (some must have odour).", blank,
          Literals.BLANK_TRIALS_SETTING__FRACTION, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkTurnRate(TurnRateSetting turn) {
    positive(turn.getRate(), "The top turning rate", turn, Literals.TURN_RATE_SETTING__RATE);
  }

  @Check
  public void checkSuccess(SuccessSetting success) {
    positive(success.getRadius(), "The success radius", success, Literals.SUCCESS_SETTING__RADIUS);
  }

  private void positive(Quantity q, String what, org.eclipse.emf.ecore.EObject owner,
      org.eclipse.emf.ecore.EStructuralFeature feature) {
    if (q != null && si(q) <= 0) {
      error(what + " must be positive.", owner, feature, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  private void notNegative(Quantity q, String what, org.eclipse.emf.ecore.EObject owner,
      org.eclipse.emf.ecore.EStructuralFeature feature) {
    if (q != null && si(q) < 0) {
      error(what + " cannot be negative.", owner, feature, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  /** The SI value of a quantity in a unit of its expected dimension; NaN otherwise (the unit checks report it). */
  private double si(Quantity q) {
    if (q == null) {
      return Double.NaN;
    }
    var expected = quantities.expectation(q);
    var unit = quantities.unit(q);
    if (unit.isEmpty()) {
      return q.getUnit() == null && expected.unitOptional() ? q.getValue() : Double.NaN;
    }
    return unit.get().dimension() == expected.dimension() ? q.getValue() * unit.get().toSi() : Double.NaN;
  }
}
