package org.neuromechfly.dmn.model;

import java.util.Objects;

/**
 * Poisson input into some cells, as the activation experiments of Shiu et al. 2024: in every step an
 * event arrives with probability rate·dt and adds {@code weight} to the cell's membrane (normalised
 * units; Shiu et al.: 250 × 0.275 mV = 68.75 mV, 9.82 thresholds of 7 mV, so that every event makes
 * the cell spike). The stimulated cells have no refractory period ({@code model.py}).
 *
 * @param cells the stimulated cells
 * @param rate events per cell and second
 * @param weight membrane increment per event, normalised
 */
public record PoissonStimulus(CellSet cells, Quantity rate, double weight) {
  public PoissonStimulus {
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(rate, "rate");
  }
}
