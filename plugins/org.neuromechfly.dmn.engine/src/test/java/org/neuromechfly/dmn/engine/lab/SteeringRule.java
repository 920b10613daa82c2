package org.neuromechfly.dmn.engine.lab;

import java.util.Locale;
import org.neuromechfly.dmn.engine.loss.TrajectoryMetrics;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * The hand-wired steering rule turn = ω_max·tanh(k·Δφ) driven through the odour world's own sensing,
 * delay, rate filter and readout: a check of the world (and its sign conventions) without a network.
 */
public final class SteeringRule {
  /** Held-out success of the rule with gain k (negative k steers away: a sign check). */
  public static double success(CircuitSpec spec, WorldSettings ws, double k, int count, long seed) {
    NavigationTask task = (NavigationTask) spec.task();
    OdourWorld world = new OdourWorld(spec, task, ws, count);
    world.setStarts(StartPositions.heldOut(task, count, seed), 1);
    int orn = spec.population(world.sensoryPopulation()).orElseThrow().count();
    int dn = spec.population(world.motorPopulation()).orElseThrow().count();
    int tf = task.turn().first();
    int tl = task.turn().last();
    int half = (tl - tf + 1) / 2;
    double[] in = new double[count * orn];
    double[] out = new double[count * dn];
    world.begin();
    for (int t = 0; t < task.steps(); t++) {
      world.sense(t, in);
      for (int b = 0; b < count; b++) {
        double dphi = (in[b * orn] - in[b * orn + orn - 1]) / ws.ornGain();
        double target = Math.tanh(k * dphi) * 0.999;
        double d = 0.5 * Math.log((1 + target) / (1 - target)) / ws.turnGain();
        for (int n = 0; n < dn; n++) {
          double v = 0;
          if (n >= tf && n < tf + half) {
            v = 0.5 + d / 2;
          } else if (n > tl - half && n <= tl) {
            v = 0.5 - d / 2;
          }
          out[b * dn + n] = v;
        }
      }
      world.act(t, out);
    }
    return TrajectoryMetrics.of(world.trajectory(), ws.successRadius()).success();
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    CircuitSpec spec = GoldenCircuit.spec();
    for (double k : new double[] {-100, 0, 10, 100, 1000}) {
      System.out.printf("k=%6.0f success %.3f%n", k,
          success(spec, WorldSettings.defaults(), k, 64, spec.training().seed()));
    }
  }
}
