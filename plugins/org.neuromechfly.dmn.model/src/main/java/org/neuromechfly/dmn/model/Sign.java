package org.neuromechfly.dmn.model;

/** The sign of a projection's weights, fixed for training (Dale's law). */
public enum Sign {
  EXCITATORY(1),
  INHIBITORY(-1),
  /** Neuromodulatory (dopamine, serotonin, octopamine): no fast synaptic drive. */
  MODULATORY(0);

  private final int factor;

  Sign(int factor) {
    this.factor = factor;
  }

  /** +1, -1 or 0: multiplies the non-negative learnable magnitude of each weight. */
  public int factor() {
    return factor;
  }
}
