package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.DelayOption;
import org.neuromechfly.dmn.circuit.circuit.GradedSetting;
import org.neuromechfly.dmn.circuit.circuit.LearnSetting;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.ResetSetting;
import org.neuromechfly.dmn.circuit.circuit.TargetSetting;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.export.Loihi2Constraints;

/**
 * A model trained for Loihi 2 ({@code training { target loihi2 }}) must be one a netx bundle can
 * hold, since the engine trains exactly what the bundle runs: each violation of
 * {@link Loihi2Constraints} (the rules the engine and the exporter apply too) is an error on the
 * setting or element that causes it, while the model is typed.
 */
public class HardwareTargetChecks extends CircuitCheck {
  @Inject private CircuitCompiler compiler;

  @Check
  public void checkLoihi2(TargetSetting setting) {
    if (Vocabulary.TARGETS.lookup(setting.getName()).orElse(null) != TrainingTarget.LOIHI2
        || !(setting.eContainer() instanceof TrainingBlock block) || !(block.eContainer() instanceof Circuit circuit)
        || Settings.first(block.getSettings(), TargetSetting.class).orElse(null) != setting) {
      return;
    }
    CircuitSpec spec;
    try {
      spec = compiler.compile(circuit);
    } catch (RuntimeException e) {
      return; // the model has errors of its own, reported by the other checks; these follow once it compiles
    }
    for (Loihi2Constraints.Violation v : Loihi2Constraints.of(spec)) {
      EObject at = locate(circuit, v).orElse(setting);
      error("target loihi2: " + v.message(), at, null, CircuitIssueCodes.HARDWARE_TARGET_UNSUPPORTED,
          v.feature().name());
    }
  }

  /** The setting (or element) a violation names, if it is written in this model. */
  static Optional<EObject> locate(Circuit circuit, Loihi2Constraints.Violation v) {
    List<EObject> elements = circuit.getElements().stream().map(EObject.class::cast).toList();
    if (v.population() != null) {
      Optional<Population> population = elements.stream().filter(Population.class::isInstance)
          .map(Population.class::cast).filter(p -> v.population().equals(p.getName())).findFirst();
      return population.map(p -> setting(p, v.setting()).orElse(p));
    }
    if (v.projection() != null) {
      Optional<Projection> projection = elements.stream().filter(Projection.class::isInstance)
          .map(Projection.class::cast)
          .filter(p -> p.getSource() != null && p.getTarget() != null
              && v.projection().equals(p.getSource().getName() + " -> " + p.getTarget().getName()))
          .findFirst();
      return projection.map(p -> Settings.option(p, DelayOption.class).<EObject>map(d -> d).orElse(p));
    }
    return Optional.empty();
  }

  private static Optional<EObject> setting(Population p, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name) {
      case "graded" -> Settings.first(p.getSettings(), GradedSetting.class).map(EObject.class::cast);
      case "reset" -> Settings.first(p.getSettings(), ResetSetting.class).map(EObject.class::cast);
      case "learn" -> Settings.first(p.getSettings(), LearnSetting.class).map(EObject.class::cast);
      default -> p.getSettings().stream().filter(NeuronParameter.class::isInstance).map(NeuronParameter.class::cast)
          .filter(n -> name.equals(n.getParameter())).findFirst().map(EObject.class::cast);
    };
  }
}
