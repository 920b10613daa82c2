package org.neuromechfly.dmn.model;

import java.util.List;
import java.util.Objects;

/**
 * A stimulus experiment (the activation and silencing experiments of Shiu et al. 2024, Nature 634:210):
 * the circuit starts at rest in every trial, the stimuli drive some cells with Poisson input, silenced
 * cells lose their synapses, and the spikes of every cell are recorded. Trials differ only in their
 * Poisson events (seeded by the training block's seed).
 *
 * @param steps steps per trial
 * @param dt time step
 * @param trials independent trials
 * @param stimuli Poisson inputs
 * @param silenced cells whose outgoing synapses are removed
 */
public record StimulusExperiment(int steps, Quantity dt, int trials, List<PoissonStimulus> stimuli,
    List<CellSet> silenced) implements TaskSpec {

  public StimulusExperiment {
    Objects.requireNonNull(dt, "dt");
    stimuli = stimuli == null ? List.of() : List.copyOf(stimuli);
    silenced = silenced == null ? List.of() : List.copyOf(silenced);
    if (steps < 1 || trials < 1) {
      throw new IllegalArgumentException("an experiment needs at least one step and one trial");
    }
  }

  /** Simulated time per trial, seconds. */
  public double seconds() {
    return steps * dt.si();
  }
}
