package org.neuromechfly.dmn.engine.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.behaviour.BehaviourMeasure.Verdict;
import org.neuromechfly.dmn.engine.world.Trajectory;

/** The walking measures on flies whose behaviour is known by construction. */
class WalkingBehaviourTest {
  private static final double DT = 1e-3;
  private static final int T = 5000;

  /** A fly that walks upwind (−x wind comes from +x) at {@code speed} while {@code walking(t)}, smelling odour in [on, off). */
  private static Trajectory fly(double speed, java.util.function.IntPredicate walking, int on, int off, int turnEvery) {
    double[][] x = new double[1][T];
    double[][] y = new double[1][T];
    double[][] h = new double[1][T];
    double[][] c = new double[1][T];
    double px = 0.05;
    double heading = 0;
    for (int t = 0; t < T; t++) {
      // a 30 ms turn at 500 deg/s every turnEvery steps, heading back the other way the next time
      if (turnEvery > 0 && t % turnEvery < 30 && t >= turnEvery) {
        heading += (t / turnEvery % 2 == 0 ? 1 : -1) * Math.toRadians(500) * DT;
      }
      if (walking.test(t)) {
        px += speed * DT;
      }
      x[0][t] = px;
      y[0][t] = 0.09;
      h[0][t] = heading;
      c[0][t] = t >= on && t < off && (t - on) % 250 < 100 ? 0.1 : 0;
    }
    double[][] zero = new double[1][T];
    return new Trajectory(x, y, h, zero, zero, c, new double[] {0.05}, new double[] {0.09}, new double[] {0},
        new boolean[1], 0.27, 0.09, DT, 0.15, 0);
  }

  private static BehaviourMeasure measure(List<BehaviourMeasure> all, String key) {
    return all.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void groundSpeedOfASteadyWalkerIsItsSpeed() {
    var m = WalkingBehaviour.of(fly(0.010, t -> true, 0, 0, 0), null, 0.015, 1e-3);
    assertEquals(10.0, measure(m, "ground_speed").value(), 1e-6);
    assertEquals(Verdict.WITHIN, measure(m, "ground_speed").verdict());
    assertEquals(1.0, measure(m, "walking_fraction").value(), 1e-9);
  }

  @Test
  void aFlyThatStopsHalfTheTimeWalksHalfTheTime() {
    // walks 1 s, stops 1 s, ...: stops of 1 s are longer than the 300 ms of Demir et al.
    var m = WalkingBehaviour.of(fly(0.010, t -> (t / 1000) % 2 == 0, 0, 0, 0), null, 0.015, 1e-3);
    double walking = measure(m, "walking_fraction").value();
    assertTrue(walking > 0.4 && walking < 0.7, "walking fraction " + walking);
  }

  @Test
  void encountersAreCountedAsDemirDefinesThem() {
    // odour for 100 ms every 250 ms during 2 s: 8 encounters, each 100 ms
    var m = WalkingBehaviour.of(fly(0.010, t -> true, 1000, 3000, 0), null, 0.015, 1e-3);
    assertEquals(8 / 5.0, measure(m, "encounter_rate").value(), 1e-9);
    assertEquals(100, measure(m, "encounter_duration").value(), 1e-6);
    assertEquals(0.16, measure(m, "intermittency").value(), 1e-9);
    assertEquals(1.0, measure(m, "first_encounter").value(), 1e-9);
  }

  @Test
  void saccadesAreFastTurnsOfAtLeast20Ms() {
    // a 30 ms turn at 500 deg/s every 500 ms from 0.5 s: 9 saccades in 5 s
    var m = WalkingBehaviour.of(fly(0.010, t -> true, 0, 0, 500), null, 0.015, 1e-3);
    assertEquals(9 / 5.0, measure(m, "saccade_rate").value(), 1e-9);
  }

  @Test
  void upwindOnlyInOdourMatchesThePublishedDirection() {
    // walks upwind only within 1 s of encounters, else stands: upwind velocity higher in odour
    var m = WalkingBehaviour.of(fly(0.010, t -> t >= 1000 && t < 3500, 1000, 3000, 0), null, 0.015, 1e-3);
    assertEquals(Verdict.AS_PUBLISHED, measure(m, "upwind_velocity").verdict());
    assertTrue(measure(m, "upwind_velocity_odour").value() > 9);
  }
}
