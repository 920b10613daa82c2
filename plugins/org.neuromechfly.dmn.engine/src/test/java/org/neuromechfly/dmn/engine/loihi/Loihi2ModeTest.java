package org.neuromechfly.dmn.engine.loihi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.LoihiCells;
import org.neuromechfly.dmn.engine.neuron.PositiveParameter;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.ReplayedSensing;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * Training for Loihi 2 ({@code target loihi2}): the network runs the integers Loihi runs, and its
 * gradient is that of the float network at those integers (the straight-through estimator).
 */
class Loihi2ModeTest {
  private static final int STEPS = 80;
  private static final int BATCH = 2;

  private static NetworkOptions options() {
    return new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 4.0), false, 1e-3,
        Magnitude.ABS, new SynapseLayout(SynapseLayout.Kind.SPARSE, 0.5, 0));
  }

  private static CircuitSpec spec() {
    return TinyCircuit.forLoihi(TinyCircuit.spec(STEPS, GradientPath.MOTOR_ONLY));
  }

  private static OdourWorld world(CircuitSpec spec) {
    NavigationTask task = (NavigationTask) spec.task();
    WorldSettings ws = WorldSettings.defaults().toBuilder().ornGain(30).build();
    OdourWorld world = new OdourWorld(spec, task, ws, BATCH, PathLosses.of(spec, task, ws));
    world.setStarts(StartPositions.draw(task, BATCH, 3), 11);
    return world;
  }

  @Test
  void onChipPopulationsRunLoihiIntegersAndTheSpikeSourceStaysFloat() {
    CircuitSpec spec = spec();
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 0.3, 1.5);
    Network network = new Network(spec, wiring, 1e-3, options());
    assertTrue(network.trainsForLoihi());
    for (LifPopulation p : network.populations()) {
      if (p.name().equals("ORN")) {
        assertNull(p.loihi(), "the spike source runs off-chip, in float");
        continue;
      }
      LoihiCells h = p.loihi();
      assertNotNull(h, p.name());
      assertEquals(1 - h.vDecay() / 4096.0, p.beta(0), 0, "the backward pass uses the 12-bit decay");
      for (int n = 0; n < p.cells(); n++) {
        assertEquals(h.vThMant() * 64.0 / h.scale()[n], p.threshold(n), 1e-12 * p.threshold(n),
            "thresholds are exact: vThMant·2⁶ = θ·scale");
      }
    }
    // KC and APL share netx layer 2: one decay and one threshold mantissa
    LoihiCells kc = network.populations().get(network.populationIndex("KC")).loihi();
    LoihiCells apl = network.populations().get(network.populationIndex("APL")).loihi();
    assertEquals(kc.vDecay(), apl.vDecay());
    assertEquals(kc.vThMant(), apl.vThMant());
    for (Synapses s : network.synapses()) {
      double[] scale = network.populations().get(s.targetPopulation()).loihi().scale();
      double leak = network.populations().get(s.targetPopulation()).loihi().vDecay() / 4096.0;
      int[] target = s.edges().targetIndex();
      for (int e = 0; e < target.length; e++) {
        double units = s.forwardWeight(e) * leak * scale[target[e]] / 64;
        long integer = Math.round(units);
        assertEquals(integer, units, 1e-6, s.label() + ": forward weights are Loihi integers");
        assertTrue(integer % 2 == 0 && integer >= -256 && integer <= 254, s.label() + ": " + integer);
        assertEquals(Math.signum(s.weight(e)), Math.signum(s.forwardWeight(e)) == 0 ? Math.signum(s.weight(e))
            : Math.signum(s.forwardWeight(e)), s.label() + ": quantisation keeps the sign");
      }
    }
  }

  /**
   * The engine's Loihi mode against Lava's equations written out here on integers (u, v, weights,
   * bias and threshold as Lava holds them): the same spikes at every step. (Against Lava itself:
   * the export module's {@code LavaBundleCheck}.)
   */
  @Test
  void spikesMatchLavasIntegerEquations() {
    CircuitSpec spec = spec();
    Network network = new Network(spec, TinyCircuit.wiring(spec, 7, 0.3, 1.5), 1e-3, options());
    BpttKernel kernel = new BpttKernel(network, STEPS, BATCH);
    kernel.forward(world(spec), ActivityObjective.NONE);
    NetworkActivity a = kernel.activity();
    int pops = network.populations().size();
    long[][] u = new long[pops][];
    long[][] v = new long[pops][];
    boolean[][][] spikes = new boolean[pops][STEPS][];
    for (int p = 0; p < pops; p++) {
      u[p] = new long[BATCH * network.populations().get(p).cells()];
      v[p] = new long[u[p].length];
    }
    long compared = 0;
    long fired = 0;
    for (int t = 0; t < STEPS; t++) {
      for (int p = 0; p < pops; p++) {
        LifPopulation pop = network.populations().get(p);
        int cells = pop.cells();
        spikes[p][t] = new boolean[BATCH * cells];
        if (pop.loihi() == null) { // spike source: as recorded
          for (int k = 0; k < spikes[p][t].length; k++) {
            spikes[p][t][k] = a.state(p).output(t, k / cells, k % cells) != 0;
          }
          continue;
        }
        LoihiCells h = pop.loihi();
        long[] act = new long[BATCH * cells];
        for (Synapses s : network.synapses()) {
          int from = t - s.delay();
          if (s.targetPopulation() != p || from < 0) {
            continue;
          }
          int src = s.sourcePopulation();
          int srcCells = network.populations().get(src).cells();
          int[] target = s.edges().targetIndex();
          for (int b = 0; b < BATCH; b++) {
            for (int e = 0; e < target.length; e++) {
              if (spikes[src][from][b * srcCells + s.edges().sourceIndex()[e]]) {
                act[b * cells + target[e]] += Math.round(s.forwardWeight(e) * h.vDecay() / 4096.0 * h.scale()[target[e]] / 64);
              }
            }
          }
        }
        for (int k = 0; k < act.length; k++) {
          int n = k % cells;
          u[p][k] = LoihiCells.wrapCurrent(LoihiCells.decay(u[p][k], h.iDecay()) + (act[k] << 6));
          v[p][k] = LoihiCells.clipVoltage(LoihiCells.decay(v[p][k], h.vDecay()) + u[p][k] + ((long) h.biasMant()[n] << 6));
          spikes[p][t][k] = v[p][k] > ((long) h.vThMant() << 6);
          if (spikes[p][t][k]) {
            v[p][k] = 0;
            fired++;
          }
          assertEquals(spikes[p][t][k], a.state(p).output(t, k / cells, n) != 0, pop.name() + " cell " + n + " step " + t);
          compared++;
        }
      }
    }
    assertTrue(fired > 50, "the check needs spikes: " + fired + " of " + compared);
  }

  /**
   * The straight-through estimator: in Loihi mode the gradient of the loss is that of the float network
   * whose decays, weights and biases are the quantised values (each rounding passes the gradient
   * through unchanged), evaluated on the same spikes. Checked against such a float network, built from
   * the Loihi network's integers; their forward passes differ only by Loihi's truncation of the decays
   * (≤ one integer step per update), so the gradients agree closely but not to rounding.
   */
  @Test
  void gradientIsTheFloatGradientAtTheQuantisedValues() {
    CircuitSpec spec = spec();
    List<EdgeArrays> wiring = TinyCircuit.wiring(spec, 7, 0.3, 1.5);
    Network loihi = new Network(spec, wiring, 1e-3, options());
    CircuitSpec floatSpec = new CircuitSpec(spec.name(), null, spec.connectomes(), spec.populations(),
        spec.projections(), spec.task(), spec.losses(), spec.training().toBuilder().target(null).build(), null);
    Network plain = new Network(floatSpec, wiring, 1e-3, options());
    atQuantisedValues(loihi, plain);
    ReplayedSensing sensing = new ReplayedSensing(world(spec));
    List<double[]> g1 = gradients(loihi, spec, sensing);
    List<double[]> g2 = gradients(plain, floatSpec, sensing);
    for (int p = 0; p < loihi.populations().size(); p++) {
      for (int t = 0; t < STEPS; t++) {
        for (int b = 0; b < BATCH; b++) {
          for (int n = 0; n < loihi.populations().get(p).cells(); n++) {
            assertEquals(last[0].state(p).output(t, b, n), last[1].state(p).output(t, b, n),
                "same spikes: " + loihi.populations().get(p).name());
          }
        }
      }
    }
    List<Parameter> a = loihi.parameters().all();
    List<Parameter> f = plain.parameters().all();
    double worst = 0;
    int checked = 0;
    for (int k = 0; k < a.size(); k++) {
      if (!a.get(k).learnable()) {
        continue;
      }
      double[] ga = g1.get(k).clone();
      double[] gf = g2.get(k).clone();
      if (a.get(k).name().endsWith(".tau_mem") || a.get(k).name().endsWith(".tau_syn")) {
        toDecayGradient(a.get(k), ga);
        toDecayGradient(f.get(k), gf);
      }
      double diff = 0;
      double norm = 0;
      for (int i = 0; i < ga.length; i++) {
        diff += (ga[i] - gf[i]) * (ga[i] - gf[i]);
        norm += gf[i] * gf[i];
      }
      if (norm > 1e-18) {
        double rel = Math.sqrt(diff / norm);
        System.out.printf("%-20s |g| %.3e rel %.2e%n", a.get(k).name(), Math.sqrt(norm), rel);
        worst = Math.max(worst, rel);
        checked++;
      }
    }
    assertTrue(checked >= 8, "parameters with a gradient: " + checked);
    assertTrue(worst < 1e-3, "worst relative difference " + worst);
  }

  private final NetworkActivity[] last = new NetworkActivity[2];

  private List<double[]> gradients(Network network, CircuitSpec spec, ReplayedSensing sensing) {
    BpttKernel kernel = new BpttKernel(network, STEPS, BATCH);
    network.parameters().zeroGradients();
    ActivityTerms objective = new ActivityTerms(network, spec.losses());
    kernel.forward(sensing, objective);
    kernel.backward(sensing, objective);
    last[network.trainsForLoihi() ? 0 : 1] = kernel.activity();
    List<double[]> out = new ArrayList<>();
    for (Parameter p : network.parameters().all()) {
      out.add(p.gradient().clone());
    }
    return out;
  }

  /** d loss/d raw τ → d loss/dβ (or α): divides out dβ/dτ·dτ/d raw at the parameter's own τ. */
  private static void toDecayGradient(Parameter p, double[] g) {
    for (int i = 0; i < g.length; i++) {
      double tau = PositiveParameter.value(p.value()[i], 1e-3);
      double dbeta = Math.exp(-1e-3 / tau) * 1e-3 / (tau * tau) * PositiveParameter.derivative(p.value()[i]);
      g[i] /= dbeta;
    }
  }

  /** Sets the float network's raw values to the Loihi network's quantised ones. */
  private static void atQuantisedValues(Network loihi, Network plain) {
    for (int p = 0; p < loihi.populations().size(); p++) {
      LifPopulation q = loihi.populations().get(p);
      LoihiCells h = q.loihi();
      if (h == null) {
        continue;
      }
      String name = q.name();
      double beta = 1 - h.vDecay() / 4096.0;
      set(plain, name, "tau_mem", i -> PositiveParameter.raw(-1e-3 / Math.log(beta), 1e-3));
      if (q.synaptic()) {
        double alpha = 1 - h.iDecay() / 4096.0;
        set(plain, name, "tau_syn", i -> PositiveParameter.raw(-1e-3 / Math.log(alpha), 1e-3));
      }
      set(plain, name, "bias", i -> h.biasMant()[i] * 64.0 / ((1 - beta) * h.scale()[i]));
    }
    for (int s = 0; s < loihi.synapses().size(); s++) {
      Synapses a = loihi.synapses().get(s);
      Synapses b = plain.synapses().get(s);
      for (int e = 0; e < a.edges().edgeCount(); e++) {
        b.rawMagnitudes().value()[e] = Math.abs(a.forwardWeight(e)) / b.scale();
      }
    }
    plain.prepare();
    for (int s = 0; s < loihi.synapses().size(); s++) {
      for (int e = 0; e < loihi.synapses().get(s).edges().edgeCount(); e++) {
        assertEquals(loihi.synapses().get(s).forwardWeight(e), plain.synapses().get(s).weight(e),
            1e-12 * Math.abs(plain.synapses().get(s).weight(e)) + 1e-15);
      }
    }
    assertFalse(plain.trainsForLoihi());
  }

  private static void set(Network network, String population, String what, java.util.function.IntToDoubleFunction value) {
    Parameter par = network.parameters().all().stream()
        .filter(p -> p.name().endsWith("." + what) && (p.name().startsWith(population + ".")
            || p.name().startsWith("type:")))
        .filter(p -> p.name().startsWith(population + ".") || p.name().equals("type:" + population + "." + what))
        .findFirst().orElseThrow(() -> new AssertionError("no " + population + "." + what));
    for (int i = 0; i < par.size(); i++) {
      par.value()[i] = value.applyAsDouble(i);
    }
  }
}
