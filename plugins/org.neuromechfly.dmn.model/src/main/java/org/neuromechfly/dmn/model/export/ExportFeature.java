package org.neuromechfly.dmn.model.export;

/** Circuit features whose support differs between export targets. */
public enum ExportFeature {
  PER_NEURON_THRESHOLD("per-neuron thresholds"),
  PER_NEURON_TAU("per-neuron time constants"),
  SYNAPTIC_DELAY("synaptic delays"),
  RECURRENT_PROJECTION("recurrent projections (a population onto itself)"),
  LOOP_BETWEEN_POPULATIONS("loops between populations (e.g. KC -> APL -> KC)"),
  BRANCHING("branching and converging projections"),
  WEIGHT_PRECISION("weight precision"),
  GRADED_UNITS("graded (non-spiking) units"),
  CURRENT_BASED_SYNAPSES("current-based synapses (tau_syn)"),
  SUBTRACTIVE_RESET("subtractive reset"),
  REFRACTORY_PERIOD("refractory period"),
  BIAS("constant bias current"),
  MODULATORY_PROJECTION("neuromodulatory projections"),
  /** Populations that must share the decays of one layer (loops, skips, convergence put them together). */
  LAYER_TIME_CONSTANTS("different time constants within one layer"),
  /** How the world's input enters: the spikes of populations no projection reaches. */
  SPIKE_SOURCE("world-driven populations that also receive projections");

  private final String description;

  ExportFeature(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
