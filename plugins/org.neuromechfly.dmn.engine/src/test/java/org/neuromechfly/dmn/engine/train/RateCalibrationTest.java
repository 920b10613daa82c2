package org.neuromechfly.dmn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.SurrogateKind;

/** The initial calibration brings each named population near its target rate, deterministically. */
class RateCalibrationTest {

  @Test
  void reachesTargetRates() {
    CircuitSpec spec = TinyCircuit.spec(50, GradientPath.MOTOR_ONLY);
    Map<String, Double> targets = Map.of("ORN", 60.0, "PN", 40.0, "KC", 20.0, "MBON", 30.0);
    Map<String, Double> first = calibrate(spec, targets);
    for (var t : targets.entrySet()) {
      assertEquals(t.getValue(), first.get("hz:" + t.getKey()), 0.25 * t.getValue(), t.getKey() + " " + first);
    }
    assertEquals(first, calibrate(spec, targets));
  }

  @Test
  void describesWhatWasSetAndReachedInPopulationOrder() {
    Map<String, Double> result = new java.util.LinkedHashMap<>();
    result.put("bias:ORN", 0.131073);
    result.put("hz:ORN", 50.2083);
    result.put("scale:PN", 20.8405);
    result.put("hz:PN", 39.9944);
    assertEquals("ORN bias 0.131 -> 50.2 Hz, PN input x20.8 -> 40.0 Hz", RateCalibration.describe(result));
  }

  @Test
  void saysWhichTargetsItMissedAndWhy() {
    Map<String, Double> result = new java.util.LinkedHashMap<>();
    result.put("bias:ORN", -4.9995);
    result.put("hz:ORN", 125.4);
    result.put("scale:PN", 20.8405);
    result.put("hz:PN", 39.9944);
    Map<String, Double> targets = new java.util.LinkedHashMap<>();
    targets.put("ORN", 50.0);
    targets.put("PN", 40.0);
    assertEquals(java.util.List.of("ORN fires at 125.4 Hz, not the 50.0 Hz its 'initial rate' asks: its bias reached -5.00,"
        + " the end of the search [-5, 10], and its drive alone makes it fire faster (lower the drive or the target)"),
        RateCalibration.missed(result, targets));
  }

  @Test
  void aRateNoCellCanReachIsReportedMissed() {
    CircuitSpec spec = TinyCircuit.spec(50, GradientPath.MOTOR_ONLY);
    String last = spec.populations().get(spec.populations().size() - 1).name();
    Map<String, Double> targets = Map.of(last, 2000.0); // above 1/dt: no LIF cell fires that fast
    var missed = RateCalibration.missed(calibrate(spec, targets), targets);
    assertEquals(1, missed.size(), missed.toString());
    org.junit.jupiter.api.Assertions.assertTrue(missed.get(0).startsWith(last + " fires at "), missed.get(0));
  }

  private static Map<String, Double> calibrate(CircuitSpec spec, Map<String, Double> targets) {
    Network net = new Network(spec, TinyCircuit.wiring(spec, 7, 0.3, 1.5), 1e-3,
        NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5)));
    return RateCalibration.calibrate(net, spec, WorldSettings.defaults(), targets, 3);
  }
}
