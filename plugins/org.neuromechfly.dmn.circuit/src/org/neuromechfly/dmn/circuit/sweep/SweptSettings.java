package org.neuromechfly.dmn.circuit.sweep;

import static org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.*;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitFactory;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.circuit.sweep.SweptSetting.Kind;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.QuantityRules.Expectation;
import org.neuromechfly.dmn.circuit.units.Vocabulary;

/**
 * The settings a sweep may vary, by path: the one catalogue for the checks, content assist, the
 * compiler and {@code dmn sweep}. Fixed paths name a block and a setting ({@code training.lr},
 * {@code loss.energy}, {@code task.max_speed}); population settings are {@code POPULATION.setting}.
 * Units come from {@link QuantityRules}, as everywhere else.
 */
@Singleton
public class SweptSettings {
  /** Population settings a sweep may vary, by name. */
  private static final List<String> POPULATION_SETTINGS =
      List.of("count", "tau_mem", "tau_syn", "threshold", "refractory", "bias", "initial_rate");

  private final Map<String, SweptSetting> fixed = new LinkedHashMap<>();
  @Inject private QuantityRules quantities;

  public SweptSettings() {
    training("lr", Kind.NUMBER, LEARNING_RATE_SETTING, LEARNING_RATE_SETTING__VALUE, "lr %s", null);
    training("episodes", Kind.INTEGER, EPISODES_SETTING, EPISODES_SETTING__VALUE, "episodes %s", null);
    training("batch", Kind.INTEGER, BATCH_SETTING, BATCH_SETTING__VALUE, "batch %s", null);
    training("clip", Kind.NUMBER, CLIP_SETTING, CLIP_SETTING__VALUE, "clip %s", null);
    training("seed", Kind.INTEGER, SEED_SETTING, SEED_SETTING__VALUE, "seed %s", null);
    training("checkpoint_every", Kind.INTEGER, CHECKPOINT_SETTING, CHECKPOINT_SETTING__VALUE, "checkpoint every %s", null);
    training("bptt_window", Kind.INTEGER, WINDOW_SETTING, WINDOW_SETTING__VALUE, "bptt window %s", null);
    training("optimizer", Kind.WORD, OPTIMIZER_SETTING, OPTIMIZER_SETTING__NAME, "optimizer %s", Vocabulary.OPTIMIZERS);
    training("engine", Kind.WORD, ENGINE_SETTING, ENGINE_SETTING__NAME, "engine %s", Vocabulary.ENGINES);
    training("surrogate", Kind.WORD, SURROGATE_SETTING, SURROGATE_SETTING__NAME, "surrogate %s", Vocabulary.SURROGATES);
    loss("navigation", NAVIGATION_LOSS, LOSS_TERM__WEIGHT, "navigation %s");
    loss("energy", ENERGY_LOSS, LOSS_TERM__WEIGHT, "energy %s");
    loss("activity", ACTIVITY_LOSS, LOSS_TERM__WEIGHT, "activity %s");
    loss("sparsity", SPARSITY_LOSS, LOSS_TERM__WEIGHT, null);
    part("loss.goal_radius", LOSS_BLOCK, NAVIGATION_LOSS, NAVIGATION_LOSS__GOAL_RADIUS, "goal radius %s",
        "a 'navigation' loss term");
    part("loss.sparsity_target", LOSS_BLOCK, SPARSITY_LOSS, SPARSITY_LOSS__TARGET, "target %s", "a 'sparsity' loss term");
    task("steps", Kind.INTEGER, STEPS_SETTING, STEPS_SETTING__STEPS, "steps %s");
    task("dt", Kind.QUANTITY, TIME_STEP_SETTING, TIME_STEP_SETTING__DT, "dt %s");
    task("motor_delay", Kind.QUANTITY, MOTOR_DELAY_SETTING, MOTOR_DELAY_SETTING__DELAY, "motor delay %s");
    task("max_speed", Kind.QUANTITY, SPEED_SETTING, SPEED_SETTING__SPEED, "max speed %s");
    task("max_turn", Kind.QUANTITY, TURN_RATE_SETTING, TURN_RATE_SETTING__RATE, "max turn %s");
    task("speed_floor", Kind.QUANTITY, SPEED_FLOOR_SETTING, SPEED_FLOOR_SETTING__FLOOR, "speed floor %s");
    task("success_within", Kind.QUANTITY, SUCCESS_SETTING, SUCCESS_SETTING__RADIUS, "success within %s");
    task("blank_trials", Kind.QUANTITY, BLANK_TRIALS_SETTING, BLANK_TRIALS_SETTING__FRACTION, "blank trials %s");
    part("task.wind_speed", TASK, WIND_SETTING, WIND_SETTING__SPEED, null, "a 'wind V from A' setting");
    part("task.start_radius", TASK, START_SETTING, START_SETTING__RADIUS, null, "a 'start within R of (x, y)' setting");
    part("task.plume_sigma", TASK, PLUME_SETTING, PLUME_SETTING__SIGMA, "sigma %s", "a 'plume' setting");
    part("task.plume_rate", TASK, PLUME_SETTING, PLUME_SETTING__RATE, "rate %s", "a 'plume' setting");
    part("task.plume_spread", TASK, PLUME_SETTING, PLUME_SETTING__SPREAD, "spread %s", "a 'plume' setting");
    part("task.plume_meander", TASK, PLUME_SETTING, PLUME_SETTING__MEANDER, "meander %s", "a 'plume' setting");
  }

