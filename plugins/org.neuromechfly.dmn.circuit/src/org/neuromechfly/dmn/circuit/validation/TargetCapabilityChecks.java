package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.DelayOption;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.ExportTarget;
import org.neuromechfly.dmn.circuit.circuit.GradedSetting;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TimeStepSetting;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.SupportLevel;
import org.neuromechfly.dmn.model.export.TargetCapabilities;

/**
 * What the declared export targets can express, checked while typing from the capability table
 * ({@link TargetCapabilities}): a feature a target lacks, or a value beyond its limit, is a warning on
 * the export, naming the target, the feature and where the model uses it.
 */
public class TargetCapabilityChecks extends CircuitCheck {
  @Inject private QuantityRules quantities;

  @Check
  public void checkTargets(ExportBlock block) {
    Circuit circuit = (Circuit) block.eContainer();
    for (ExportTarget declared : block.getTargets()) {
      var target = "nir".equals(declared.getFormat())
          ? org.neuromechfly.dmn.model.export.ExportTarget.NIR
          : org.neuromechfly.dmn.model.export.ExportTarget.LOIHI2_NETX;
      for (var use : featuresUsed(circuit)) {
        var capability = TargetCapabilities.of(target, use.feature());
        if (capability.level() == SupportLevel.UNSUPPORTED) {
          warning(target.displayName() + ": " + use.feature().description() + " (" + use.where() + ") cannot be exported: " + capability.note() + ".",
              declared, Literals.EXPORT_TARGET__FORMAT, CircuitIssueCodes.TARGET_UNSUPPORTED, use.feature().name());
        } else if (use.amount() != null && capability.limit() != null && use.amount() > capability.limit()) {
          warning(target.displayName() + ": " + use.where() + " of " + use.amount() + " steps exceeds " + capability.limit() + ".",
              declared, Literals.EXPORT_TARGET__FORMAT, CircuitIssueCodes.TARGET_LIMIT_EXCEEDED, use.feature().name());
        }
      }
    }
  }

  private record Use(ExportFeature feature, String where, Integer amount) {}

  private List<Use> featuresUsed(Circuit circuit) {
    List<Use> uses = new ArrayList<>();
    double dt = circuit.getElements().stream().filter(Task.class::isInstance)
        .flatMap(t -> ((Task) t).getSettings().stream()).filter(TimeStepSetting.class::isInstance)
        .map(s -> ((TimeStepSetting) s).getDt()).filter(q -> q != null && quantities.unit(q).isPresent())
        .mapToDouble(q -> quantities.toModel(q).si()).findFirst().orElse(1e-3);
    Map<String, Set<String>> graph = new HashMap<>();
    for (EObject element : circuit.getElements()) {
      if (element instanceof Population p) {
        if (Settings.first(p.getSettings(), GradedSetting.class).isPresent()) {
          uses.add(new Use(ExportFeature.GRADED_UNITS, p.getName() + " is graded", null));
        }
        if (Settings.parameter(p, "refractory").filter(q -> q.getValue() > 0).isPresent()) {
          uses.add(new Use(ExportFeature.REFRACTORY_PERIOD, p.getName() + " has a refractory period", null));
        }
      } else if (element instanceof Projection p && p.getSource() != null && p.getTarget() != null) {
        String from = p.getSource().getName();
        String to = p.getTarget().getName();
        if (from != null && from.equals(to)) {
          uses.add(new Use(ExportFeature.RECURRENT_PROJECTION, from + " -> " + to, null));
        } else if (from != null && to != null) {
          graph.computeIfAbsent(from, k -> new HashSet<>()).add(to);
        }
        Settings.option(p, DelayOption.class).filter(d -> d.getDelay() != null && quantities.unit(d.getDelay()).isPresent()).ifPresent(d -> {
          int steps = (int) Math.round(quantities.toModel(d.getDelay()).si() / dt);
          uses.add(new Use(ExportFeature.SYNAPTIC_DELAY, "the delay of " + from + " -> " + to, steps));
        });
      }
    }
    loop(graph).ifPresent(cycle -> uses.add(new Use(ExportFeature.LOOP_BETWEEN_POPULATIONS, "the loop " + cycle, null)));
    return uses;
  }

  /** A cycle through two or more populations, as "KC -> APL -> KC", if there is one. */
  private static java.util.Optional<String> loop(Map<String, Set<String>> graph) {
    for (String start : new java.util.TreeSet<>(graph.keySet())) {
      var path = new ArrayList<String>();
      if (search(graph, start, start, path, new HashSet<>())) {
        return java.util.Optional.of(start + " -> " + String.join(" -> ", path));
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean search(Map<String, Set<String>> graph, String start, String at, List<String> path, Set<String> seen) {
    for (String next : new java.util.TreeSet<>(graph.getOrDefault(at, Set.of()))) {
      path.add(next);
      if (next.equals(start) || seen.add(next) && search(graph, start, next, path, seen)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }
}
