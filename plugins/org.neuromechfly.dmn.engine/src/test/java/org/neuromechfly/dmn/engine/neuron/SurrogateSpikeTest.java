package org.neuromechfly.dmn.engine.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuromechfly.dmn.model.SurrogateKind;

class SurrogateSpikeTest {

  @ParameterizedTest
  @EnumSource(SurrogateKind.class)
  void derivativeMatchesFiniteDifferencesOfTheSmoothFunction(SurrogateKind kind) {
    for (double slope : new double[] {1, 5, 25}) {
      SurrogateSpike s = new SurrogateSpike(kind, slope);
      for (double x = -2.03; x <= 2; x += 0.05) {
        double h = 1e-6;
        double fd = (s.smooth(x + h) - s.smooth(x - h)) / (2 * h);
        assertEquals(fd, s.derivative(x), 1e-7 * Math.max(1, Math.abs(fd)), kind + " slope " + slope + " at " + x);
      }
      assertEquals(0.5, s.smooth(0), 1e-15);
    }
  }

  @Test
  void forwardIsAStep() {
    assertEquals(1.0, SurrogateSpike.step(1e-9));
    assertEquals(0.0, SurrogateSpike.step(0));
    assertEquals(0.0, SurrogateSpike.step(-3));
  }

  @Test
  void superSpikePeaksAtOne() {
    assertEquals(1.0, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5).derivative(0), 0);
    assertEquals(1.0 / 36, new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5).derivative(1), 1e-15);
  }

  @Test
  void rejectsNonPositiveSlope() {
    assertThrows(IllegalArgumentException.class, () -> new SurrogateSpike(SurrogateKind.SIGMOID, 0));
  }

  @Test
  void positiveParameterInvertsAndStaysAboveItsFloor() {
    for (double v : new double[] {0.0011, 0.02, 0.5, 40}) {
      assertEquals(v, PositiveParameter.value(PositiveParameter.raw(v, 1e-3), 1e-3), 1e-12 * v);
    }
    assertEquals(1e-3, PositiveParameter.value(-800, 1e-3), 1e-12);
  }
}
