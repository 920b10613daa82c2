package org.neuromechfly.dmn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.OdourPlume;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.Point;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSlice;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;
import org.neuromechfly.dmn.model.Wind;

/** A small olfactory circuit (ORN → PN → KC ↔ APL → MBON → DN) for numerical tests. */
public final class TinyCircuit {
  private TinyCircuit() {}

  public static Quantity ms(double v) {
    return Quantity.of(v, Unit.MILLISECOND);
  }

  public static Quantity mm(double v) {
    return Quantity.of(v, Unit.MILLIMETRE);
  }

  static Population pop(String name, String type, int count, NeuronModel m, ParameterSharing sharing) {
    return new Population(name, type, count, m,
        List.of(LearnableParameter.TAU_MEM, LearnableParameter.TAU_SYN, LearnableParameter.THRESHOLD,
            LearnableParameter.BIAS), sharing);
  }

  static NeuronModel lif(double tau, Double tauSyn, ResetMode reset, double bias) {
    return new NeuronModel(ms(tau), tauSyn == null ? null : ms(tauSyn), 1.0, 0.0, ms(0), reset, false, bias);
  }

  /** The spec: smooth-friendly sizes, mixed sharing, synaptic currents, both resets, a graded APL. */
  public static CircuitSpec spec(int steps, GradientPath path) {
    List<Population> pops = List.of(
        pop("ORN", "ORN", 4, lif(8, null, ResetMode.SUBTRACT, 0.3), ParameterSharing.PER_NEURON),
        pop("PN", "uPN", 3, lif(10, 5.0, ResetMode.SUBTRACT, 0.2), ParameterSharing.PER_POPULATION),
        pop("KC", "KC", 6, lif(12, null, ResetMode.ZERO, 0.1), ParameterSharing.PER_NEURON),
        pop("APL", "APL", 1, new NeuronModel(ms(6), null, 1, 0, ms(0), ResetMode.SUBTRACT, true, 0.05),
            ParameterSharing.PER_POPULATION),
        pop("MBON", "MBON", 3, lif(9, 4.0, ResetMode.SUBTRACT, 0.2), ParameterSharing.PER_CELL_TYPE),
        pop("DN", "DN", 4, lif(7, null, ResetMode.SUBTRACT, 0.3), ParameterSharing.PER_NEURON));
    List<Projection> prs = List.of(
        proj("ORN", "PN", Sign.EXCITATORY, null),
        proj("PN", "KC", Sign.EXCITATORY, null),
        proj("KC", "APL", Sign.EXCITATORY, null),
        proj("APL", "KC", Sign.INHIBITORY, null),
        proj("KC", "MBON", Sign.EXCITATORY, ms(2)),
        proj("MBON", "DN", Sign.EXCITATORY, null),
        proj("DN", "DN", Sign.INHIBITORY, null));
    NavigationTask task = new NavigationTask(mm(200), mm(200), new Point(mm(150), mm(100)), gaussian(mm(40)), null,
        new Point(mm(60), mm(100)), mm(30), steps, ms(1), ms(3), null, null, new PopulationSlice("DN", 0, 1),
        new PopulationSlice("DN", 2, 3), Quantity.of(300, Unit.MILLIMETRE_PER_SECOND),
        Quantity.of(8, Unit.RADIAN_PER_SECOND), 0.8, mm(15), 0, path);
    List<LossTerm> losses = List.of(
        new LossTerm.Navigation(1.0, mm(10)),
        new LossTerm.Energy(0.1),
        new LossTerm.Sparsity(0.01, "KC", Quantity.of(20, Unit.PERCENT)),
        new LossTerm.Activity(0.01, Quantity.of(5, Unit.HERTZ), Quantity.of(150, Unit.HERTZ)));
    return new CircuitSpec("Tiny", null, List.of(), pops, prs, task, losses, TrainingSpec.defaults(), null);
  }

  /** A Gaussian plume of the given width (the puff settings unused). */
  public static OdourPlume gaussian(Quantity sigma) {
    return new OdourPlume(PlumeModel.GAUSSIAN, sigma, Quantity.of(10, Unit.HERTZ),
        Quantity.of(50, Unit.SQUARE_MILLIMETRE_PER_SECOND), Quantity.of(20, Unit.MILLIMETRE_PER_SECOND));
  }

  static Projection proj(String s, String t, Sign sign, Quantity delay) {
    return new Projection(s, t, new Connectivity.Dense(), sign, null, new WeightInit.Uniform(0.2, 1.0), true, delay);
  }

