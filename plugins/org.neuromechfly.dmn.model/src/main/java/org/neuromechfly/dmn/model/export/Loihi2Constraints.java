package org.neuromechfly.dmn.model.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * What a model trained for Loihi 2 ({@code training { target loihi2 }}) may not use, because the
 * bundle could not hold it: the on-chip populations of a {@link NetxLayout} must spike, reset to zero,
 * have no refractory period, and share their layer's decays; delays must be whole steps that netx can
 * place. The validator reports each violation on the element it names; the engine refuses to train a
 * model with any; the exporter names the same words when it refuses.
 */
public final class Loihi2Constraints {
  /** Longest projection delay netx can place, in steps (the one-step hop plus lava-dl's 62 at most). */
  public static final int MAX_DELAY_STEPS = TargetCapabilities.NETX_MAX_DELAY + 1;

  private Loihi2Constraints() {}

  /**
   * One thing the model uses that a Loihi 2 bundle cannot hold.
   *
   * @param feature the capability-table feature
   * @param population the population it concerns, or {@code null}
   * @param projection the projection it concerns (its label, "A -> B"), or {@code null}
   * @param setting the setting to point at ({@code graded}, {@code reset}, {@code tau_mem}, {@code learn},
   *     {@code delay}, …), or {@code null} for the element as a whole
   * @param message a sentence saying what and what to do
   */
  public record Violation(ExportFeature feature, String population, String projection, String setting,
      String message) {
    public Violation {
      Objects.requireNonNull(feature, "feature");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The step of a circuit: its task's dt, else 1 ms. */
  public static double dt(CircuitSpec spec) {
    return spec.task() == null ? 1e-3 : spec.task().dt().si();
  }

  /**
   * What no netx bundle of this circuit can hold, however it was trained: delays netx cannot place
   * and world-driven populations that also receive projections. The exporter refuses these.
   */
  public static List<Violation> structure(CircuitSpec spec) {
    NetxLayout layout = NetxLayout.of(spec);
    double dt = dt(spec);
    List<Violation> out = new ArrayList<>();
    for (Projection pr : NetxLayout.drives(spec)) {
      placement(layout, pr, dt, out);
    }
    if (spec.task() instanceof NavigationTask t) {
      for (String sensed : new String[] {t.odourSensors(), t.windSensors()}) {
        if (sensed != null && layout.layerOf(sensed).isPresent()) {
          out.add(new Violation(ExportFeature.SPIKE_SOURCE, sensed, null, null, sensed + " senses the world but also"
              + " receives projections; the netx bundle takes the world's input as the spikes of populations no"
              + " projection reaches."));
        }
      }
    }
    return out;
  }

  /**
   * Every violation of a model trained for Loihi 2, in declaration order (empty when it trains and
   * exports as it is): {@link #structure} and what its on-chip populations declare.
   */
  public static List<Violation> of(CircuitSpec spec) {
    NetxLayout layout = NetxLayout.of(spec);
    double dt = dt(spec);
    List<Violation> out = new ArrayList<>();
    for (Population p : spec.populations()) {
      var layer = layout.layerOf(p.name());
      if (layer.isEmpty()) {
        continue; // a spike source runs off-chip
      }
      NeuronModel m = p.neuron();
      String where = " (netx layer " + layer.get().index() + ")";
      if (m.graded()) {
        out.add(new Violation(ExportFeature.GRADED_UNITS, p.name(), null, "graded", p.name() + " is graded, but the"
            + " CUBA neurons of a netx layer spike" + where + ": remove 'graded' to train it as a spiking cell."));
      }
      if (m.refractory().si() > 0) {
        out.add(new Violation(ExportFeature.REFRACTORY_PERIOD, p.name(), null, "refractory", p.name()
            + " has a refractory period of " + m.refractory() + ", which Loihi 2's CUBA neuron in netx lacks: "
            + "remove it."));
      }
      if (m.resetMode() == ResetMode.SUBTRACT || m.reset() != 0) {
        String how = m.resetMode() == ResetMode.SUBTRACT ? "by subtraction" : "to " + NumberText.format(m.reset());
        out.add(new Violation(ExportFeature.SUBTRACTIVE_RESET, p.name(), null, "reset", p.name() + " resets " + how
            + ", but Loihi 2 resets v to 0: remove the reset setting (under target loihi2 cells reset to 0)."));
      }
      if (p.sharing() == ParameterSharing.PER_NEURON
          && (p.learns(LearnableParameter.TAU_MEM) || p.learns(LearnableParameter.TAU_SYN))) {
        out.add(new Violation(ExportFeature.PER_NEURON_TAU, p.name(), null, "learn", p.name() + " learns a time"
            + " constant per neuron, but a netx layer has one decay: learn it per population, or not at all."));
      }
    }
    for (NetxLayout.Layer layer : layout.layers()) {
      if (layer.populations().size() > 1) {
        sharedDecays(spec, layer, out);
      }
    }
    for (Projection pr : NetxLayout.drives(spec)) {
      wholeSteps(pr, dt, out);
    }
    out.addAll(structure(spec));
    return out;
  }

  /** Populations of one layer share its decays: equal τ, none learned. */
  private static void sharedDecays(CircuitSpec spec, NetxLayout.Layer layer, List<Violation> out) {
    List<Population> members = layer.populations().stream().map(n -> spec.population(n).orElseThrow()).toList();
    String together = String.join(", ", layer.populations());
    Population first = members.get(0);
    for (Population p : members) {
      if (p != first && !sameTime(p.neuron().tauMem(), first.neuron().tauMem())) {
        out.add(new Violation(ExportFeature.LAYER_TIME_CONSTANTS, p.name(), null, "tau_mem", p.name() + " has tau_mem "
            + p.neuron().tauMem() + " but " + first.name() + " has " + first.neuron().tauMem() + "; " + together
            + " share netx layer " + layer.index() + ", which has one voltage decay: give them the same tau_mem."));
      }
      if (p != first && !sameTime(p.neuron().tauSyn(), first.neuron().tauSyn())) {
        out.add(new Violation(ExportFeature.LAYER_TIME_CONSTANTS, p.name(), null, "tau_syn", p.name() + " has tau_syn "
            + describe(p.neuron().tauSyn()) + " but " + first.name() + " has " + describe(first.neuron().tauSyn())
            + "; " + together + " share netx layer " + layer.index() + ", which has one current decay."));
      }
      for (LearnableParameter tau : new LearnableParameter[] {LearnableParameter.TAU_MEM, LearnableParameter.TAU_SYN}) {
        if (p.learns(tau) && p.sharing() != ParameterSharing.PER_NEURON) {
          out.add(new Violation(ExportFeature.LAYER_TIME_CONSTANTS, p.name(), null, "learn", p.name() + " learns "
              + tau.keyword() + ", which would give it a decay of its own, but " + together + " share netx layer "
              + layer.index() + ", which has one: remove " + tau.keyword() + " from 'learn'."));
        }
      }
    }
  }

  /** Loihi delays whole steps (the engine would round). */
  private static void wholeSteps(Projection pr, double dt, List<Violation> out) {
    if (pr.delay() == null) {
      return;
    }
    double steps = pr.delay().si() / dt;
    long whole = Math.round(steps);
    if (Math.abs(steps - whole) > 1e-6 * Math.max(1, steps)) {
      out.add(new Violation(ExportFeature.SYNAPTIC_DELAY, null, pr.label(), "delay", "The delay of " + pr.label()
          + " (" + pr.delay() + ") is not a whole number of " + NumberText.format(dt * 1e3) + " ms steps; Loihi 2"
          + " delays whole steps: use " + NumberText.format(Math.max(1, whole) * dt * 1e3) + " ms."));
    }
  }

  /** Where netx can place a delay: on the synapses of a plain dense layer, up to 62 steps beyond the hop. */
  private static void placement(NetxLayout layout, Projection pr, double dt, List<Violation> out) {
    if (pr.delay() == null) {
      return;
    }
    long whole = Math.max(1, Math.round(pr.delay().si() / dt));
    String label = pr.label();
    if (whole <= 1) {
      return;
    }
    var target = layout.layerOf(pr.target());
    if (target.isEmpty()) {
      return;
    }
    if (target.get().populations().contains(pr.source())) {
      out.add(new Violation(ExportFeature.SYNAPTIC_DELAY, null, label, "delay", label + " runs within netx layer "
          + target.get().index() + ", whose recurrent weights act after one step: remove its delay of "
          + pr.delay() + "."));
    } else if (target.get().recurrent()) {
      out.add(new Violation(ExportFeature.SYNAPTIC_DELAY, null, label, "delay", label + " feeds netx layer "
          + target.get().index() + ", which is recurrent, and lava-dl applies a recurrent layer's input delays to its"
          + " recurrent weights as well: remove the delay of " + pr.delay() + "."));
    } else if (whole > MAX_DELAY_STEPS) {
      out.add(new Violation(ExportFeature.SYNAPTIC_DELAY, null, label, "delay", "The delay of " + label + " is "
          + whole + " steps; netx places at most " + MAX_DELAY_STEPS + "."));
    }
  }

  private static boolean sameTime(Quantity a, Quantity b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Math.abs(a.si() - b.si()) <= 1e-12 * Math.max(Math.abs(a.si()), Math.abs(b.si()));
  }

  private static String describe(Quantity q) {
    return q == null ? "none" : q.toString();
  }

  /** "netx layer 2 (KC, APL, MBON, DN)", for messages. */
  public static String describe(NetxLayout.Layer layer) {
    return String.format(Locale.ROOT, "netx layer %d (%s)", layer.index(), String.join(", ", layer.populations()));
  }
}
