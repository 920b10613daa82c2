package org.neuromechfly.dmn.circuit.compiler;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.ActivityLoss;
import org.neuromechfly.dmn.circuit.circuit.ArenaSetting;
import org.neuromechfly.dmn.circuit.circuit.BlankTrialsSetting;
import org.neuromechfly.dmn.circuit.circuit.CellSlice;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.EnergyLoss;
import org.neuromechfly.dmn.circuit.circuit.ForwardSetting;
import org.neuromechfly.dmn.circuit.circuit.GradientSetting;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.LossTerm;
import org.neuromechfly.dmn.circuit.circuit.MotorDelaySetting;
import org.neuromechfly.dmn.circuit.circuit.NavigationLoss;
import org.neuromechfly.dmn.circuit.circuit.PlumeSetting;
import org.neuromechfly.dmn.circuit.circuit.Position;
import org.neuromechfly.dmn.circuit.circuit.SensorSetting;
import org.neuromechfly.dmn.circuit.circuit.SourceSetting;
import org.neuromechfly.dmn.circuit.circuit.SparsityLoss;
import org.neuromechfly.dmn.circuit.circuit.SpeedFloorSetting;
import org.neuromechfly.dmn.circuit.circuit.SpeedSetting;
import org.neuromechfly.dmn.circuit.circuit.StartSetting;
import org.neuromechfly.dmn.circuit.circuit.StepsSetting;
import org.neuromechfly.dmn.circuit.circuit.SuccessSetting;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TaskSetting;
import org.neuromechfly.dmn.circuit.circuit.TimeStepSetting;
import org.neuromechfly.dmn.circuit.circuit.TurnRateSetting;
import org.neuromechfly.dmn.circuit.circuit.TurnSetting;
import org.neuromechfly.dmn.circuit.circuit.WindSetting;
import org.neuromechfly.dmn.circuit.circuit.DurationSetting;
import org.neuromechfly.dmn.circuit.circuit.SilenceSetting;
import org.neuromechfly.dmn.circuit.circuit.StimulusSetting;
import org.neuromechfly.dmn.circuit.circuit.TrialsSetting;
import org.neuromechfly.dmn.model.CellSet;
import org.neuromechfly.dmn.model.PoissonStimulus;
import org.neuromechfly.dmn.model.StimulusExperiment;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.OdourPlume;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.Point;
import org.neuromechfly.dmn.model.PopulationSlice;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.Wind;

/** Compiles the task and the loss terms, with the defaults documented in the README. */
@Singleton
public class TaskCompiler {
  static final Quantity DEFAULT_PLUME_SIGMA = Quantity.of(30, Unit.MILLIMETRE);
  /*
   * Puffs: at 150 mm/s these defaults give, 30-80 mm downwind on the plume's centreline, 3-4 encounters
   * per second of 80-100 ms and odour 30-40 % of the time (engine README), near the ~4 Hz encounters and
   * 0.12-0.39 centreline intermittency of the walking-fly plume of Demir et al. 2020 (eLife 9:e57524).
   */
  static final Quantity DEFAULT_PUFF_RADIUS = Quantity.of(5, Unit.MILLIMETRE);
  static final Quantity DEFAULT_PUFF_RATE = Quantity.of(5, Unit.HERTZ);
  static final Quantity DEFAULT_PUFF_SPREAD = Quantity.of(30, Unit.SQUARE_MILLIMETRE_PER_SECOND);
  static final Quantity DEFAULT_PUFF_MEANDER = Quantity.of(15, Unit.MILLIMETRE_PER_SECOND);
  static final Quantity DEFAULT_MAX_TURN_RATE = Quantity.of(8, Unit.RADIAN_PER_SECOND);
  static final Quantity DEFAULT_SUCCESS_RADIUS = Quantity.of(15, Unit.MILLIMETRE);
  static final Quantity DEFAULT_MOTOR_DELAY = Quantity.of(20, Unit.MILLISECOND);
  /** Walking Drosophila reach ~20–30 mm/s (NAVIGATION_NOTES.md). */
  public static final Quantity DEFAULT_MAX_SPEED = Quantity.of(30, Unit.MILLIMETRE_PER_SECOND);
  public static final Quantity DEFAULT_GOAL_RADIUS = Quantity.of(10, Unit.MILLIMETRE);
  static final Quantity DEFAULT_SPARSITY = Quantity.of(2, Unit.PERCENT);
  static final Quantity DEFAULT_BAND_LOW = Quantity.of(1, Unit.HERTZ);
  static final Quantity DEFAULT_BAND_HIGH = Quantity.of(100, Unit.HERTZ);

