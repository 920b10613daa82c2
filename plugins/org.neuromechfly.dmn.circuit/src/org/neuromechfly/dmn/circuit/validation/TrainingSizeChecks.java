package org.neuromechfly.dmn.circuit.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.ast.WrittenValues;
import org.neuromechfly.dmn.circuit.circuit.BatchSetting;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.DelayOption;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.SensorSetting;
import org.neuromechfly.dmn.circuit.circuit.StepsSetting;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.circuit.compiler.ProjectionCompiler;
import org.neuromechfly.dmn.model.Dimension;
import org.neuromechfly.dmn.model.TrainingFootprint;
import org.neuromechfly.dmn.model.TrainingSpec;

/**
 * Batch × steps × cells against memory, with the engine's own estimate ({@link TrainingFootprint}): a
 * model whose training needs an array larger than Java allows can be trained on no machine (an
 * error); one that needs more than this Java VM may use is a warning here, and {@code dmn train}
 * refuses it before allocating anything.
 */
public class TrainingSizeChecks extends CircuitCheck {

  @Check
  public void checkTrainingFits(Circuit circuit) {
    var task = Settings.first(circuit.getElements(), Task.class);
    if (task.isEmpty()) {
      return; // nothing is trained without a task
    }
    var steps = Settings.steps(task.get());
    if (steps.isEmpty() || steps.getAsInt() <= 0) {
      return;
    }
    var batchSetting = Settings.first(circuit.getElements(), TrainingBlock.class)
        .flatMap(t -> Settings.first(t.getSettings(), BatchSetting.class))
        .filter(b -> !WrittenValues.unreadable(b, Literals.BATCH_SETTING__VALUE));
    int batch = batchSetting.map(BatchSetting::getValue).orElse(TrainingSpec.defaults().batch());
    if (batch <= 0) {
      return;
    }
    double dt = Settings.dt(task.get()).orElse(1e-3);
    List<TrainingFootprint.PopulationSize> populations = new ArrayList<>();
    List<TrainingFootprint.ProjectionSize> projections = new ArrayList<>();
    int longestDelay = 1;
    Set<Population> sensed = sensedPopulations(circuit, task.get());
    for (EObject element : circuit.getElements()) {
      if (element instanceof Population p) {
        var count = Settings.count(p);
        if (count.isPresent() && count.getAsInt() > 0) {
          boolean refractory = Settings.parameter(p, "refractory").filter(q -> q.getValue() > 0).isPresent();
          populations.add(new TrainingFootprint.PopulationSize(p.getName(), count.getAsInt(),
              Settings.parameter(p, "tau_syn").isPresent(), refractory, sensed.contains(p)));
        }
      } else if (element instanceof Projection p && p.getRule() != null && !(p.getRule() instanceof ConnectomeRule)) {
        int sources = Settings.count(p.getSource()).orElse(0);
        int targets = Settings.count(p.getTarget()).orElse(0);
        long synapses = TrainingFootprint.synapses(ProjectionCompiler.connectivity(p.getRule()), sources, targets);
        projections.add(new TrainingFootprint.ProjectionSize(label(p), synapses));
        var delay = Settings.option(p, DelayOption.class).map(d -> Settings.si(d.getDelay(), Dimension.TIME));
        if (delay.isPresent() && delay.get().isPresent()) {
          longestDelay = Math.max(longestDelay, TrainingFootprint.delaySteps(delay.get().getAsDouble(), dt));
        }
      }
    }
    var footprint = TrainingFootprint.estimate(steps.getAsInt(), batch, longestDelay, 1, populations, projections);
    EObject at = batchSetting.<EObject>map(b -> b).orElse(Settings.first(task.get().getSettings(), StepsSetting.class).orElseThrow());
    EStructuralFeature feature = batchSetting.isPresent() ? Literals.BATCH_SETTING__VALUE : Literals.STEPS_SETTING__STEPS;
    String sizes = "batch " + batch + " × " + steps.getAsInt() + " steps";
    int longest = longestDelay;
    java.util.function.IntFunction<TrainingFootprint> withBatch =
        b -> TrainingFootprint.estimate(steps.getAsInt(), b, longest, 1, populations, projections);
    if (!footprint.arraysFit()) {
      error(String.format(java.util.Locale.ROOT,
              "Too large to train: %s needs one array of %,d values for %s, more than a Java array holds (%,d). Reduce the"
                  + " batch, the steps or the cells.", sizes, footprint.largestArray(), footprint.largestArrayOwner(), TrainingFootprint.MAX_ARRAY),
          at, feature, CircuitIssueCodes.TOO_LARGE_TO_TRAIN, fixableBatch(batchSetting.isPresent(), batch,
              b -> withBatch.apply(b).arraysFit() && withBatch.apply(b).fitsIn(TrainingFootprint.availableHeap())));
    } else if (!footprint.fitsIn(TrainingFootprint.availableHeap())) {
      warning("Training needs about " + TrainingFootprint.size(footprint.bytes()) + " of memory (" + sizes + " × the cells' records),"
              + " but this Java VM may use " + TrainingFootprint.size(TrainingFootprint.availableHeap()) + "; dmn train refuses it."
              + " Reduce the batch or the steps, or give Java more memory (e.g. DMN_JAVA_OPTS=-Xmx32g).",
          at, feature, CircuitIssueCodes.TOO_LARGE_TO_TRAIN,
          fixableBatch(batchSetting.isPresent(), batch, b -> withBatch.apply(b).fitsIn(TrainingFootprint.availableHeap())));
    }
  }

  /** The largest batch below {@code batch} that fits, as issue data for the quick fix (none when not even 1 fits). */
  private static String[] fixableBatch(boolean written, int batch, java.util.function.IntPredicate fits) {
    if (!written || !fits.test(1)) {
      return new String[0];
    }
    int low = 1;
    int high = batch - 1;
    while (low < high) {
      int mid = low + (high - low + 1) / 2;
      if (fits.test(mid)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return new String[] {Integer.toString(low)};
  }

  /**
   * The populations the world drives, whose drive of every step a recomputing kernel keeps: those the
   * task names as sensing, and the ORN cells when it names no odour sensor.
   */
  private static Set<Population> sensedPopulations(Circuit circuit, Task task) {
    Set<Population> out = new HashSet<>();
    boolean odourNamed = false;
    for (EObject setting : task.getSettings()) {
      if (setting instanceof SensorSetting sensor && sensor.getPopulation() != null) {
        out.add(sensor.getPopulation());
        odourNamed |= "odour".equals(sensor.getSense());
      }
    }
    if (!odourNamed) {
      circuit.getElements().stream()
          .filter(e -> e instanceof Population p && "ORN".equalsIgnoreCase(p.getCellType()))
          .findFirst()
          .ifPresent(e -> out.add((Population) e));
    }
    return out;
  }

  private static String label(Projection p) {
    return (p.getSource() == null ? "?" : p.getSource().getName()) + " -> " + (p.getTarget() == null ? "?" : p.getTarget().getName());
  }
}
