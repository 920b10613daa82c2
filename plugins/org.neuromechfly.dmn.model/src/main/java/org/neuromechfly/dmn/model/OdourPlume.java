package org.neuromechfly.dmn.model;

import java.util.Objects;

/**
 * The odour plume of a navigation task.
 *
 * @param model how concentration is laid out
 * @param sigma width of the Gaussian (gaussian and turbulent plumes); initial puff radius (puffs)
 * @param rate puffs released per second (puffs)
 * @param spread growth of a puff's radius: r² = sigma² + 2·spread·age, an eddy diffusivity (puffs)
 * @param meander standard deviation of the plume's lateral velocity, which bends it as it travels (puffs)
 */
public record OdourPlume(PlumeModel model, Quantity sigma, Quantity rate, Quantity spread, Quantity meander) {
  public OdourPlume {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(sigma, "sigma");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(spread, "spread");
    Objects.requireNonNull(meander, "meander");
  }
}