  /**
   * Shiu et al. 2024's Poisson weight, 250 × 0.275 mV (f_poi × w_syn in model.py), over the 7 mV from
   * rest (−52 mV) to threshold (−45 mV): every event makes the cell spike.
   */
  public static final double DEFAULT_POISSON_WEIGHT = 250 * 0.275 / 7;

  @Inject private QuantityRules quantities;

  /** A stimulus experiment: steps (or duration / dt), trials (default 1), stimuli and silenced cells. */
  public StimulusExperiment experiment(Task task) {
    var settings = task.getSettings();
    Quantity dt = quantities.toModel(Settings.first(settings, TimeStepSetting.class).orElseThrow().getDt());
    int steps = Settings.first(settings, StepsSetting.class).map(StepsSetting::getSteps)
        .orElseGet(() -> (int) Math.round(
            quantities.toModel(Settings.first(settings, DurationSetting.class).orElseThrow().getDuration()).si() / dt.si()));
    int trials = Settings.first(settings, TrialsSetting.class).map(TrialsSetting::getTrials).orElse(1);
    List<PoissonStimulus> stimuli = settings.stream().filter(StimulusSetting.class::isInstance)
        .map(StimulusSetting.class::cast)
        .map(st -> new PoissonStimulus(cells(st.getCells()), quantities.toModel(st.getRate()),
            org.neuromechfly.dmn.circuit.ast.WrittenValues.written(st, Literals.STIMULUS_SETTING__WEIGHT) ? st.getWeight()
                : DEFAULT_POISSON_WEIGHT))
        .toList();
    List<CellSet> silenced = settings.stream().filter(SilenceSetting.class::isInstance)
        .map(s -> cells(((SilenceSetting) s).getCells())).toList();
    return new StimulusExperiment(steps, dt, trials, stimuli, silenced);
  }

  /** All cells, a range, or neurons by id. */
  public static CellSet cells(org.neuromechfly.dmn.circuit.circuit.CellSet cells) {
    String name = cells.getPopulation().getName();
    if (org.neuromechfly.dmn.circuit.ast.WrittenValues.written(cells, Literals.CELL_SET__LAST)) {
      return new CellSet(name, cells.getFirst(), cells.getLast(), List.of());
    }
    return new CellSet(name, null, null, List.copyOf(cells.getNeurons()));
  }

  public NavigationTask compile(Task task) {
    var settings = task.getSettings();
    ArenaSetting arena = Settings.first(settings, ArenaSetting.class).orElseThrow();
    StartSetting start = Settings.first(settings, StartSetting.class).orElseThrow();
    return new NavigationTask(
        quantities.toModel(arena.getWidth()),
        quantities.toModel(arena.getHeight()),
        point(Settings.first(settings, SourceSetting.class).orElseThrow().getPosition()),
        plume(Settings.first(settings, PlumeSetting.class)),
        Settings.first(settings, WindSetting.class)
            .map(w -> new Wind(quantities.toModel(w.getSpeed()), quantities.toModel(w.getDirection()))).orElse(null),
        point(start.getCentre()),
        quantities.toModel(start.getRadius()),
        Settings.first(settings, StepsSetting.class).orElseThrow().getSteps(),
        quantities.toModel(Settings.first(settings, TimeStepSetting.class).orElseThrow().getDt()),
        Settings.first(settings, MotorDelaySetting.class).map(d -> quantities.toModel(d.getDelay())).orElse(DEFAULT_MOTOR_DELAY),
        sensors(settings, "odour"),
        sensors(settings, "wind"),
        slice(Settings.first(settings, ForwardSetting.class).orElseThrow().getCells()),
        slice(Settings.first(settings, TurnSetting.class).orElseThrow().getCells()),
        Settings.first(settings, SpeedSetting.class).map(s -> quantities.toModel(s.getSpeed())).orElse(DEFAULT_MAX_SPEED),
        Settings.first(settings, TurnRateSetting.class).map(s -> quantities.toModel(s.getRate())).orElse(DEFAULT_MAX_TURN_RATE),
        Settings.first(settings, SpeedFloorSetting.class).map(s -> quantities.toModel(s.getFloor()).si()).orElse(0.0),
        Settings.first(settings, SuccessSetting.class).map(s -> quantities.toModel(s.getRadius())).orElse(DEFAULT_SUCCESS_RADIUS),
        Settings.first(settings, BlankTrialsSetting.class).map(s -> quantities.toModel(s.getFraction()).si()).orElse(0.0),
        Settings.first(settings, GradientSetting.class).flatMap(g -> Vocabulary.GRADIENT_PATHS.lookup(g.getPath())).orElse(GradientPath.MOTOR_ONLY));
  }