  /** The setting a path names in this model, if any. */
  public Optional<SweptSetting> find(Circuit circuit, String path) {
    if (path == null) {
      return Optional.empty();
    }
    SweptSetting s = fixed.get(path);
    if (s != null) {
      return Optional.of(s);
    }
    int dot = path.lastIndexOf('.');
    if (dot <= 0 || !POPULATION_SETTINGS.contains(path.substring(dot + 1))) {
      return Optional.empty();
    }
    String population = path.substring(0, dot);
    return populations(circuit).stream().filter(p -> population.equals(p.getName())).findFirst()
        .map(p -> population(p.getName(), path.substring(dot + 1)));
  }

  /** Every path a sweep of this model may vary, in catalogue order (for content assist and suggestions). */
  public List<String> paths(Circuit circuit) {
    List<String> all = new ArrayList<>(fixed.keySet());
    populations(circuit).forEach(p -> POPULATION_SETTINGS.forEach(s -> all.add(p.getName() + "." + s)));
    return all;
  }

  /** What a quantity-valued setting's values must be (dimension, name for messages), from the unit rules. */
  public Expectation expectation(SweptSetting setting) {
    EObject owner = EcoreUtil.create(setting.valueClass());
    if (owner instanceof NeuronParameter parameter) {
      parameter.setParameter(setting.path().substring(setting.path().lastIndexOf('.') + 1));
    }
    Quantity probe = CircuitFactory.eINSTANCE.createQuantity();
    owner.eSet(setting.feature(), probe);
    return quantities.expectation(probe);
  }

  private static List<Population> populations(Circuit circuit) {
    return circuit == null ? List.of()
        : circuit.getElements().stream().filter(Population.class::isInstance).map(Population.class::cast).toList();
  }

  private SweptSetting population(String name, String setting) {
    Function<Circuit, EObject> block = c -> populations(c).stream().filter(p -> name.equals(p.getName())).findFirst()
        .orElse(null);
    return switch (setting) {
      case "count" -> new SweptSetting(name + ".count", Kind.INTEGER, COUNT_SETTING, COUNT_SETTING__COUNT, block,
          child(COUNT_SETTING), "count %s", false, null, null);
      case "initial_rate" -> new SweptSetting(name + ".initial_rate", Kind.QUANTITY, INITIAL_RATE_SETTING,
          INITIAL_RATE_SETTING__RATE, block, child(INITIAL_RATE_SETTING), "initial rate %s", false, null, null);
      default -> new SweptSetting(name + "." + setting,
          setting.startsWith("tau") || setting.equals("refractory") ? Kind.QUANTITY : Kind.NUMBER, NEURON_PARAMETER,
          NEURON_PARAMETER__VALUE, block, b -> b.eContents().stream()
              .filter(o -> o instanceof NeuronParameter p && setting.equals(p.getParameter())).findFirst().orElse(null),
          setting + " %s", false, null, null);
    };
  }

  private void training(String name, Kind kind, EClass cls, EStructuralFeature feature, String insertion,
      Vocabulary<?> words) {
    add(new SweptSetting("training." + name, kind, cls, feature, blockOf(TrainingBlock.class), child(cls), insertion,
        false, null, words));
  }

  private void loss(String name, EClass cls, EStructuralFeature feature, String insertion) {
    add(new SweptSetting("loss." + name, Kind.NUMBER, cls, feature, blockOf(LossBlock.class), child(cls), insertion, false,
        insertion == null ? "a '" + name + " W on POPULATION' loss term" : null, null));
  }

  private void task(String name, Kind kind, EClass cls, EStructuralFeature feature, String insertion) {
    add(new SweptSetting("task." + name, kind, cls, feature, blockOf(Task.class), child(cls), insertion, false,
        "a 'task navigation { … }' block", null));
  }

  /** A value that is part of a larger setting ({@code goal radius} of the navigation loss term). */
  private void part(String path, EClass blockClass, EClass cls, EStructuralFeature feature, String insertion,
      String needs) {
    Class<? extends EObject> type = blockClass == TASK ? Task.class : LossBlock.class;
    add(new SweptSetting(path, Kind.QUANTITY, cls, feature, blockOf(type), child(cls), insertion, true, needs, null));
  }

  private void add(SweptSetting setting) {
    fixed.put(setting.path(), setting);
  }

  private static Function<Circuit, EObject> blockOf(Class<? extends EObject> type) {
    return c -> c.getElements().stream().filter(type::isInstance).findFirst().orElse(null);
  }

  private static Function<EObject, EObject> child(EClass cls) {
    return b -> b.eContents().stream().filter(o -> o.eClass() == cls).findFirst().orElse(null);
  }
}
