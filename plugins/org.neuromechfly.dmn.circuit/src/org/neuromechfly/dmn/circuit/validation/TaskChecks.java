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
import org.neuromechfly.dmn.circuit.circuit.MotorDelaySetting;
import org.neuromechfly.dmn.circuit.circuit.SpeedSetting;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.Dimension;
import org.neuromechfly.dmn.model.NumberText;

/** The navigation task is complete, fits in its arena and reads motors from existing DN cells. */
public class TaskChecks extends CircuitCheck {
  /** The compiler's defaults (TaskCompiler), in SI units. */
  private static final double DEFAULT_MAX_SPEED = org.neuromechfly.dmn.circuit.compiler.TaskCompiler.DEFAULT_MAX_SPEED.si();
  private static final double DEFAULT_GOAL_RADIUS = org.neuromechfly.dmn.circuit.compiler.TaskCompiler.DEFAULT_GOAL_RADIUS.si();

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
    if ("experiment".equals(task.getKind())) {
      return; // ExperimentChecks
    }
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
    if (slice.getPopulation() == null || slice.getPopulation().eIsProxy() || !Settings.hasRange(slice)) {
      return;
    }
    var count = Settings.count(slice.getPopulation());
    if (slice.getFirst() > slice.getLast()) {
      error("A cell range runs from low to high: write [" + slice.getLast() + ".." + slice.getFirst() + "].", slice, Literals.CELL_SLICE__FIRST,
          CircuitIssueCodes.SLICE_OUT_OF_RANGE, "reversed", Integer.toString(slice.getFirst()), Integer.toString(slice.getLast()));
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
    if (Settings.hasRange(slice) && slice.getFirst() > slice.getLast()) {
      return; // a reversed range: reported by checkSlice
    }
    int size = Settings.hasRange(slice) ? slice.getLast() - slice.getFirst() + 1 : Settings.count(slice.getPopulation()).orElse(2);
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
  public void checkStartRadius(StartSetting start) {
    var radius = Settings.si(start.getRadius(), Dimension.LENGTH);
    if (radius.isPresent() && radius.getAsDouble() < 0) {
      error("The start radius cannot be negative; use 0 to start every fly at the centre.", start, Literals.START_SETTING__RADIUS,
          CircuitIssueCodes.VALUE_OUT_OF_RANGE, NumberText.format(-start.getRadius().getValue()) + " " + start.getRadius().getUnit());
    }
  }

  @Check
  public void checkSpeed(SpeedSetting speed) {
    var v = Settings.si(speed.getSpeed(), Dimension.SPEED);
    if (v.isPresent() && !(v.getAsDouble() > 0)) {
      error("max speed must be positive; walking flies reach 20–30 mm/s.", speed, Literals.SPEED_SETTING__SPEED,
          CircuitIssueCodes.VALUE_OUT_OF_RANGE, "30 mm/s");
    }
  }

  /** The legs obey commands {@code motor delay} after the network issued them, within the episode. */
  @Check
  public void checkMotorDelay(MotorDelaySetting setting) {
    var delay = Settings.si(setting.getDelay(), Dimension.TIME);
    if (delay.isEmpty()) {
      return;
    }
    if (delay.getAsDouble() < 0) {
      error("The motor delay cannot be negative.", setting, Literals.MOTOR_DELAY_SETTING__DELAY, CircuitIssueCodes.VALUE_OUT_OF_RANGE, "20 ms");
      return;
    }
    var episode = Settings.episodeSeconds((Task) setting.eContainer());
    if (episode.isPresent() && delay.getAsDouble() >= episode.getAsDouble()) {
      error("A motor delay of " + seconds(delay.getAsDouble()) + " is as long as the episode (steps × dt = "
              + seconds(episode.getAsDouble()) + ") or longer: no motor command would reach the legs. Use a delay shorter"
              + " than the episode (the default is 20 ms).",
          setting, Literals.MOTOR_DELAY_SETTING__DELAY, CircuitIssueCodes.DELAY_TOO_LONG, "20 ms");
    }
  }

  /**
   * Some start should let the fly reach the goal within an episode at its top speed; otherwise
   * training has nothing to learn. (A speed of zero, which made the loss NaN, is an error above.)
   */
  @Check
  public void checkReachable(Task task) {
    var settings = task.getSettings();
    var source = Settings.first(settings, SourceSetting.class).map(SourceSetting::getPosition);
    var start = Settings.first(settings, StartSetting.class);
    var episode = Settings.episodeSeconds(task);
    if (source.isEmpty() || start.isEmpty() || episode.isEmpty()) {
      return;
    }
    double[] goal = point(source.get());
    double[] centre = point(start.get().getCentre());
    var radius = Settings.si(start.get().getRadius(), Dimension.LENGTH);
    var speedSetting = Settings.first(settings, SpeedSetting.class);
    var speed = speedSetting.isPresent() ? Settings.si(speedSetting.get().getSpeed(), Dimension.SPEED) : java.util.OptionalDouble.of(DEFAULT_MAX_SPEED);
    if (goal == null || centre == null || radius.isEmpty() || speed.isEmpty() || radius.getAsDouble() < 0 || !(speed.getAsDouble() > 0)) {
      return;
    }
    double goalRadius = goalRadius(task);
    double nearest = Math.hypot(goal[0] - centre[0], goal[1] - centre[1]) - radius.getAsDouble() - goalRadius;
    double reach = speed.getAsDouble() * episode.getAsDouble();
    if (nearest > reach) {
      String message = String.format(java.util.Locale.ROOT,
          "No fly can reach the goal: at %s mm/s for %s the fly walks at most %s mm, but the nearest start lies %s mm from"
              + " the goal (within %s mm of the source). Raise 'max speed' or 'steps', or start closer.",
          figure(speed.getAsDouble() * 1e3), seconds(episode.getAsDouble()), figure(reach * 1e3),
          figure(nearest * 1e3), figure(goalRadius * 1e3));
      // a warning: short episodes are legitimate for tests and smoke runs, and training stays finite
      if (speedSetting.isPresent()) {
        warning(message, speedSetting.get(), Literals.SPEED_SETTING__SPEED, CircuitIssueCodes.TASK_IMPOSSIBLE);
      } else {
        warning(message, task, Literals.TASK__KIND, CircuitIssueCodes.TASK_IMPOSSIBLE);
      }
    }
  }

  /** The navigation loss's goal radius, or its default. */
  private static double goalRadius(Task task) {
    var circuit = (org.neuromechfly.dmn.circuit.circuit.Circuit) task.eContainer();
    return circuit.getElements().stream()
        .filter(org.neuromechfly.dmn.circuit.circuit.LossBlock.class::isInstance)
        .flatMap(b -> ((org.neuromechfly.dmn.circuit.circuit.LossBlock) b).getTerms().stream())
        .filter(org.neuromechfly.dmn.circuit.circuit.NavigationLoss.class::isInstance)
        .map(t -> ((org.neuromechfly.dmn.circuit.circuit.NavigationLoss) t).getGoalRadius())
        .filter(q -> q != null)
        .map(q -> Settings.si(q, Dimension.LENGTH))
        .filter(r -> r.isPresent() && r.getAsDouble() > 0)
        .mapToDouble(java.util.OptionalDouble::getAsDouble)
        .findFirst()
        .orElse(DEFAULT_GOAL_RADIUS);
  }

  private static double[] point(Position p) {
    if (p == null) {
      return null;
    }
    var x = Settings.si(p.getX(), Dimension.LENGTH);
    var y = Settings.si(p.getY(), Dimension.LENGTH);
    return x.isPresent() && y.isPresent() ? new double[] {x.getAsDouble(), y.getAsDouble()} : null;
  }

  /** A figure for messages: one decimal, or two significant digits when that would show 0. */
  private static String figure(double v) {
    return v != 0 && Math.abs(v) < 0.05 ? String.format(java.util.Locale.ROOT, "%.1e", v) : NumberText.format(round(v));
  }

  private static double round(double v) {
    return Math.abs(v) >= 100 ? Math.rint(v) : Math.rint(v * 10) / 10;
  }

  /** A duration for messages: "20 ms", "1.5 s", "1e+20 s". */
  static String seconds(double s) {
    if (Math.abs(s) >= 1e6) {
      return String.format(java.util.Locale.ROOT, "%.3g s", s);
    }
    return Math.abs(s) < 1 ? NumberText.format(round(s * 1e3)) + " ms" : NumberText.format(round(s)) + " s";
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
