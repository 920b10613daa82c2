package org.neuromechfly.dmn.circuit.validation;

import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.CountSetting;
import org.neuromechfly.dmn.circuit.circuit.LearnSetting;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.SharingSetting;
import org.neuromechfly.dmn.circuit.units.Vocabulary;

/** A population states a positive count and sensible LIF parameters. */
public class PopulationChecks extends CircuitCheck {

  /** Above this a population is not an olfactory-circuit model any more but a whole brain (FlyWire 783). */
  static final int MAX_COUNT = 200_000;

  @Check
  public void checkCount(Population population) {
    boolean hasCount = population.getSettings().stream().anyMatch(CountSetting.class::isInstance)
        || population.getSettings().stream().anyMatch(org.neuromechfly.dmn.circuit.circuit.SelectionSetting.class::isInstance);
    if (!hasCount) {
      error(
          "Population '" + population.getName() + "' needs a cell count, e.g. '{ count 50 }', or neurons of a"
              + " connectome, e.g. '{ from flywire }'.",
          population,
          Literals.POPULATION__NAME,
          CircuitIssueCodes.MISSING_COUNT,
          population.getName());
    }
  }

  @Check
  public void checkCountValue(CountSetting count) {
    if (count.getCount() <= 0 || count.getCount() > MAX_COUNT) {
      error(
          "A population has between 1 and " + MAX_COUNT + " cells, not " + count.getCount() + ".",
          count,
          Literals.COUNT_SETTING__COUNT,
          CircuitIssueCodes.INVALID_COUNT);
    }
  }

  @Check
  public void checkParameterValue(NeuronParameter parameter) {
    if (!org.neuromechfly.dmn.circuit.ast.Settings.written(parameter.getValue())) {
      return;
    }
    double value = parameter.getValue().getValue();
    switch (parameter.getParameter()) {
      case "tau_mem", "tau_syn" -> {
        if (value <= 0) {
          error(parameter.getParameter() + " must be positive.", parameter, Literals.NEURON_PARAMETER__VALUE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
        }
      }
      case "refractory" -> {
        if (value < 0) {
          error("refractory must not be negative.", parameter, Literals.NEURON_PARAMETER__VALUE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
        }
      }
      case "threshold" -> {
        if (value <= 0) {
          error(
              "threshold is in normalised units above rest (0); it must be positive, typically 1.",
              parameter,
              Literals.NEURON_PARAMETER__VALUE,
              CircuitIssueCodes.VALUE_OUT_OF_RANGE);
        }
      }
      default -> {}
    }
  }

  /**
   * One warning per repeated name, at its second mention: locating a diagnostic at a list index
   * costs a walk over the list, so a warning per repeat made long lists quadratic.
   */
  @Check
  public void checkLearnedParameters(LearnSetting learn) {
    java.util.Map<String, Integer> times = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> second = new java.util.HashMap<>();
    var names = learn.getParameters();
    for (int i = 0; i < names.size(); i++) {
      if (times.merge(names.get(i), 1, Integer::sum) == 2) {
        second.put(names.get(i), i);
      }
    }
    times.forEach((name, n) -> {
      if (n > 1) {
        warning("'" + name + "' is listed " + (n == 2 ? "twice" : n + " times") + "; once is enough.", learn,
            Literals.LEARN_SETTING__PARAMETERS, second.get(name), CircuitIssueCodes.DUPLICATE_SETTING);
      }
    });
  }

  @Check
  public void checkSharing(SharingSetting sharing) {
    checkChoice(Vocabulary.SHARING, sharing.getSharing(), sharing, Literals.SHARING_SETTING__SHARING);
  }
}
