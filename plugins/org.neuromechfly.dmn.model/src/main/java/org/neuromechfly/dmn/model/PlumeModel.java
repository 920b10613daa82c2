package org.neuromechfly.dmn.model;

/** How odour concentration is laid out in the arena. */
public enum PlumeModel {
  /** Static Gaussian around the source. */
  GAUSSIAN,
  /** Gaussian mean with seeded, temporally correlated multiplicative fluctuations. */
  TURBULENT,
  /**
   * Intermittent plume of odour puffs released at the source and carried downwind by the wind, with
   * meander and spread (a filament model after Farrell et al. 2002): odour arrives as discrete
   * encounters.
   */
  PUFFS
}
