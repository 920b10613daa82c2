package org.neuromechfly.dmn.engine.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.neuron.LifCells;
import org.neuromechfly.dmn.engine.neuron.LifStep;
import org.neuromechfly.dmn.engine.neuron.QuietCell;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.RefractoryMode;

/** The event-driven trial against stepping every cell in every step, and the closed forms it rests on. */
class EventDrivenSimulationTest {

  private static SpikingNetwork network(RefractoryMode mode, double rate, List<Silencing> silenced) {
    CircuitSpec spec = ShiuStyleNetwork.spec(400, 100, mode);
    Network net = ShiuStyleNetwork.network(spec, ShiuStyleNetwork.wiring(spec, 0.06, 10, 7));
    return SpikingNetwork.of(net, ShiuStyleNetwork.drive(20, rate), silenced);
  }

  @Test
  void eventDrivenTrialsSpikeExactlyAsDenseSteppingInBothRefractoryModes() {
    for (RefractoryMode mode : RefractoryMode.values()) {
      SpikingNetwork net = network(mode, 150, List.of());
      List<InputEvents> inputs = Trials.inputs(net, 5000, 3, 42);
      TrialSimulation events = new TrialSimulation(net, true);
      TrialSimulation dense = new TrialSimulation(net, false);
      long spikes = 0;
      for (InputEvents in : inputs) {
        SpikeTrain a = events.run(5000, in);
        SpikeTrain b = dense.run(5000, in);
        assertEquals(b.spikeCount(), a.spikeCount(), mode + ": spike count");
        for (int i = 0; i < a.spikeCount(); i++) {
          assertEquals(b.step(i), a.step(i), mode + ": step of spike " + i);
          assertEquals(b.cell(i), a.cell(i), mode + ": cell of spike " + i);
        }
        spikes += a.spikeCount();
        int driven = 0;
        for (int k = 0; k < 20; k++) {
          driven += a.counts()[k];
        }
        assertTrue(driven > 20 * 0.5 * 150 * 0.5, mode + ": the driven cells follow their input, " + driven);
      }
      // the recurrent network must carry activity beyond the driven cells, or the check above says little
      int[] counts = events.run(5000, inputs.get(0)).counts();
      int beyond = 0;
      for (int k = 20; k < counts.length; k++) {
        beyond += counts[k] > 0 ? 1 : 0;
      }
      assertTrue(beyond > 10, mode + ": cells active beyond the driven ones: " + beyond + " (" + spikes + " spikes)");
    }
  }

  @Test
  void freezeAndClampAreDifferentModels() {
    // strong synapses (mean 10 per connection) so that downstream cells fire at rates where the
    // refractory period matters; Shiu et al.'s input drop while refractory then lowers their rates
    long[] sums = new long[2];
    for (RefractoryMode mode : RefractoryMode.values()) {
      CircuitSpec spec = ShiuStyleNetwork.spec(400, 100, mode);
      Network net = ShiuStyleNetwork.network(spec, ShiuStyleNetwork.wiring(spec, 0.06, 10, 7));
      SpikingNetwork sn = SpikingNetwork.of(net, ShiuStyleNetwork.drive(20, 150), List.of());
      for (InputEvents in : Trials.inputs(sn, 5000, 3, 3)) {
        sums[mode.ordinal()] += sum(new TrialSimulation(sn).run(5000, in).counts(), 20);
      }
    }
    long clamp = sums[RefractoryMode.CLAMP.ordinal()];
    long freeze = sums[RefractoryMode.FREEZE.ordinal()];
    assertTrue(clamp > 1000, "downstream spikes under clamp: " + clamp);
    assertTrue(Math.abs(clamp - freeze) > 0.05 * clamp,
        "the refractory mode changes the downstream spikes: clamp " + clamp + ", freeze " + freeze);
  }

  @Test
  void silencingRemovesEveryEffectOfTheSilencedCells() {
    int[] driven = new int[20];
    java.util.Arrays.setAll(driven, i -> i);
    SpikingNetwork silent = network(RefractoryMode.FREEZE, 150, List.of(new Silencing(0, driven)));
    InputEvents in = Trials.inputs(silent, 3000, 1, 5).get(0);
    int[] counts = new TrialSimulation(silent).run(3000, in).counts();
    assertTrue(sum(counts, 0) - sum(counts, 20) > 100, "the silenced cells still fire under their drive");
    assertEquals(0, sum(counts, 20), "nothing else does: their synapses are gone");
  }

  @Test
  void trialsDoNotDependOnThreadsAndFollowTheirSeed() {
    SpikingNetwork net = network(RefractoryMode.FREEZE, 150, List.of());
    Trials one = Trials.run(net, 2000, 4, 11, 1, i -> {});
    Trials two = Trials.run(net, 2000, 4, 11, 2, i -> {});
    for (int t = 0; t < 4; t++) {
      assertArrayEquals(one.counts()[t], two.counts()[t], "trial " + t);
    }
    Trials other = Trials.run(net, 2000, 4, 12, 2, i -> {});
    assertNotEquals(sum(one.counts()[0], 0), sum(other.counts()[0], 0));
  }

  @Test
  void poissonEventsHaveTheStatedRate() {
    SpikingNetwork net = network(RefractoryMode.FREEZE, 150, List.of());
    int events = 0;
    for (InputEvents e : Trials.inputs(net, 10_000, 10, 1)) {
      events += e.size();
    }
    double rate = events / (10 * 20 * 1.0);
    assertEquals(150, rate, 150 * 0.05, "events per cell and second");
  }

  @Test
  void quietStepsInClosedFormMatchTheStep() {
    CircuitSpec spec = ShiuStyleNetwork.spec(1, 1, RefractoryMode.FREEZE);
    Network net = ShiuStyleNetwork.network(spec, ShiuStyleNetwork.wiring(spec, 0, 1, 1));
    LifCells c = net.populations().get(0).stepConstants();
    SplittableRandom r = new SplittableRandom(9);
    int[] cell = {0};
    for (int trial = 0; trial < 200; trial++) {
      double u0 = r.nextDouble(-1, 0.95);
      double s0 = r.nextDouble(-0.5, 0.5);
      int k = 1 + r.nextInt(3000);
      double[] u = {u0};
      double[] s = {s0};
      double[] v = {0};
      double[] out = {0};
      double[] zero = {0};
      double peak = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        LifStep.forwardCells(c, 0, cell, 1, zero, null, s, u, v, out);
        peak = Math.max(peak, v[0]);
        if (out[0] > 0) {
          break;
        }
      }
      double[] uc = {u0};
      double[] sc = {s0};
      if (peak <= 1) {
        QuietCell.advance(c, 0, k, uc, sc, 0);
        assertEquals(u[0], uc[0], 1e-12, "membrane after " + k + " quiet steps");
        assertEquals(s[0], sc[0], 1e-12, "current after " + k + " quiet steps");
      }
      // canCross looks beyond k; compare with a long iteration
      double[] ul = {u0};
      double[] sl = {s0};
      double longPeak = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 20_000; i++) {
        LifStep.forwardCells(c, 0, cell, 1, zero, null, sl, ul, v, out);
        longPeak = Math.max(longPeak, v[0]);
        if (out[0] > 0) {
          break;
        }
      }
      assertEquals(longPeak > 1 - 1e-9, QuietCell.canCross(c, 0, u0, s0, 1e-9),
          "can cross from u " + u0 + ", current " + s0 + " (peak " + longPeak + ")");
    }
  }

  private static int sum(int[] counts, int from) {
    int s = 0;
    for (int k = from; k < counts.length; k++) {
      s += counts[k];
    }
    return s;
  }
}
