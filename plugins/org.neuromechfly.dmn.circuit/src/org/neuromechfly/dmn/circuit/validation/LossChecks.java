package org.neuromechfly.dmn.circuit.validation;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.circuit.ActivityLoss;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.EnergyLoss;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.LossTerm;
import org.neuromechfly.dmn.circuit.circuit.NavigationLoss;
import org.neuromechfly.dmn.circuit.circuit.SparsityLoss;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.Unit;

/** Loss terms are weighted sensibly, appear once, and have what they measure. */
public class LossChecks extends CircuitCheck {

  @Check
  public void checkTerms(LossBlock block) {
    Map<String, LossTerm> seen = new HashMap<>();
    boolean hasTask = ((Circuit) block.eContainer()).getElements().stream().anyMatch(Task.class::isInstance);
    for (LossTerm term : block.getTerms()) {
      String key = term.eClass().getName() + (term instanceof SparsityLoss s && s.getPopulation() != null ? s.getPopulation().getName() : "");
      if (seen.putIfAbsent(key, term) != null) {
        error("This loss term is given twice" + NameChecks.where(seen.get(key)) + "; keep one.", term, null, CircuitIssueCodes.DUPLICATE_LOSS);
      }
      if (weight(term) < 0) {
        error("A loss weight cannot be negative.", term, null, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      }
      if (!hasTask && (term instanceof NavigationLoss || term instanceof EnergyLoss)) {
        error(
            "The " + (term instanceof NavigationLoss ? "navigation" : "energy") + " loss measures the fly's movement, but the circuit declares no task. Add a 'task navigation { … }' block.",
            term,
            null,
            CircuitIssueCodes.NO_TASK_FOR_LOSS);
      }
    }
  }

  private static double weight(LossTerm term) {
    if (term instanceof NavigationLoss n) {
      return n.getWeight();
    }
    if (term instanceof EnergyLoss e) {
      return e.getWeight();
    }
    if (term instanceof SparsityLoss s) {
      return s.getWeight();
    }
    return ((ActivityLoss) term).getWeight();
  }

  @Check
  public void checkGoalRadius(NavigationLoss loss) {
    if (loss.getGoalRadius() == null) {
      return;
    }
    var radius = org.neuromechfly.dmn.circuit.ast.Settings.si(loss.getGoalRadius(), org.neuromechfly.dmn.model.Dimension.LENGTH);
    if (radius.isPresent() && !(radius.getAsDouble() > 0)) {
      error("The goal radius must be positive: it is how close to the source counts as arrived.", loss,
          Literals.NAVIGATION_LOSS__GOAL_RADIUS, CircuitIssueCodes.VALUE_OUT_OF_RANGE, "10 mm");
    }
  }

  @Check
  public void checkSparsityTarget(SparsityLoss loss) {
    if (loss.getTarget() == null) {
      return;
    }
    double fraction = Unit.bySymbol(loss.getTarget().getUnit()).map(u -> loss.getTarget().getValue() * u.toSi()).orElse(loss.getTarget().getUnit() == null ? loss.getTarget().getValue() : Double.NaN);
    if (fraction <= 0 || fraction > 1) {
      error("A sparsity target is a fraction of active cells between 0 and 100 %.", loss, Literals.SPARSITY_LOSS__TARGET, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  /** The lowest non-zero low end of a rate band, Hz. */
  static final double LOWEST_BAND_RATE_HZ = 0.01;

  @Check
  public void checkBand(ActivityLoss loss) {
    if (loss.getLow() == null || loss.getHigh() == null) {
      return;
    }
    var low = Unit.bySymbol(loss.getLow().getUnit());
    var high = Unit.bySymbol(loss.getHigh().getUnit());
    if (low.isPresent() && high.isPresent()) {
      double lo = loss.getLow().getValue() * low.get().toSi();
      double hi = loss.getHigh().getValue() * high.get().toSi();
      if (lo < 0 || hi <= lo) {
        error("A rate band runs from a low to a higher rate, e.g. 'band 1 Hz .. 100 Hz'.", loss, Literals.ACTIVITY_LOSS__HIGH, CircuitIssueCodes.EMPTY_BAND);
      } else if (lo > 0 && lo < LOWEST_BAND_RATE_HZ) {
        // the loss measures a shortfall relative to the low rate: a rate this close to 0 makes its
        // gradient overflow (found by the fuzz run: 'band 4.9e-324 Hz .. 0.1 kHz' trained to a NaN loss)
        error("The low end of a rate band is 0 Hz (no lower bound) or at least " + NumberText.format(LOWEST_BAND_RATE_HZ)
                + " Hz (one spike in 100 s): the activity loss divides by it.",
            loss, Literals.ACTIVITY_LOSS__LOW, CircuitIssueCodes.VALUE_OUT_OF_RANGE, "1 Hz");
      }
    }
  }
}
