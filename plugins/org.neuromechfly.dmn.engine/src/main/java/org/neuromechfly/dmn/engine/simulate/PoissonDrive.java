package org.neuromechfly.dmn.engine.simulate;

import java.util.Objects;

/**
 * Poisson input into some cells of one population, as the {@code PoissonInput(N=1)} of Shiu et al.
 * 2024 ({@code model.py}): in every step an event arrives with probability rate·dt and adds
 * {@code kick} to the cell's membrane after that step (a cell that spiked in the same step is reset
 * and loses it). Following that code, the driven cells have no refractory period
 * ({@code neu[i].rfc = 0 * ms}).
 *
 * @param population index of the population in the network
 * @param cells driven cells of that population
 * @param rate events per second
 * @param kick membrane increment per event, normalised (rest 0, threshold typically 1)
 */
public record PoissonDrive(int population, int[] cells, double rate, double kick) {
  public PoissonDrive {
    Objects.requireNonNull(cells, "cells");
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("Poisson rate must be finite and >= 0, not " + rate);
    }
  }
}
