package org.neuromechfly.dmn.model;

/** How odour concentration is laid out in the arena. */
public enum PlumeModel {
  /** Static Gaussian around the source. */
  GAUSSIAN,
  /** Gaussian mean with seeded, temporally correlated multiplicative fluctuations. */
  TURBULENT
}