  /** Random wiring: about 70 % of pairs connected, magnitudes uniform in [lo, hi]. */
  public static List<EdgeArrays> wiring(CircuitSpec spec, long seed, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    List<EdgeArrays> out = new ArrayList<>();
    for (Projection p : spec.projections()) {
      int ns = spec.population(p.source()).orElseThrow().count();
      int nt = spec.population(p.target()).orElseThrow().count();
      int[] rowPtr = new int[nt + 1];
      List<Integer> src = new ArrayList<>();
      List<Float> mag = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        for (int s = 0; s < ns; s++) {
          if (r.nextDouble() < 0.7 && !(p.recurrent() && s == t)) {
            src.add(s);
            mag.add((float) (lo + (hi - lo) * r.nextDouble()));
          }
        }
        rowPtr[t + 1] = src.size();
      }
      int[] si = src.stream().mapToInt(Integer::intValue).toArray();
      float[] m = new float[mag.size()];
      for (int i = 0; i < m.length; i++) {
        m[i] = mag.get(i);
      }
      out.add(new EdgeArrays(p, ns, nt, rowPtr, si, m, p.sign().factor()));
    }
    return out;
  }

  /**
   * The same circuit with refractory periods (milliseconds) on the named populations.
   */
  public static CircuitSpec withRefractory(CircuitSpec spec, java.util.Map<String, Double> refractoryMs) {
    List<Population> pops = new ArrayList<>();
    for (Population p : spec.populations()) {
      Double ms = refractoryMs.get(p.name());
      if (ms == null) {
        pops.add(p);
        continue;
      }
      NeuronModel m = p.neuron();
      pops.add(new Population(p.name(), p.cellType(), p.count(),
          new NeuronModel(m.tauMem(), m.tauSyn(), m.threshold(), m.reset(), ms(ms), m.resetMode(), m.graded(), m.bias()),
          p.learned(), p.sharing()));
    }
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), pops, spec.projections(),
        spec.task(), spec.losses(), spec.training(), spec.exports());
  }

  /**
   * The circuit as a model trained for Loihi 2 must be ({@code target loihi2}): on-chip cells spike
   * and reset to 0, KC and APL (one netx layer) share τ, and no on-chip population learns a τ of its
   * own per neuron or within a shared layer. ORN stays the spike source, as it was.
   */
  public static CircuitSpec forLoihi(CircuitSpec spec) {
    List<Population> pops = new ArrayList<>();
    for (Population p : spec.populations()) {
      NeuronModel m = p.neuron();
      if (p.name().equals("ORN")) {
        pops.add(p);
        continue;
      }
      Quantity tau = p.name().equals("APL") ? ms(12) : m.tauMem();
      boolean ownLayer = !p.name().equals("KC") && !p.name().equals("APL");
      List<LearnableParameter> learned = ownLayer && p.sharing() != ParameterSharing.PER_NEURON ? p.learned()
          : List.of(LearnableParameter.THRESHOLD, LearnableParameter.BIAS);
      pops.add(new Population(p.name(), p.cellType(), p.count(),
          new NeuronModel(tau, m.tauSyn(), m.threshold(), 0.0, m.refractory(), ResetMode.ZERO, false, m.bias()),
          learned, p.sharing()));
    }
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), pops, spec.projections(),
        spec.task(), spec.losses(), spec.training().toBuilder().target(org.neuromechfly.dmn.model.TrainingTarget.LOIHI2)
            .build(), spec.exports());
  }

  /** The same circuit with the projection {@code label} (e.g. {@code "KC -> MBON"}) delayed by {@code ms}. */
  public static CircuitSpec withDelay(CircuitSpec s, String label, double ms) {
    List<Projection> prs = new ArrayList<>();
    for (Projection p : s.projections()) {
      prs.add(p.label().equals(label)
          ? new Projection(p.source(), p.target(), p.connectivity(), p.sign(), p.transmitter(), p.weight(),
              p.learnable(), ms(ms))
          : p);
    }
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), s.populations(), prs, s.task(), s.losses(),
        s.training(), s.exports());
  }

  /** The same circuit trained with truncated BPTT over windows of {@code window} steps. */
  public static CircuitSpec withWindow(CircuitSpec spec, int window) {
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), spec.populations(),
        spec.projections(), spec.task(), spec.losses(), spec.training().toBuilder().bpttWindow(window).build(),
        spec.exports());
  }

  /**
   * The same circuit in a wind-borne plume of puffs, with a wind-sensing population WIND (4 cells,
   * Johnston's organ neurons) feeding the DNs: for gradient checks of the whole world.
   */
  public static CircuitSpec withWindAndPuffs(CircuitSpec spec, double windMmPerS) {
    List<Population> pops = new ArrayList<>(spec.populations());
    pops.add(pop("WIND", "JON", 4, lif(8, null, ResetMode.SUBTRACT, 0.2), ParameterSharing.PER_NEURON));
    List<Projection> prs = new ArrayList<>(spec.projections());
    prs.add(proj("WIND", "DN", Sign.EXCITATORY, null));
    NavigationTask t = (NavigationTask) spec.task();
    NavigationTask task = t.toBuilder()
        .plume(new OdourPlume(PlumeModel.PUFFS, mm(6), Quantity.of(20, Unit.HERTZ),
            Quantity.of(200, Unit.SQUARE_MILLIMETRE_PER_SECOND), Quantity.of(30, Unit.MILLIMETRE_PER_SECOND)))
        .wind(new Wind(Quantity.of(windMmPerS, Unit.MILLIMETRE_PER_SECOND), Quantity.of(0, Unit.DEGREE)))
        .windSensors("WIND")
        .build();
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), pops, prs, task, spec.losses(),
        spec.training(), spec.exports());
  }
}
