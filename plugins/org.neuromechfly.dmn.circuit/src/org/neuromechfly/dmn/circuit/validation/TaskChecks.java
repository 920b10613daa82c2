package org.neuromechfly.dmn.circuit.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.ArenaSetting;
import org.neuromechfly.dmn.circuit.circuit.CellSlice;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.GradientSetting;
import org.neuromechfly.dmn.circuit.circuit.PlumeSetting;
import org.neuromechfly.dmn.circuit.circuit.Position;
import org.neuromechfly.dmn.circuit.circuit.SourceSetting;
import org.neuromechfly.dmn.circuit.circuit.StartSetting;
import org.neuromechfly.dmn.circuit.circuit.StepsSetting;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TimeStepSetting;
import org.neuromechfly.dmn.circuit.units.Vocabulary;

/** The navigation task is complete, fits in its arena and reads motors from existing DN cells. */
public class TaskChecks extends CircuitCheck {

  private static final Map<EClass, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put(CircuitPackage.Literals.ARENA_SETTING, "arena 200 mm x 200 mm");
    REQUIRED.put(CircuitPackage.Literals.SOURCE_SETTING, "source at (150 mm, 100 mm)");
    REQUIRED.put(CircuitPackage.Literals.START_SETTING, "start within 40 mm of (50 mm, 100 mm)");
    REQUIRED.put(CircuitPackage.Literals.STEPS_SETTING, "steps 1000");
    REQUIRED.put(CircuitPackage.Literals.TIME_STEP_SETTING, "dt 1 ms");
    REQUIRED.put(CircuitPackage.Literals.FORWARD_SETTING, "forward from DN[0..4]");
    REQUIRED.put(CircuitPackage.Literals.TURN_SETTING, "turn from DN[5..9]");
  }

  @Check
  public void checkComplete(Task task) {
    for (var entry : REQUIRED.entrySet()) {
      boolean present = task.getSettings().stream().anyMatch(s -> s.eClass() == entry.getKey());
      if (!present) {
        error(
            "The navigation task needs a '" + entry.getValue().split(" ")[0] + "' setting, e.g. '" + entry.getValue() + "'.",
            task,
            Literals.TASK__KIND,
            CircuitIssueCodes.MISSING_TASK_SETTING,
            entry.getValue());
      }
    }
  }

  @Check
  public void checkSlice(CellSlice slice) {
    if (slice.getPopulation() == null || slice.getPopulation().eIsProxy() || !slice.eIsSet(Literals.CELL_SLICE__LAST)) {
      return;
    }
    var count = Settings.count(slice.getPopulation());
    if (slice.getFirst() > slice.getLast()) {
      error("A cell range runs from low to high: write [" + slice.getLast() + ".." + slice.getFirst() + "].", slice, Literals.CELL_SLICE__FIRST, CircuitIssueCodes.SLICE_OUT_OF_RANGE);
    } else if (count.isPresent() && slice.getLast() >= count.getAsInt()) {
      error(
          slice.getPopulation().getName() + " has " + count.getAsInt() + " cells (0.." + (count.getAsInt() - 1) + "), so [" + slice.getFirst() + ".." + slice.getLast() + "] is out of range.",
          slice,
          Literals.CELL_SLICE__LAST,
          CircuitIssueCodes.SLICE_OUT_OF_RANGE);
    }
  }

  /** The engine steers by the difference of the turn cells' two halves (left minus right). */
  @Check
  public void checkTurnCells(org.neuromechfly.dmn.circuit.circuit.TurnSetting turn) {
    CellSlice slice = turn.getCells();
    if (slice == null || slice.getPopulation() == null || slice.getPopulation().eIsProxy()) {
      return;
    }
    int size = slice.eIsSet(Literals.CELL_SLICE__LAST) ? slice.getLast() - slice.getFirst() + 1 : Settings.count(slice.getPopulation()).orElse(2);
    if (size < 2) {
      error("Turning needs at least 2 cells: the first half turns left, the second half right.", turn, Literals.TURN_SETTING__CELLS, CircuitIssueCodes.SLICE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkInsideArena(Task task) {
    var arena = Settings.first(task.getSettings(), ArenaSetting.class);
    if (arena.isEmpty() || arena.get().getWidth() == null || arena.get().getHeight() == null) {
      return;
    }
    double width = metres(arena.get().getWidth());
    double height = metres(arena.get().getHeight());
    if (width <= 0 || height <= 0) {
      error("The arena must have a positive size.", arena.get(), null, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      return;
    }
    Settings.first(task.getSettings(), SourceSetting.class)
        .ifPresent(s -> checkInside(s.getPosition(), width, height, "The odour source"));
    Settings.first(task.getSettings(), StartSetting.class)
        .ifPresent(s -> checkInside(s.getCentre(), width, height, "The start region's centre"));
  }

  private void checkInside(Position position, double width, double height, String what) {
    if (position == null || position.getX() == null || position.getY() == null) {
      return;
    }
    double x = metres(position.getX());
    double y = metres(position.getY());
    if (x < 0 || y < 0 || x > width || y > height) {
      error(what + " lies outside the arena (0..width, 0..height).", position, null, CircuitIssueCodes.OUTSIDE_ARENA);
    }
  }

  /** NaN when the unit is wrong: the unit checks report that, and comparisons with NaN stay silent. */
  private static double metres(org.neuromechfly.dmn.circuit.circuit.Quantity q) {
    return org.neuromechfly.dmn.model.Unit.bySymbol(q.getUnit())
        .filter(u -> u.dimension() == org.neuromechfly.dmn.model.Dimension.LENGTH)
        .map(u -> q.getValue() * u.toSi())
        .orElse(Double.NaN);
  }

  @Check
  public void checkPositive(StepsSetting steps) {
    if (steps.getSteps() <= 0) {
      error("An episode needs at least one step.", steps, Literals.STEPS_SETTING__STEPS, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkPositive(TimeStepSetting dt) {
    if (dt.getDt() != null && dt.getDt().getValue() <= 0) {
      error("dt must be positive.", dt, Literals.TIME_STEP_SETTING__DT, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkPlume(PlumeSetting plume) {
    checkChoice(Vocabulary.PLUMES, plume.getModel(), plume, Literals.PLUME_SETTING__MODEL);
    if (plume.getSigma() != null && plume.getSigma().getValue() <= 0) {
      error("The plume's sigma must be positive.", plume, Literals.PLUME_SETTING__SIGMA, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkGradient(GradientSetting gradient) {
    checkChoice(Vocabulary.GRADIENT_PATHS, gradient.getPath(), gradient, Literals.GRADIENT_SETTING__PATH);
  }
}
