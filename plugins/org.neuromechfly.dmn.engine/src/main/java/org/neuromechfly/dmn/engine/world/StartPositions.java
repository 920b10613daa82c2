package org.neuromechfly.dmn.engine.world;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * Start poses of a batch: positions drawn uniformly in the task's start disc, headings uniform, and
 * which flies walk a blank trial (clean air, no odour). Each draw is a pure function of its seed, so
 * training can resume bit-identically without saving a random-number generator.
 *
 * @param x metres
 * @param y metres
 * @param heading radians, counter-clockwise from +x
 * @param blank per fly: a blank trial (no odour; not asked to reach the source)
 */
public record StartPositions(double[] x, double[] y, double[] heading, boolean[] blank) {

  /** Starts without blank trials. */
  public StartPositions(double[] x, double[] y, double[] heading) {
    this(x, y, heading, new boolean[x.length]);
  }

  public int size() {
    return x.length;
  }

  /** {@code count} starts drawn from {@code seed}, each a blank trial with probability {@code blankFraction}. */
  public static StartPositions draw(NavigationTask task, int count, long seed, double blankFraction) {
    SplittableRandom random = new SplittableRandom(seed);
    double cx = task.startCentre().x().si();
    double cy = task.startCentre().y().si();
    double radius = task.startRadius().si();
    double[] x = new double[count];
    double[] y = new double[count];
    double[] h = new double[count];
    boolean[] blank = new boolean[count];
    for (int b = 0; b < count; b++) {
      double r = radius * Math.sqrt(random.nextDouble());
      double a = 2 * Math.PI * random.nextDouble();
      x[b] = cx + r * Math.cos(a);
      y[b] = cy + r * Math.sin(a);
      h[b] = 2 * Math.PI * random.nextDouble() - Math.PI;
    }
    if (blankFraction > 0) {
      // drawn after the poses, so that a task without blank trials starts where it always did
      for (int b = 0; b < count; b++) {
        blank[b] = random.nextDouble() < blankFraction;
      }
    }
    return new StartPositions(x, y, h, blank);
  }

  /** {@code count} starts drawn from {@code seed}, none blank. */
  public static StartPositions draw(NavigationTask task, int count, long seed) {
    return draw(task, count, seed, 0);
  }

  /** The starts of training episode {@code episode}: independent of every other episode. */
  public static StartPositions forEpisode(NavigationTask task, int count, long seed, int episode) {
    return draw(task, count, mix(seed, episode), task.blankTrials());
  }

  /** The fixed held-out starts for evaluation (with odour), disjoint in seed space from training draws. */
  public static StartPositions heldOut(NavigationTask task, int count, long seed) {
    return draw(task, count, mix(seed ^ 0x5DEECE66DL, -1));
  }

  /** Fixed held-out blank trials (clean air), for the behaviour measures' baseline. */
  public static StartPositions heldOutBlank(NavigationTask task, int count, long seed) {
    StartPositions s = draw(task, count, mix(seed ^ 0xB1A4CL, -2));
    boolean[] all = new boolean[count];
    Arrays.fill(all, true);
    return new StartPositions(s.x, s.y, s.heading, all);
  }

  /** Starts {@code from..to-1} of this set. */
  public StartPositions slice(int from, int to) {
    return new StartPositions(Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to),
        Arrays.copyOfRange(heading, from, to), Arrays.copyOfRange(blank, from, to));
  }

  /** Whether any fly walks a blank trial. */
  public boolean anyBlank() {
    for (boolean b : blank) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  private static long mix(long seed, int episode) {
    long z = seed * 0x9E3779B97F4A7C15L + episode * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
