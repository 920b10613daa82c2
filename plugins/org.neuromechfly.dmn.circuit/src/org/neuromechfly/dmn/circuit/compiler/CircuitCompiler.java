package org.neuromechfly.dmn.circuit.compiler;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.GradedSetting;
import org.neuromechfly.dmn.circuit.circuit.LearnSetting;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.InitialRateSetting;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.RefractoryModeSetting;
import org.neuromechfly.dmn.circuit.circuit.ResetSetting;
import org.neuromechfly.dmn.circuit.circuit.SelectionSetting;
import org.neuromechfly.dmn.circuit.circuit.SharingSetting;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ExportSpec;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.TaskSpec;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.export.NetxLayout;

/**
 * Turns a validated {@code .circuit} model into the circuit IR, filling every default so the IR is
 * complete. Deterministic: the same text always gives an equal {@link CircuitSpec}.
 */
@Singleton
public class CircuitCompiler {
  @Inject private QuantityRules quantities;
  @Inject private ProjectionCompiler projections;
  @Inject private TaskCompiler tasks;
  @Inject private TrainingCompiler training;
  @Inject private PopulationSelections selections;

  /** Compiles a model that validated without errors. */
  public CircuitSpec compile(Circuit circuit) {
    List<org.neuromechfly.dmn.model.ConnectomeSource> sources = new ArrayList<>();
    List<org.neuromechfly.dmn.model.Population> populations = new ArrayList<>();
    List<org.neuromechfly.dmn.model.Projection> edges = new ArrayList<>();
    TaskSpec task = null;
    List<org.neuromechfly.dmn.model.LossTerm> losses = List.of();
    var trainingSpec = org.neuromechfly.dmn.model.TrainingSpec.defaults();
    ExportSpec exports = ExportSpec.none();
    org.neuromechfly.dmn.model.SweepSpec sweep = null;
    for (var element : circuit.getElements()) {
      if (element instanceof ConnectomeSource source) {
        sources.add(source(source));
      } else if (element instanceof Population population) {
        populations.add(population(population));
      } else if (element instanceof Projection projection) {
        edges.add(projections.compile(projection));
      } else if (element instanceof Task t && task == null) {
        task = "experiment".equals(t.getKind()) ? tasks.experiment(t) : tasks.compile(t);
      } else if (element instanceof LossBlock block && losses.isEmpty()) {
        losses = tasks.losses(block);
      } else if (element instanceof TrainingBlock block) {
        trainingSpec = training.compile(block);
      } else if (element instanceof ExportBlock block) {
        exports = exports(block);
      } else if (element instanceof org.neuromechfly.dmn.circuit.circuit.SweepBlock block && sweep == null) {
        sweep = sweep(block);
      }
    }
    CircuitSpec spec = new CircuitSpec(circuit.getName(), circuit.getReference(), sources, populations, edges, task, losses, trainingSpec, exports, sweep);
    return trainingSpec.target() == TrainingTarget.LOIHI2 ? loihiResets(spec, circuit) : spec;
  }

