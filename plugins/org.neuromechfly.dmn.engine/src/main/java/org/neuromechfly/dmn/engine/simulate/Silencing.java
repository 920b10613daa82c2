package org.neuromechfly.dmn.engine.simulate;

import java.util.Objects;

/**
 * Silenced cells of one population: every synapse from them is removed, as {@code silence()} of Shiu
 * et al. 2024 ({@code model.py} sets the weights of all synapses from the silenced neurons to 0). The
 * cells still integrate their input and may spike; nothing follows from it.
 *
 * @param population index of the population in the network
 * @param cells silenced cells of that population
 */
public record Silencing(int population, int[] cells) {
  public Silencing {
    Objects.requireNonNull(cells, "cells");
  }
}
