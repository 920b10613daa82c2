package org.neuromechfly.dmn.model.engine;

/** Circuit features whose support differs between the execution engines that train a model. */
public enum EngineFeature {
  REFRACTORY_PERIOD("refractory periods"),
  GRADED_UNITS("graded (non-spiking) units"),
  CURRENT_BASED_SYNAPSES("current-based synapses (tau_syn)"),
  SYNAPTIC_DELAY("synaptic delays"),
  /** How large one projection's weight matrix (sources × targets) may be. */
  PROJECTION_SIZE("the size of one projection (sources x targets)"),
  /** Truncated backpropagation through time ({@code bptt window N}). */
  TRUNCATED_BPTT("truncated backpropagation through time"),
  /** {@code refractory_mode freeze}: membrane frozen and input dropped while refractory, the current cleared at a spike. */
  REFRACTORY_FREEZE("frozen refractory periods (refractory_mode freeze)"),
  /** {@code sign per_neuron}: one sign per presynaptic neuron within a projection. */
  PER_NEURON_SIGNS("signs per presynaptic neuron (sign per_neuron)"),
  /** Training for hardware ({@code target loihi2}): its arithmetic in the forward pass. */
  HARDWARE_TARGET("training for Loihi 2 (target loihi2)");

  private final String description;

  EngineFeature(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
