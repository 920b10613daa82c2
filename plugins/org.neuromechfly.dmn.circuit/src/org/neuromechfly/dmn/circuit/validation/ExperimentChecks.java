package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.ast.WrittenValues;
import org.neuromechfly.dmn.circuit.circuit.CellSet;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.CountSetting;
import org.neuromechfly.dmn.circuit.circuit.DurationSetting;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.RefractoryModeSetting;
import org.neuromechfly.dmn.circuit.circuit.SelectionFilter;
import org.neuromechfly.dmn.circuit.circuit.SelectionSetting;
import org.neuromechfly.dmn.circuit.circuit.SignOption;
import org.neuromechfly.dmn.circuit.circuit.StepsSetting;
import org.neuromechfly.dmn.circuit.circuit.StimulusSetting;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TaskSetting;
import org.neuromechfly.dmn.circuit.circuit.TimeStepSetting;
import org.neuromechfly.dmn.circuit.circuit.TrialsSetting;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.circuit.compiler.PopulationSelections;
import org.neuromechfly.dmn.circuit.reference.ConnectomeIndex;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.connectome.importer.NeuronFilter;
import org.neuromechfly.dmn.model.Dimension;

/**
 * Whole-brain models and stimulus experiments: populations taken from a connectome (the selection
 * must select neurons, its data must be there since the count comes from it, a stated count must
 * agree), frozen refractory periods, signs per presynaptic neuron (only for connectome data), and the
 * experiment task (its own settings, stimuli on cells that exist).
 */
public class ExperimentChecks extends CircuitCheck {
  /** Settings only an experiment has, and settings only navigation has. */
  private static final Set<EClass> EXPERIMENT_ONLY = Set.of(Literals.DURATION_SETTING, Literals.TRIALS_SETTING,
      Literals.STIMULUS_SETTING, Literals.SILENCE_SETTING);
  private static final Set<EClass> SHARED = Set.of(Literals.STEPS_SETTING, Literals.TIME_STEP_SETTING);
  /** Most trials an experiment may ask for. */
  static final int MAX_TRIALS = 10_000;

  @Inject private PopulationSelections selections;
  @Inject private ConnectomeIndex connectomes;

  @Check
  public void checkSettingsOfKind(Task task) {
    boolean experiment = "experiment".equals(task.getKind());
    for (TaskSetting s : task.getSettings()) {
      boolean experimentOnly = EXPERIMENT_ONLY.contains(s.eClass());
      if (experiment && !experimentOnly && !SHARED.contains(s.eClass())) {
        error("'" + keyword(s) + "' is a setting of the navigation task, not of an experiment (settings: steps or"
            + " duration, dt, trials, stimulate, silence).", s, null, CircuitIssueCodes.WRONG_TASK_SETTING);
      } else if (!experiment && experimentOnly) {
        error("'" + keyword(s) + "' is a setting of 'task experiment', not of navigation.", s, null,
            CircuitIssueCodes.WRONG_TASK_SETTING);
      }
    }
    if (!experiment) {
      return;
    }
    if (Settings.first(task.getSettings(), TimeStepSetting.class).isEmpty()) {
      error("The experiment needs a 'dt' setting, e.g. 'dt 0.1 ms' (Shiu et al. 2024).", task, Literals.TASK__KIND,
          CircuitIssueCodes.MISSING_TASK_SETTING, "dt 0.1 ms");
    }
    boolean steps = Settings.first(task.getSettings(), StepsSetting.class).isPresent();
    boolean duration = Settings.first(task.getSettings(), DurationSetting.class).isPresent();
    if (steps == duration) {
      error(steps ? "State either 'steps' or 'duration', not both." : "The experiment needs a 'duration' setting,"
          + " e.g. 'duration 1000 ms', or 'steps'.", task, Literals.TASK__KIND, CircuitIssueCodes.MISSING_TASK_SETTING,
          "duration 1000 ms");
    }
    Settings.first(task.getSettings(), DurationSetting.class).ifPresent(d -> {
      var seconds = Settings.si(d.getDuration(), Dimension.TIME);
      var dt = Settings.dt(task);
      if (seconds.isPresent() && dt.isPresent() && dt.getAsDouble() > 0) {
        double n = seconds.getAsDouble() / dt.getAsDouble();
        if (seconds.getAsDouble() <= 0 || n < 0.5 || n > Integer.MAX_VALUE) {
          error("The duration must be positive and at least one step long.", d, Literals.DURATION_SETTING__DURATION,
              CircuitIssueCodes.VALUE_OUT_OF_RANGE);
        }
      }
    });
  }

