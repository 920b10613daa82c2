package org.neuromechfly.dmn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.export.Loihi2Constraints;
import org.neuromechfly.dmn.model.engine.EngineCapabilities;
import org.neuromechfly.dmn.model.engine.EngineCapability;
import org.neuromechfly.dmn.model.engine.EngineFeature;

/**
 * Whether an engine can train a circuit, read from the capability table the validator also consults
 * ({@link EngineCapabilities}): checked before training, so that an engine chosen on the command line
 * is refused at once, with a message that names the population or projection and what to do.
 */
public final class EngineSupport {
  private EngineSupport() {}

  /** Every reason {@code engine} cannot train {@code spec}; empty when it can. */
  public static List<String> problems(CircuitSpec spec, ExecutionEngine engine) {
    List<String> out = new ArrayList<>();
    String name = EngineCapabilities.displayName(engine);
    double dt = spec.task() instanceof NavigationTask t ? t.dt().si() : 1e-3;
    EngineCapability refractory = EngineCapabilities.of(engine, EngineFeature.REFRACTORY_PERIOD);
    for (Population p : spec.populations()) {
      var period = p.neuron().refractory();
      if (period != null && Math.round(period.si() / dt) > 0 && !refractory.allows(1)) {
        out.add(String.format(Locale.ROOT, "population %s has a refractory period (%s), which the %s engine cannot"
            + " train: %s", p.name(), period, name, refractory.note()));
      }
    }
    EngineCapability freeze = EngineCapabilities.of(engine, EngineFeature.REFRACTORY_FREEZE);
    for (Population p : spec.populations()) {
      if (p.neuron().refractoryBehaviour() == RefractoryMode.FREEZE && !freeze.allows(1)) {
        out.add("population " + p.name() + " has refractory_mode freeze, which the " + name + " engine cannot"
            + " train: " + freeze.note());
      } else if (p.neuron().refractoryBehaviour() == RefractoryMode.FREEZE
          && p.neuron().resetMode() == ResetMode.SUBTRACT) {
        // 'dmn simulate' freezes a subtractively reset membrane where the reset left it; training holds
        // it at the reset value, which only agrees for cells that reset to a value
        out.add("population " + p.name() + " has refractory_mode freeze with a subtractive reset, which the " + name
            + " engine cannot train: " + freeze.note());
      }
    }
    EngineCapability perNeuron = EngineCapabilities.of(engine, EngineFeature.PER_NEURON_SIGNS);
    for (Projection pr : spec.projections()) {
      if (pr.sign() == Sign.PER_NEURON && !perNeuron.allows(1)) {
        out.add("projection " + pr.label() + " has sign per_neuron, which the " + name + " engine cannot train: "
            + perNeuron.note());
      }
    }
    EngineCapability size = EngineCapabilities.of(engine, EngineFeature.PROJECTION_SIZE);
    for (Projection pr : spec.projections()) {
      if (pr.sign().factor() == 0) {
        continue; // neuromodulatory: no weights in the network
      }
      long sources = spec.population(pr.source()).map(Population::count).orElse(0);
      long targets = spec.population(pr.target()).map(Population::count).orElse(0);
      if (!size.allows(sources * targets)) {
        out.add(String.format(Locale.ROOT, "projection %s is %d x %d (%.1e entries), more than the %s engine's limit of"
            + " %.0e: %s", pr.label(), sources, targets, (double) sources * targets, name, (double) size.limit(),
            size.note()));
      }
    }
    if (spec.training().target() == TrainingTarget.LOIHI2) {
      EngineCapability hardware = EngineCapabilities.of(engine, EngineFeature.HARDWARE_TARGET);
      if (!hardware.allows(1)) {
        out.add("'target loihi2': the " + name + " engine cannot train for Loihi 2: " + hardware.note());
      }
      Loihi2Constraints.of(spec).forEach(v -> out.add("target loihi2: " + v.message()));
    }
    EngineCapability window = EngineCapabilities.of(engine, EngineFeature.TRUNCATED_BPTT);
    if (spec.training().bpttWindow() > 0 && !window.allows(spec.training().bpttWindow())) {
      out.add("'bptt window " + spec.training().bpttWindow() + "': the " + name + " engine: " + window.note());
    }
    return out;
  }

  /** Throws with every problem, one per line, when there are any. */
  public static void require(CircuitSpec spec, ExecutionEngine engine) {
    List<String> problems = problems(spec, engine);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("circuit " + spec.name() + " cannot be trained with the "
          + EngineCapabilities.displayName(engine) + " engine:\n  - " + String.join("\n  - ", problems));
    }
  }
}
