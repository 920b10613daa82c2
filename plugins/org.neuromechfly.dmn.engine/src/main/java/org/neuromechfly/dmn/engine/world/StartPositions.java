package org.neuromechfly.dmn.engine.world;

import java.util.SplittableRandom;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * Start poses of a batch: positions drawn uniformly in the task's start disc, headings uniform.
 * Each draw is a pure function of its seed, so training can resume bit-identically without saving a
 * random-number generator.
 *
 * @param x metres
 * @param y metres
 * @param heading radians, counter-clockwise from +x
 */
public record StartPositions(double[] x, double[] y, double[] heading) {

  public int size() {
    return x.length;
  }

  /** {@code count} starts drawn from {@code seed}. */
  public static StartPositions draw(NavigationTask task, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double cx = task.startCentre().x().si();
    double cy = task.startCentre().y().si();
    double radius = task.startRadius().si();
    double[] x = new double[count];
    double[] y = new double[count];
    double[] h = new double[count];
    for (int b = 0; b < count; b++) {
      double r = radius * Math.sqrt(random.nextDouble());
      double a = 2 * Math.PI * random.nextDouble();
      x[b] = cx + r * Math.cos(a);
      y[b] = cy + r * Math.sin(a);
      h[b] = 2 * Math.PI * random.nextDouble() - Math.PI;
    }
    return new StartPositions(x, y, h);
  }

  /** The starts of training episode {@code episode}: independent of every other episode. */
  public static StartPositions forEpisode(NavigationTask task, int count, long seed, int episode) {
    return draw(task, count, mix(seed, episode));
  }

  /** The fixed held-out starts for evaluation, disjoint in seed space from training draws. */
  public static StartPositions heldOut(NavigationTask task, int count, long seed) {
    return draw(task, count, mix(seed ^ 0x5DEECE66DL, -1));
  }

  /** Starts {@code from..to-1} of this set. */
  public StartPositions slice(int from, int to) {
    return new StartPositions(
        java.util.Arrays.copyOfRange(x, from, to),
        java.util.Arrays.copyOfRange(y, from, to),
        java.util.Arrays.copyOfRange(heading, from, to));
  }

  private static long mix(long seed, int episode) {
    long z = seed * 0x9E3779B97F4A7C15L + episode * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