  @Check
  public void checkTrials(TrialsSetting trials) {
    if (trials.getTrials() < 1 || trials.getTrials() > MAX_TRIALS) {
      error("An experiment has between 1 and " + MAX_TRIALS + " trials, not " + trials.getTrials() + ".", trials,
          Literals.TRIALS_SETTING__TRIALS, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkStimulus(StimulusSetting stimulus) {
    var rate = Settings.si(stimulus.getRate(), Dimension.FREQUENCY);
    if (rate.isPresent()) {
      if (rate.getAsDouble() < 0) {
        error("A Poisson rate must not be negative.", stimulus, Literals.STIMULUS_SETTING__RATE,
            CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      }
      var task = EcoreUtil2.getContainerOfType(stimulus, Task.class);
      var dt = task == null ? java.util.OptionalDouble.empty() : Settings.dt(task);
      if (dt.isPresent() && rate.getAsDouble() * dt.getAsDouble() > 1) {
        warning("At " + rate.getAsDouble() + " Hz and dt " + dt.getAsDouble() * 1e3 + " ms an event is due more than"
            + " once per step; a cell gets at most one event per step (every step).", stimulus,
            Literals.STIMULUS_SETTING__RATE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      }
    }
    if (WrittenValues.written(stimulus, Literals.STIMULUS_SETTING__WEIGHT)
        && !WrittenValues.unreadable(stimulus, Literals.STIMULUS_SETTING__WEIGHT) && stimulus.getWeight() == 0) {
      warning("A stimulus of weight 0 does nothing.", stimulus, Literals.STIMULUS_SETTING__WEIGHT,
          CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkCellRange(CellSet cells) {
    Population population = cells.getPopulation();
    if (population == null || population.eIsProxy() || !WrittenValues.written(cells, Literals.CELL_SET__LAST)) {
      return;
    }
    if (cells.getFirst() > cells.getLast()) {
      error("A cell range runs from low to high: write [" + cells.getLast() + ".." + cells.getFirst() + "].", cells,
          Literals.CELL_SET__FIRST, CircuitIssueCodes.SLICE_OUT_OF_RANGE);
      return;
    }
    var count = Settings.count(population);
    if (count.isPresent() && cells.getLast() >= count.getAsInt()) {
      error(population.getName() + " has " + count.getAsInt() + " cells (0.." + (count.getAsInt() - 1) + "), so ["
          + cells.getFirst() + ".." + cells.getLast() + "] is out of range.", cells, Literals.CELL_SET__LAST,
          CircuitIssueCodes.SLICE_OUT_OF_RANGE);
    }
  }

  /** Neurons named by id must be neurons of the population's data (read on save). */
  @Check(CheckType.NORMAL)
  public void checkNeuronIds(CellSet cells) {
    Population population = cells.getPopulation();
    if (population == null || population.eIsProxy() || cells.getNeurons().isEmpty()) {
      return;
    }
    var setting = Settings.first(population.getSettings(), SelectionSetting.class);
    if (setting.isEmpty()) {
      error("Neurons by id need a population taken from a connectome ('from SOURCE' in " + population.getName()
          + "); use a cell range for model cells.", cells, Literals.CELL_SET__NEURONS, CircuitIssueCodes.UNKNOWN_NEURON);
      return;
    }
    if (setting.get().getSource() == null || setting.get().getSource().eIsProxy()) {
      return;
    }
    var loaded = connectomes.load(setting.get().getSource());
    if (loaded.connectome() == null) {
      return; // reported on the population and the source
    }
    Set<Long> members = new HashSet<>();
    try {
      var connectome = loaded.connectome();
      for (int i : connectome.select(NeuronFilter.of(CircuitCompiler.selection(setting.get())))) {
        members.add(connectome.neurons().get(i).id());
      }
    } catch (org.neuromechfly.dmn.connectome.ConnectomeException e) {
      return; // an invalid pattern, reported on the selection
    }
    for (int i = 0; i < cells.getNeurons().size(); i++) {
      long id = cells.getNeurons().get(i);
      if (!members.contains(id)) {
        error("Neuron " + id + " is not in population " + population.getName() + " ("
            + CircuitCompiler.selection(setting.get()).describe() + ", " + members.size() + " neurons).", cells,
            Literals.CELL_SET__NEURONS, i, CircuitIssueCodes.UNKNOWN_NEURON, Long.toString(id));
      }
    }
  }

  /** The selection's data decide the count: it must be there, select neurons, and agree with a stated count. */
  @Check(CheckType.NORMAL)
  public void checkSelection(SelectionSetting setting) {
    Population population = EcoreUtil2.getContainerOfType(setting, Population.class);
    if (population == null || setting.getSource() == null || setting.getSource().eIsProxy()) {
      return;
    }
    if (Vocabulary.CONNECTOME_FORMATS.lookup(setting.getSource().getFormat()).filter(f -> !f.hasSynapses()).isPresent()) {
      error("'" + setting.getSource().getName() + "' is a glomerulus table, not a connectome of neurons.", setting,
          Literals.SELECTION_SETTING__SOURCE, CircuitIssueCodes.GLOMERULUS_MAP_MISUSE);
      return;
    }
    PopulationSelections.Selected selected = selections.select(population);
    if (selected == null) {
      return;
    }
    if (selected.count() < 0) {
      error("Population " + population.getName() + " takes its cells from connectome '" + setting.getSource().getName()
          + "', which cannot be read here: " + selected.problem(), setting, Literals.SELECTION_SETTING__SOURCE,
          selected.missing() ? CircuitIssueCodes.CONNECTOME_UNAVAILABLE : CircuitIssueCodes.CONNECTOME_UNREADABLE);
      return;
    }
    if (selected.count() == 0) {
      error("The selection " + CircuitCompiler.selection(setting).describe() + " selects no neuron of the "
          + selected.neurons() + " in '" + setting.getSource().getName() + "'; patterns must match the whole name.",
          setting, setting.getFilters().isEmpty() ? Literals.SELECTION_SETTING__SOURCE : Literals.SELECTION_SETTING__FILTERS,
          CircuitIssueCodes.EMPTY_SELECTION);
      return;
    }
    var count = Settings.first(population.getSettings(), CountSetting.class);
    if (count.isPresent() && count.get().getCount() != selected.count()) {
      error("The selection is " + selected.count() + " neurons, but " + population.getName() + " states count "
          + count.get().getCount() + ". Drop the count (it comes from the data) or set 'count " + selected.count() + "'.",
          count.get(), Literals.COUNT_SETTING__COUNT, CircuitIssueCodes.CONNECTOME_COUNT_MISMATCH, population.getName(),
          Integer.toString(selected.count()));
    }
  }

  @Check
  public void checkSelectionFilters(SelectionSetting setting) {
    Set<String> seen = new HashSet<>();
    for (SelectionFilter f : setting.getFilters()) {
      if (!seen.add(f.getKey())) {
        warning("'" + f.getKey() + "' is given twice; the first one counts.", f, Literals.SELECTION_FILTER__KEY,
            CircuitIssueCodes.DUPLICATE_FILTER);
      }
      if (!"side".equals(f.getKey()) && f.getText() != null) {
        try {
          java.util.regex.Pattern.compile(f.getText());
        } catch (java.util.regex.PatternSyntaxException e) {
          error("'" + f.getText() + "' is not a valid pattern (" + e.getDescription() + ").", f,
              Literals.SELECTION_FILTER__TEXT, CircuitIssueCodes.QUERY_FILTER_TYPE);
        }
      }
    }
  }

  @Check
  public void checkRefractoryMode(RefractoryModeSetting setting) {
    checkChoice(Vocabulary.REFRACTORY_MODES, setting.getMode(), setting, Literals.REFRACTORY_MODE_SETTING__MODE);
  }

  @Check
  public void checkPerNeuronSign(SignOption option) {
    if (!"per_neuron".equals(option.getSign()) || !(option.eContainer() instanceof Projection projection)) {
      return;
    }
    if (!(projection.getRule() instanceof ConnectomeRule)) {
      error("'sign per_neuron' takes each presynaptic neuron's transmitter from connectome data; this projection"
          + " has none. State excitatory or inhibitory.", option, Literals.SIGN_OPTION__SIGN,
          CircuitIssueCodes.SIGN_NEEDS_DATA);
    }
  }

  private static String keyword(TaskSetting s) {
    var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(s);
    String text = node == null ? s.eClass().getName() : node.getText().trim();
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }
}