  /**
   * Under {@code target loihi2}, on-chip populations that state no reset reset to 0, as Loihi 2's
   * neurons do (the default elsewhere is subtraction); the spike source keeps the default.
   */
  private static CircuitSpec loihiResets(CircuitSpec spec, Circuit circuit) {
    NetxLayout layout = NetxLayout.of(spec);
    var stated = circuit.getElements().stream().filter(Population.class::isInstance).map(Population.class::cast)
        .filter(p -> Settings.first(p.getSettings(), ResetSetting.class).isPresent()).map(Population::getName)
        .collect(java.util.stream.Collectors.toSet());
    List<org.neuromechfly.dmn.model.Population> pops = spec.populations().stream().map(p -> {
      if (stated.contains(p.name()) || layout.layerOf(p.name()).isEmpty()) {
        return p;
      }
      NeuronModel m = p.neuron();
      NeuronModel zero = new NeuronModel(m.tauMem(), m.tauSyn(), m.threshold(), 0.0, m.refractory(), ResetMode.ZERO,
          m.graded(), m.bias());
      return new org.neuromechfly.dmn.model.Population(p.name(), p.cellType(), p.count(), zero, p.learned(),
          p.sharing(), p.initialRate());
    }).toList();
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), pops, spec.projections(),
        spec.task(), spec.losses(), spec.training(), spec.exports(), spec.sweep());
  }

  /** The sweep with every range expanded, so the IR lists each value a run takes. */
  private static org.neuromechfly.dmn.model.SweepSpec sweep(org.neuromechfly.dmn.circuit.circuit.SweepBlock block) {
    return new org.neuromechfly.dmn.model.SweepSpec(block.getAxes().stream()
        .map(a -> new org.neuromechfly.dmn.model.SweepSpec.Axis(a.getSetting(),
            org.neuromechfly.dmn.circuit.sweep.SweepValues.expand(a).values()))
        .toList());
  }

  private org.neuromechfly.dmn.model.ConnectomeSource source(ConnectomeSource source) {
    ConnectomeFormat format = Vocabulary.CONNECTOME_FORMATS.lookup(source.getFormat()).orElseThrow();
    String checksum = source.getChecksum() == null ? null : source.getChecksum().toLowerCase(java.util.Locale.ROOT);
    return new org.neuromechfly.dmn.model.ConnectomeSource(source.getName(), format, source.getPath(), source.getVersion(), checksum);
  }

  private org.neuromechfly.dmn.model.Population population(Population population) {
    NeuronModel defaults = NeuronModel.defaults();
    var tauMem = Settings.parameter(population, "tau_mem").map(quantities::toModel).orElse(defaults.tauMem());
    var tauSyn = Settings.parameter(population, "tau_syn").map(quantities::toModel).orElse(null);
    double threshold = Settings.parameter(population, "threshold").map(quantities::number).orElse(defaults.threshold());
    var refractory = Settings.parameter(population, "refractory").map(quantities::toModel).orElse(defaults.refractory());
    double bias = Settings.parameter(population, "bias").map(quantities::number).orElse(defaults.bias());
    var reset = Settings.first(population.getSettings(), ResetSetting.class);
    ResetMode mode = reset.filter(r -> !r.isSubtract()).isPresent() ? ResetMode.ZERO : defaults.resetMode();
    double resetValue = reset.filter(r -> r.getValue() != null).map(r -> r.getValue().getValue()).orElse(defaults.reset());
    boolean graded = Settings.first(population.getSettings(), GradedSetting.class).isPresent();
    var refractoryMode = Settings.first(population.getSettings(), RefractoryModeSetting.class)
        .flatMap(r -> Vocabulary.REFRACTORY_MODES.lookup(r.getMode())).orElse(null);
    var neuron = new NeuronModel(tauMem, tauSyn, threshold, resetValue, refractory, mode, graded, bias, refractoryMode);
    List<LearnableParameter> learned = population.getSettings().stream()
        .filter(LearnSetting.class::isInstance)
        .flatMap(s -> ((LearnSetting) s).getParameters().stream())
        .map(p -> LearnableParameter.byKeyword(p).orElseThrow())
        .toList();
    ParameterSharing sharing = Settings.first(population.getSettings(), SharingSetting.class)
        .flatMap(s -> Vocabulary.SHARING.lookup(s.getSharing()))
        .orElse(ParameterSharing.PER_POPULATION);
    var initialRate = Settings.first(population.getSettings(), InitialRateSetting.class)
        .map(r -> quantities.toModel(r.getRate())).orElse(null);
    var selection = Settings.first(population.getSettings(), SelectionSetting.class).map(CircuitCompiler::selection)
        .orElse(null);
    int count = selection == null ? Settings.count(population).orElse(0) : selections.count(population).orElseThrow(
        () -> new IllegalStateException("population " + population.getName() + ": count from data, but "
            + "the data cannot be read (the validator reports why)"));
    return new org.neuromechfly.dmn.model.Population(population.getName(), population.getCellType(),
        count, neuron, learned, sharing, initialRate, selection);
  }

  /** The IR selection a {@code from SOURCE where ...} setting states. */
  public static org.neuromechfly.dmn.model.PopulationSelection selection(SelectionSetting setting) {
    String superClass = null;
    String cellClass = null;
    String cellType = null;
    String side = null;
    for (var f : setting.getFilters()) {
      switch (f.getKey()) {
        case "super_class" -> superClass = superClass == null ? f.getText() : superClass;
        case "cell_class" -> cellClass = cellClass == null ? f.getText() : cellClass;
        case "cell_type" -> cellType = cellType == null ? f.getText() : cellType;
        case "side" -> side = side == null ? f.getText() : side;
        default -> throw new IllegalStateException("unknown selection key " + f.getKey());
      }
    }
    return new org.neuromechfly.dmn.model.PopulationSelection(setting.getSource().getName(), superClass, cellClass,
        cellType, side);
  }

  private static ExportSpec exports(ExportBlock block) {
    String nir = null;
    String loihi = null;
    for (var target : block.getTargets()) {
      if ("nir".equals(target.getFormat()) && nir == null) {
        nir = target.getPath();
      } else if ("loihi".equals(target.getFormat()) && loihi == null) {
        loihi = target.getPath();
      }
    }
    return new ExportSpec(nir, loihi);
  }
}
