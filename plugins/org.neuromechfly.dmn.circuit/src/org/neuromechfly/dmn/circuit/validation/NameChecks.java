package org.neuromechfly.dmn.circuit.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.Element;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.ExportTarget;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;

/** Names are unique, blocks appear once, and each setting is given at most once per block. */
public class NameChecks extends CircuitCheck {

  @Check
  public void checkUniqueNames(Circuit circuit) {
    Map<String, EObject> seen = new HashMap<>();
    for (Element element : circuit.getElements()) {
      String name =
          element instanceof Population p
              ? p.getName()
              : element instanceof ConnectomeSource c ? c.getName() : null;
      if (name == null) {
        continue;
      }
      EObject first = seen.putIfAbsent(name, element);
      if (first != null) {
        error(
            "'" + name + "' is already declared" + where(first) + "; give this one another name.",
            element,
            element instanceof Population ? Literals.POPULATION__NAME : Literals.CONNECTOME_SOURCE__NAME,
            CircuitIssueCodes.DUPLICATE_NAME,
            name);
      }
    }
  }

  @Check
  public void checkSingleBlocks(Circuit circuit) {
    Map<Class<?>, Element> seen = new HashMap<>();
    for (Element element : circuit.getElements()) {
      Class<?> kind = blockKind(element);
      if (kind != null && seen.putIfAbsent(kind, element) != null) {
        error(
            "A circuit has one " + blockWord(element) + " block; merge this one into the first" + where(seen.get(kind)) + ".",
            element,
            null,
            CircuitIssueCodes.DUPLICATE_BLOCK);
      }
    }
  }

  @Check
  public void checkUniqueExports(ExportBlock block) {
    Map<String, ExportTarget> seen = new HashMap<>();
    for (ExportTarget target : block.getTargets()) {
      if (seen.putIfAbsent(target.getFormat(), target) != null) {
        error("The " + target.getFormat() + " export is given twice.", target, Literals.EXPORT_TARGET__FORMAT, CircuitIssueCodes.DUPLICATE_SETTING);
      }
    }
  }

  @Check
  public void checkUniquePopulationSettings(Population population) {
    reportDuplicates(population.getSettings());
  }

  @Check
  public void checkUniqueTaskSettings(Task task) {
    reportDuplicates(task.getSettings());
  }

  @Check
  public void checkUniqueTrainingSettings(TrainingBlock training) {
    reportDuplicates(training.getSettings());
  }

  /**
   * One error per repeated setting, at its second occurrence, with the count: a setting repeated
   * thousands of times (a pasted line) is one mistake, not thousands of diagnostics.
   */
  private void reportDuplicates(List<? extends EObject> settings) {
    Map<String, List<EObject>> byKey = new LinkedHashMap<>();
    for (EObject setting : settings) {
      if (setting instanceof org.neuromechfly.dmn.circuit.circuit.StimulusSetting
          || setting instanceof org.neuromechfly.dmn.circuit.circuit.SilenceSetting) {
        continue; // an experiment may stimulate and silence several cell sets
      }
      byKey.computeIfAbsent(SettingKeys.key(setting), k -> new ArrayList<>(2)).add(setting);
    }
    for (List<EObject> same : byKey.values()) {
      if (same.size() > 1) {
        String times = same.size() == 2 ? " is set twice" : String.format(Locale.ROOT, " is set %,d times", same.size());
        error("'" + SettingKeys.spelling(same.get(1)) + "'" + times + where(same.get(0)) + "; keep one.", same.get(1), null,
            CircuitIssueCodes.DUPLICATE_SETTING);
      }
    }
  }

  private static Class<?> blockKind(Element element) {
    if (element instanceof Task) {
      return Task.class;
    }
    if (element instanceof LossBlock) {
      return LossBlock.class;
    }
    if (element instanceof TrainingBlock) {
      return TrainingBlock.class;
    }
    if (element instanceof ExportBlock) {
      return ExportBlock.class;
    }
    return null;
  }

  private static String blockWord(Element element) {
    return element instanceof Task ? "task" : element instanceof LossBlock ? "loss" : element instanceof TrainingBlock ? "training" : "export";
  }

  static String where(EObject first) {
    var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(first);
    return node == null ? "" : " on line " + node.getStartLine();
  }
}
