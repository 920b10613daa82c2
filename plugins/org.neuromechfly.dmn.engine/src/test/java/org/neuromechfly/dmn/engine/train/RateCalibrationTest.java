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

  private static Map<String, Double> calibrate(CircuitSpec spec, Map<String, Double> targets) {
    Network net = new Network(spec, TinyCircuit.wiring(spec, 7, 0.3, 1.5), 1e-3,
        NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5)));
    return RateCalibration.calibrate(net, spec, WorldSettings.defaults(), targets, 3);
  }
}