  /** The plume with the defaults of its model (a Gaussian 30 mm wide; puffs 5 mm at release, 5 Hz). */
  private OdourPlume plume(java.util.Optional<PlumeSetting> written) {
    PlumeModel model = written.flatMap(p -> Vocabulary.PLUMES.lookup(p.getModel())).orElse(PlumeModel.GAUSSIAN);
    PlumeSetting p = written.orElse(null);
    return new OdourPlume(model,
        p != null && p.getSigma() != null ? quantities.toModel(p.getSigma())
            : model == PlumeModel.PUFFS ? DEFAULT_PUFF_RADIUS : DEFAULT_PLUME_SIGMA,
        p != null && p.getRate() != null ? quantities.toModel(p.getRate()) : DEFAULT_PUFF_RATE,
        p != null && p.getSpread() != null ? quantities.toModel(p.getSpread()) : DEFAULT_PUFF_SPREAD,
        p != null && p.getMeander() != null ? quantities.toModel(p.getMeander()) : DEFAULT_PUFF_MEANDER);
  }

  /** The population that senses a cue ({@code odour}, {@code wind}), or null when none is named. */
  private static String sensors(List<TaskSetting> settings, String cue) {
    return settings.stream().filter(SensorSetting.class::isInstance).map(SensorSetting.class::cast)
        .filter(s -> cue.equals(s.getSense()) && s.getPopulation() != null)
        .map(s -> s.getPopulation().getName()).findFirst().orElse(null);
  }

  public List<org.neuromechfly.dmn.model.LossTerm> losses(LossBlock block) {
    return block.getTerms().stream().map(this::loss).toList();
  }

  private org.neuromechfly.dmn.model.LossTerm loss(LossTerm term) {
    if (term instanceof NavigationLoss n) {
      return new org.neuromechfly.dmn.model.LossTerm.Navigation(n.getWeight(), n.getGoalRadius() == null ? DEFAULT_GOAL_RADIUS : quantities.toModel(n.getGoalRadius()));
    }
    if (term instanceof EnergyLoss e) {
      return new org.neuromechfly.dmn.model.LossTerm.Energy(e.getWeight());
    }
    if (term instanceof SparsityLoss s) {
      return new org.neuromechfly.dmn.model.LossTerm.Sparsity(s.getWeight(), s.getPopulation().getName(), s.getTarget() == null ? DEFAULT_SPARSITY : quantities.toModel(s.getTarget()));
    }
    ActivityLoss a = (ActivityLoss) term;
    return new org.neuromechfly.dmn.model.LossTerm.Activity(
        a.getWeight(),
        a.getLow() == null ? DEFAULT_BAND_LOW : quantities.toModel(a.getLow()),
        a.getHigh() == null ? DEFAULT_BAND_HIGH : quantities.toModel(a.getHigh()));
  }

  private Point point(Position position) {
    return new Point(quantities.toModel(position.getX()), quantities.toModel(position.getY()));
  }

  /** A slice without a range means the whole population. */
  private static PopulationSlice slice(CellSlice cells) {
    String name = cells.getPopulation().getName();
    if (Settings.hasRange(cells)) {
      return new PopulationSlice(name, cells.getFirst(), cells.getLast());
    }
    int count = Settings.count(cells.getPopulation()).orElse(1);
    return new PopulationSlice(name, 0, count - 1);
  }
}
