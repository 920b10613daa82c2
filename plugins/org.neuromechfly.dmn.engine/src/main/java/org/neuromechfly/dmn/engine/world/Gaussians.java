package org.neuromechfly.dmn.engine.world;

import java.util.SplittableRandom;

/** Standard normal draws (Box–Muller) from a seeded generator, so worlds replay bit for bit. */
final class Gaussians {
  private Gaussians() {}

  static double next(SplittableRandom r) {
    double u = Math.max(r.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
