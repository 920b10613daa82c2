package org.neuromechfly.dmn.export;

import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;
import org.neuromechfly.dmn.export.loihi.LoihiQuantiser;
import org.neuromechfly.dmn.export.loihi.NetxFile;
import org.neuromechfly.dmn.export.loihi.NetxLayer;

class LoihiExportTest {
  @TempDir Path tmp;

  @Test
  void netxFileFollowsTheLayoutAndBitWidths() throws Exception {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    var result = Exports.loihi(CircuitSource.of(c), tmp.resolve("chain.net"), LoihiOptions.defaults().withReportSteps(200));
    List<NetxFile.LayerView> layers = NetxFile.read(result.file());
    assertEquals(3, layers.size());
    assertEquals(List.of("input", "dense_rec", "dense"), layers.stream().map(NetxFile.LayerView::type).toList());
    // input layer: shape, scalar transform weight and bias, CUBA neuron
    var in = layers.get(0);
    assertArrayEquals(new long[] {12}, (long[]) in.datasets().get("shape"));
    assertTrue(in.datasets().get("weight") instanceof Long);
    assertEquals("CUBA", in.neuron().get("type"));
    // dense_rec: (out, in) weights and (out, out) weight_rec
    var hid = layers.get(1);
    assertEquals(12L, hid.datasets().get("inFeatures"));
    assertEquals(10L, hid.datasets().get("outFeatures"));
    long[][] w = (long[][]) hid.datasets().get("weight");
    assertEquals(10, w.length);
    assertEquals(12, w[0].length);
    long[][] rec = (long[][]) hid.datasets().get("weight_rec");
    assertEquals(10, rec.length);
    assertEquals(10, rec[0].length);
    assertTrue(java.util.Arrays.stream(rec).flatMapToLong(java.util.Arrays::stream).allMatch(x -> x <= 0),
        "inhibitory recurrence stays non-positive");
    // delay: 3 ms at 1 ms = 3 steps = the one-step hop + 2
    var out = layers.get(2);
    assertArrayEquals(new long[] {2, 2, 2, 2, 2, 2}, (long[]) out.datasets().get("delay"));
    for (var layer : layers) {
      long iDecay = (Long) layer.neuron().get("iDecay");
      long vDecay = (Long) layer.neuron().get("vDecay");
      long vth = (Long) layer.neuron().get("vThMant");
      assertTrue(iDecay >= 1 && iDecay <= 4096, "du = iDecay - 1 fits 12 bits unsigned");
      assertTrue(vDecay >= 0 && vDecay <= 4095, "vDecay 12 bits");
      assertTrue(vth >= 1 && vth <= (1 << 17) - 1, "vThMant 17 bits");
      if (layer.index() > 0) {
        long[][] weight = (long[][]) layer.datasets().get("weight");
        for (long[] row : weight) {
          for (long x : row) {
            assertTrue(x >= -256 && x <= 254 && x % 2 == 0, "slayer-style 8-bit mantissa weight: " + x);
          }
        }
        if (layer.datasets().get("bias") instanceof long[] b) {
          for (long x : b) {
            assertTrue(Math.abs(x) <= 4095, "bias_mant 13 bits signed");
          }
        }
      }
    }
    for (NetxLayer l : result.network().layers()) {
      if (l.index() > 0) {
        assertTrue(l.numWeightBits() <= 8, l.population() + " needs " + l.numWeightBits() + " weight bits");
      }
    }
    // decays: no synaptic current -> iDecay 4096 (u decays fully each step); tau_syn 5 ms -> 4096(1-e^-0.2)
    assertEquals(4096L, in.neuron().get("iDecay"));
    assertEquals(Math.round(4096 * (1 - Math.exp(-0.2))), hid.neuron().get("iDecay"));
    assertEquals(Math.round(4096 * (1 - Math.exp(-0.05))), hid.neuron().get("vDecay"));
    assertEquals(Math.round(4096 * (1 - Math.exp(-0.1))), in.neuron().get("vDecay"));
    var sim = NetxFile.simulation(result.file());
    assertEquals(1.0, sim.get("Ts"));
    assertTrue(Files.readString(result.reportFile()).contains("\"agreement\""));
  }

