package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.engine.loihi.Loihi2FixedPoint;
import org.neuromechfly.dmn.engine.loihi.Loihi2FixedPoint.DecayRounding;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;
import org.neuromechfly.dmn.export.loihi.LoihiQuantiser;
import org.neuromechfly.dmn.export.loihi.NetxFile;
import org.neuromechfly.dmn.export.loihi.NetxLayer;
import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;

class LoihiExportTest {
  @TempDir Path tmp;

  @Test
  void netxFileFollowsTheLayoutAndBitWidths() throws Exception {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    var result = Exports.loihi(CircuitSource.of(c), tmp.resolve("chain.net"), LoihiOptions.defaults().withReportSteps(200));
    List<NetxFile.LayerView> layers = NetxFile.read(result.file());
    assertEquals(3, layers.size());
    assertEquals(List.of("input", "dense_rec", "dense"), layers.stream().map(NetxFile.LayerView::type).toList());
    // the input is the spike source IN, one channel per cell, and no neurons of its own
    var in = layers.get(0);
    assertArrayEquals(new long[] {12}, (long[]) in.datasets().get("shape"));
    assertTrue(in.neuron().isEmpty(), "netx connects Network.inp straight to layer 1");
    assertEquals(List.of("IN"), in.populations());
    // dense_rec: (out, in) weights and (out, out) weight_rec
    var hid = layers.get(1);
    assertEquals(List.of("HID"), hid.populations());
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
    // delay: 3 ms at 1 ms = 3 steps = the one-step hop + 2, on every synapse of HID -> OUT
    var out = layers.get(2);
    long[][] delay = (long[][]) out.datasets().get("delay");
    long[][] outWeight = (long[][]) out.datasets().get("weight");
    for (int i = 0; i < delay.length; i++) {
      for (int j = 0; j < delay[i].length; j++) {
        assertEquals(outWeight[i][j] == 0 && delay[i][j] == 0 ? 0 : 2, delay[i][j]);
      }
    }
    for (var layer : layers.subList(1, 3)) {
      long iDecay = (Long) layer.neuron().get("iDecay");
      long vDecay = (Long) layer.neuron().get("vDecay");
      long vth = (Long) layer.neuron().get("vThMant");
      assertTrue(iDecay >= 1 && iDecay <= 4096, "du = iDecay - 1 fits 12 bits unsigned");
      assertTrue(vDecay >= 0 && vDecay <= 4095, "vDecay 12 bits");
      assertTrue(vth >= 1 && vth <= (1 << 17) - 1, "vThMant 17 bits");
      long[][] weight = (long[][]) layer.datasets().get("weight");
      for (long[] row : weight) {
        for (long x : row) {
          assertTrue(x >= -256 && x <= 254 && x % 2 == 0, "slayer-style 8-bit mantissa weight: " + x);
        }
      }
      if (layer.datasets().get("bias") instanceof long[] b) {
        for (long x : b) {
          assertTrue(Math.abs(x) <= 4096, "bias_mant 13 bits signed");
        }
      }
    }
    for (NetxLayer l : result.network().layers()) {
      assertTrue(l.numWeightBits() <= 8, l.populationNames() + " needs " + l.numWeightBits() + " weight bits");
    }
    // decays: no synaptic current -> iDecay 4096 (u decays fully each step); tau_syn 5 ms -> 4096(1-e^-0.2)
    assertEquals(4096L, out.neuron().get("iDecay"));
    assertEquals(Math.round(4096 * (1 - Math.exp(-0.2))), hid.neuron().get("iDecay"));
    assertEquals(Math.round(4096 * (1 - Math.exp(-0.05))), hid.neuron().get("vDecay"));
    assertEquals(Math.round(4096 * (1 - Math.exp(-1.0 / 15))), out.neuron().get("vDecay"));
    var sim = NetxFile.simulation(result.file());
    assertEquals(1.0, sim.get("Ts"));
    assertTrue(Files.readString(result.reportFile()).contains("\"agreement\""));
  }

