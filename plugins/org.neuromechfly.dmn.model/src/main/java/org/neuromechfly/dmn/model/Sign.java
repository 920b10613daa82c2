package org.neuromechfly.dmn.model;

/** The sign of a projection's weights, fixed for training (Dale's law). */
public enum Sign {
  EXCITATORY(1),
  INHIBITORY(-1),
  /** Neuromodulatory (dopamine, serotonin, octopamine): no fast synaptic drive. */
  MODULATORY(0),
  /**
   * Each presynaptic neuron's own transmitter in the connectome data (Dale's law per neuron, as in the
   * whole-brain model of Shiu et al. 2024): a projection from data whose sources mix excitatory and
   * inhibitory neurons. The wiring carries one sign per synapse; {@link #factor()} is 1.
   */
  PER_NEURON(1);

  private final int factor;

  Sign(int factor) {
    this.factor = factor;
  }

  /**
   * +1, -1 or 0: multiplies the non-negative learnable magnitude of each weight ({@link #PER_NEURON}: 1,
   * the synapse's own sign does).
   */
  public int factor() {
    return factor;
  }
}
