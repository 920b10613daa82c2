package org.neuromechfly.dmn.circuit.validation;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.EngineSetting;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.RefractoryModeSetting;
import org.neuromechfly.dmn.circuit.circuit.ResetSetting;
import org.neuromechfly.dmn.circuit.circuit.TargetSetting;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.circuit.circuit.WindowSetting;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.engine.EngineCapabilities;
import org.neuromechfly.dmn.model.engine.EngineCapability;
import org.neuromechfly.dmn.model.engine.EngineFeature;

/**
 * What the engine the training block names (the fused one when it names none) can train, checked
 * while typing from the capability table the engine consults before training
 * ({@link EngineCapabilities}): a feature it lacks, or a projection beyond its size limit, is an error
 * on the setting that asks for it, naming the engine, the feature and what to do.
 */
public class EngineCapabilityChecks extends CircuitCheck {

  /**
   * Frozen refractory periods as the engine trains them: the fused kernel holds a frozen cell at its
   * reset value, which is where a cell that resets to a value is, but not a subtractively reset one
   * (the default), whose frozen membrane {@code dmn simulate} keeps where the reset left it.
   */
  private void checkFrozenPeriods(Population p, ExecutionEngine engine, String name) {
    var mode = Settings.first(p.getSettings(), RefractoryModeSetting.class)
        .filter(m -> Vocabulary.REFRACTORY_MODES.lookup(m.getMode()).orElse(null) == RefractoryMode.FREEZE);
    if (mode.isEmpty() || Settings.parameter(p, "refractory").filter(q -> q.getValue() > 0).isEmpty()) {
      return;
    }
    EngineCapability freeze = EngineCapabilities.of(engine, EngineFeature.REFRACTORY_FREEZE);
    if (!freeze.allows(1)) {
      error("The " + name + " engine cannot train " + p.getName() + "'s frozen refractory periods: " + freeze.note() + ".",
          mode.get(), Literals.REFRACTORY_MODE_SETTING__MODE, CircuitIssueCodes.ENGINE_UNSUPPORTED,
          EngineFeature.REFRACTORY_FREEZE.name());
    } else if (Settings.first(p.getSettings(), ResetSetting.class).filter(r -> !r.isSubtract()).isEmpty()) {
      error("The " + name + " engine trains frozen refractory periods of cells that reset to a value; " + p.getName()
          + " resets by subtraction. Add 'reset to 0' (Shiu et al.'s cells reset to rest), or use refractory_mode clamp.",
          mode.get(), Literals.REFRACTORY_MODE_SETTING__MODE, CircuitIssueCodes.ENGINE_UNSUPPORTED,
          EngineFeature.REFRACTORY_FREEZE.name());
    }
  }

  @Check
  public void checkEngine(TrainingBlock block) {
    Circuit circuit = (Circuit) block.eContainer();
    var setting = Settings.first(block.getSettings(), EngineSetting.class);
    ExecutionEngine engine = setting.flatMap(s -> Vocabulary.ENGINES.lookup(s.getName())).orElse(ExecutionEngine.FUSED);
    String name = EngineCapabilities.displayName(engine);
    EObject at = setting.<EObject>map(s -> s).orElse(block);
    var feature = setting.isPresent() ? Literals.ENGINE_SETTING__NAME : null;

    EngineCapability refractory = EngineCapabilities.of(engine, EngineFeature.REFRACTORY_PERIOD);
    Map<String, Integer> counts = new HashMap<>();
    for (EObject element : circuit.getElements()) {
      if (element instanceof Population p) {
        Settings.count(p).ifPresent(c -> counts.put(p.getName(), c));
        if (!refractory.allows(1) && Settings.parameter(p, "refractory").filter(q -> q.getValue() > 0).isPresent()) {
          error("The " + name + " engine cannot train " + p.getName() + "'s refractory period: " + refractory.note() + ".",
              at, feature, CircuitIssueCodes.ENGINE_UNSUPPORTED, EngineFeature.REFRACTORY_PERIOD.name());
        }
        checkFrozenPeriods(p, engine, name);
      }
    }
    EngineCapability size = EngineCapabilities.of(engine, EngineFeature.PROJECTION_SIZE);
    for (EObject element : circuit.getElements()) {
      if (element instanceof Projection p && p.getSource() != null && p.getTarget() != null) {
        long entries = (long) counts.getOrDefault(p.getSource().getName(), 0) * counts.getOrDefault(p.getTarget().getName(), 0);
        if (!size.allows(entries)) {
          error(String.format(java.util.Locale.ROOT, "The %s engine cannot train %s -> %s: %,d x %,d entries exceed its"
                  + " limit of %,d: %s.", name, p.getSource().getName(), p.getTarget().getName(),
                  counts.get(p.getSource().getName()), counts.get(p.getTarget().getName()), size.limit(), size.note()),
              at, feature, CircuitIssueCodes.ENGINE_LIMIT_EXCEEDED, EngineFeature.PROJECTION_SIZE.name());
        }
      }
    }
    var steps = circuit.getElements().stream().filter(org.neuromechfly.dmn.circuit.circuit.Task.class::isInstance)
        .flatMap(t -> ((org.neuromechfly.dmn.circuit.circuit.Task) t).getSettings().stream())
        .filter(org.neuromechfly.dmn.circuit.circuit.StepsSetting.class::isInstance)
        .mapToInt(s -> ((org.neuromechfly.dmn.circuit.circuit.StepsSetting) s).getSteps()).findFirst();
    Settings.first(block.getSettings(), WindowSetting.class)
        .filter(w -> steps.isPresent() && w.getValue() >= steps.getAsInt()).ifPresent(w ->
            error("A BPTT window of " + w.getValue() + " steps is not shorter than the " + steps.getAsInt()
                + "-step episode, so nothing is truncated: remove it for exact BPTT, or make it shorter.", w,
                Literals.WINDOW_SETTING__VALUE, CircuitIssueCodes.VALUE_OUT_OF_RANGE));
    EngineCapability hardware = EngineCapabilities.of(engine, EngineFeature.HARDWARE_TARGET);
    Settings.first(block.getSettings(), TargetSetting.class).filter(t -> Vocabulary.TARGETS.lookup(t.getName()).isPresent())
        .filter(t -> !hardware.allows(1)).ifPresent(t ->
            error("The " + name + " engine cannot train for " + t.getName() + ": " + hardware.note() + ".", t,
                Literals.TARGET_SETTING__NAME, CircuitIssueCodes.ENGINE_UNSUPPORTED, EngineFeature.HARDWARE_TARGET.name()));
    EngineCapability truncated = EngineCapabilities.of(engine, EngineFeature.TRUNCATED_BPTT);
    Settings.first(block.getSettings(), WindowSetting.class).filter(w -> !truncated.allows(w.getValue())).ifPresent(w ->
        error("The " + name + " engine: " + truncated.note() + ".", w, Literals.WINDOW_SETTING__VALUE,
            CircuitIssueCodes.ENGINE_UNSUPPORTED, EngineFeature.TRUNCATED_BPTT.name()));
  }
}
