package org.neuromechfly.dmn.engine.lab;

import java.util.Locale;
import org.neuromechfly.dmn.engine.loss.PathLosses;
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
    return success(spec, ws, k, count, seed, 0, 0);
  }

  /** With {@code lag} extra steps of latency and Gaussian noise of std {@code noise} on tanh(k·Δφ). */
  public static double success(CircuitSpec spec, WorldSettings ws, double k, int count, long seed, int lag,
      double noise) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    NavigationTask task = (NavigationTask) spec.task();
    OdourWorld world = new OdourWorld(spec, task, ws, count, PathLosses.of(spec, task, ws));
    world.setStarts(StartPositions.heldOut(task, count, seed), 1);
    int orn = spec.population(world.sensoryPopulations().get(0)).orElseThrow().count();
    int dn = spec.population(world.motorPopulation()).orElseThrow().count();
    int tf = task.turn().first();
    int tl = task.turn().last();
    int half = (tl - tf + 1) / 2;
    double[][] inputs = new double[world.sensoryPopulations().size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = new double[count * spec.population(world.sensoryPopulations().get(i)).orElseThrow().count()];
    }
    double[] in = inputs[0];
    double[] out = new double[count * dn];
    double[][] hist = new double[task.steps()][count];
    world.begin();
    for (int t = 0; t < task.steps(); t++) {
      world.sense(t, inputs);
      for (int b = 0; b < count; b++) {
        hist[t][b] = (in[b * orn] - in[b * orn + orn - 1]) / ws.ornGain();
        double dphi = t - lag >= 0 ? hist[t - lag][b] : 0;
        double eps = noise * Math.sqrt(-2 * Math.log(Math.max(rnd.nextDouble(), 1e-300)))
            * Math.cos(2 * Math.PI * rnd.nextDouble());
        double target = Math.max(-0.999, Math.min(0.999, Math.tanh(k * dphi) + eps));
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
    return TrajectoryMetrics.of(world.trajectory(), task.successRadius().si()).success();
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    CircuitSpec spec = GoldenCircuit.spec();
    for (double k : new double[] {-100, 0, 1, 2, 3, 5, 10, 100, 1000}) {
      System.out.printf("k=%6.0f success %.3f%n", k,
          success(spec, WorldSettings.defaults(), k, 64, spec.training().seed()));
    }
    for (int lag : new int[] {0, 30, 60}) {
      for (double noise : new double[] {0, 0.5, 1, 2}) {
        System.out.printf("k=10 lag %d ms noise %.1f: success %.3f   k=100: %.3f%n", lag, noise,
            success(spec, WorldSettings.defaults(), 10, 64, 42, lag, noise),
            success(spec, WorldSettings.defaults(), 100, 64, 42, lag, noise));
      }
    }
  }
}