  @Test
  void decayRoundingFollowsTheChosenFormula() {
    LoihiOptions exact = LoihiOptions.defaults();
    LoihiOptions slayer = exact.withDecayRounding(LoihiOptions.DecayRounding.SLAYER);
    assertEquals(200, LoihiQuantiser.decay(0.020, 0.001, exact)); // 4096·(1 − e^−0.05) = 199.8
    assertEquals(205, LoihiQuantiser.decay(0.020, 0.001, slayer)); // 4096·0.05 = 204.8
    assertEquals(4095, LoihiQuantiser.decay(0.0001, 0.001, slayer), "clamped to 12 bits");
  }

  @Test
  void optimizeWeightBitsMatchesNetx() {
    // mixed signs in [-256, 254] step 2: 8 bits, exponent 0 (as netx derives for slayer's weights)
    assertArrayEquals(new int[] {8, 0}, LoihiQuantiser.optimizeWeightBits(new int[][] {{-256, 254, 2}}));
    // excitatory only, max 254 even: 7 bits
    assertArrayEquals(new int[] {7, 0}, LoihiQuantiser.optimizeWeightBits(new int[][] {{0, 254, 2}}));
    // odd mixed weights would need 9 bits: the reason we write even integers
    assertEquals(9, LoihiQuantiser.optimizeWeightBits(new int[][] {{-255, 253, 1}})[0]);
  }

  @Test
  void loopThroughAnotherPopulationIsRejectedNamingFeatureAndTarget() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.loop(), tmp));
    var e = assertThrows(ExportException.class,
        () -> Exports.loihi(CircuitSource.of(c), tmp.resolve("loop.net"), LoihiOptions.defaults()));
    assertEquals(ExportTarget.LOIHI2_NETX, e.target());
    assertEquals(ExportFeature.LOOP_BETWEEN_POPULATIONS, e.feature());
    assertTrue(e.getMessage().startsWith("Loihi 2 (lava-dl netx): loops between populations"), e.getMessage());
    assertTrue(e.getMessage().contains("KC -> APL -> KC"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("loop.net")), "nothing written on failure");
  }

  @Test
  void perNeuronTauIsRejectedOrApproximatedByPolicy() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    PopulationParameters hid = c.population("HID");
    double[] tau = hid.tauMem().clone();
    tau[0] = 0.030;
    var pops = c.populations().stream()
        .map(p -> p == hid ? new PopulationParameters(p.population(), tau, p.tauSyn(), p.threshold(), p.bias()) : p)
        .toList();
    CircuitParameters varied = new CircuitParameters(c.spec(), c.dt(), pops, c.projections(), "test");
    var e = assertThrows(ExportException.class,
        () -> Exports.loihi(CircuitSource.of(varied), tmp.resolve("t.net"), LoihiOptions.defaults()));
    assertEquals(ExportFeature.PER_NEURON_TAU, e.feature());
    assertTrue(e.getMessage().contains("population HID has per-cell tau_mem"), e.getMessage());
    var lenient = Exports.loihi(CircuitSource.of(varied), tmp.resolve("t.net"),
        LoihiOptions.defaults().lenient().withReportSteps(100));
    assertTrue(lenient.network().warnings().stream().anyMatch(w -> w.contains("median")));
  }

  @Test
  void perNeuronThresholdsAreFoldedIntoWeights() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    PopulationParameters out = c.population("OUT");
    double[] theta = out.threshold().clone();
    theta[1] = 0.4; // half of the layer's 0.8
    var pops = c.populations().stream()
        .map(p -> p == out ? new PopulationParameters(p.population(), p.tauMem(), p.tauSyn(), theta, p.bias()) : p)
        .toList();
    CircuitParameters varied = new CircuitParameters(c.spec(), c.dt(), pops, c.projections(), "test");
    NetxLayer layer = LoihiQuantiser.quantise(varied, LoihiOptions.defaults()).layers().get(2);
    assertEquals(2.0, layer.thresholdFold()[1], 1e-12);
    assertEquals(1.0, layer.thresholdFold()[0], 1e-12);
    assertNull(layer.weightRec());
  }
}
