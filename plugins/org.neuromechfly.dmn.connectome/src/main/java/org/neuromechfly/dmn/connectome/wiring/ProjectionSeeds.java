package org.neuromechfly.dmn.connectome.wiring;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random streams per projection that depend only on the training seed and the projection's label,
 * so adding or reordering projections never changes another projection's draws, and the same spec
 * gives the same arrays on every JVM.
 */
final class ProjectionSeeds {

  private ProjectionSeeds() {}

  /** The base stream of a projection; split it once for the mask and once for the weights. */
  static SplittableRandom forProjection(long specSeed, String label) {
    return new SplittableRandom(mix(specSeed ^ fnv1a64(label)));
  }

  /** FNV-1a over UTF-8 bytes: a hash fixed by its definition, unlike any JDK hashCode. */
  static long fnv1a64(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser: spreads nearby seeds (42, 43) to unrelated streams. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * A standard normal draw by Box–Muller from two uniforms. Written out rather than using
   * {@code RandomGenerator.nextGaussian()} so the values cannot change with the JDK's algorithm.
   */
  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble(); // in (0, 1]: log stays finite
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