  @Test
  void decayRoundingFollowsTheChosenFormula() {
    assertEquals(200, Loihi2FixedPoint.voltageDecay(0.020, 0.001, DecayRounding.ENGINE_EXACT)); // 4096·(1 − e^−0.05) = 199.8
    assertEquals(205, Loihi2FixedPoint.voltageDecay(0.020, 0.001, DecayRounding.SLAYER)); // 4096·0.05 = 204.8
    assertEquals(4095, Loihi2FixedPoint.voltageDecay(0.0001, 0.001, DecayRounding.SLAYER), "clamped to 12 bits");
    assertEquals(4096, Loihi2FixedPoint.currentDecay(0, 0.001, DecayRounding.ENGINE_EXACT), "no synaptic current");
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

  /** KC -> APL -> KC: the loop shares one dense_rec layer; the graded APL becomes a spiking cell. */
  @Test
  void loopBetweenPopulationsSharesARecurrentLayer() throws Exception {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.loop(), tmp));
    var result = Exports.loihi(CircuitSource.of(c), tmp.resolve("loop.net"), LoihiOptions.defaults().withReportSteps(300));
    var layers = NetxFile.read(result.file());
    assertEquals(List.of("input", "dense_rec", "dense"), layers.stream().map(NetxFile.LayerView::type).toList());
    assertEquals(List.of("PN"), layers.get(0).populations());
    assertEquals(List.of("KC", "APL"), layers.get(1).populations());
    assertEquals(List.of("MBON"), layers.get(2).populations());
    long[][] rec = (long[][]) layers.get(1).datasets().get("weight_rec");
    assertEquals(21, rec.length);
    // KC cells 0..19, APL cell 20: KC -> APL excitatory in row 20, APL -> KC inhibitory in column 20
    for (int k = 0; k < 20; k++) {
      assertTrue(rec[20][k] >= 0, "KC -> APL");
      assertTrue(rec[k][20] < 0, "APL -> KC");
      for (int j = 0; j < 20; j++) {
        assertEquals(0, rec[k][j], "no KC -> KC");
      }
    }
    assertTrue(result.network().warnings().stream().anyMatch(w -> w.contains("APL is graded")), result.network().warnings().toString());
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
    assertEquals(ExportTarget.LOIHI2_NETX, e.target());
    assertEquals(ExportFeature.PER_NEURON_TAU, e.feature());
    assertTrue(e.getMessage().contains("netx layer 1 (HID) has one voltage decay"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("t.net")), "nothing written on failure");
    var lenient = Exports.loihi(CircuitSource.of(varied), tmp.resolve("t.net"),
        LoihiOptions.defaults().lenient().withReportSteps(100));
    assertTrue(lenient.network().warnings().stream().anyMatch(w -> w.contains("median")));
  }

  /** Populations that share a layer must share its decay: different τ is refused, naming both. */
  @Test
  void differentTimeConstantsInOneLayerAreRefused() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.loop(), tmp));
    PopulationParameters apl = c.population("APL");
    double[] tau = apl.tauMem().clone();
    java.util.Arrays.fill(tau, 0.020);
    var pops = c.populations().stream()
        .map(p -> p == apl ? new PopulationParameters(p.population(), tau, p.tauSyn(), p.threshold(), p.bias()) : p)
        .toList();
    var e = assertThrows(ExportException.class, () -> Exports.loihi(
        CircuitSource.of(new CircuitParameters(c.spec(), c.dt(), pops, c.projections(), "test")), tmp.resolve("x.net"),
        LoihiOptions.defaults()));
    assertEquals(ExportFeature.LAYER_TIME_CONSTANTS, e.feature());
    assertTrue(e.getMessage().contains("KC 10.00 ms, APL 20.00 ms"), e.getMessage());
  }

  @Test
  void perNeuronThresholdsAreFoldedIntoTheScale() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    PopulationParameters out = c.population("OUT");
    double[] theta = out.threshold().clone();
    theta[1] = 0.4; // half of the layer's 0.8
    var pops = c.populations().stream()
        .map(p -> p == out ? new PopulationParameters(p.population(), p.tauMem(), p.tauSyn(), theta, p.bias()) : p)
        .toList();
    CircuitParameters varied = new CircuitParameters(c.spec(), c.dt(), pops, c.projections(), "test");
    NetxLayer layer = LoihiQuantiser.quantise(varied, LoihiOptions.defaults()).layers().get(1);
    double[] scale = layer.cells().scale();
    assertEquals(2.0, scale[1] / scale[0], 1e-12, "a cell at half the threshold runs at twice the scale");
    assertEquals(0, layer.quantisation().thresholdMax(), 1e-12, "thresholds are exact: vThMant·64 / scale = θ");
    assertNull(layer.weightRec());
    // the cell at half the threshold sets the scale, so the others round on a grid twice as coarse
    assertFalse(layer.quantisation().weightMax() > 1.0 / 127 + 1e-9,
        "weights round to within a mantissa step of the layer's largest: " + layer.quantisation());
  }
}
