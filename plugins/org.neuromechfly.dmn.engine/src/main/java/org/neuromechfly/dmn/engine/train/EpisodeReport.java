package org.neuromechfly.dmn.engine.train;

import java.util.Map;

/**
 * What one training episode (one optimiser step over a batch) produced.
 *
 * @param episode 0-based episode index
 * @param learningRate learning rate used
 * @param loss total loss
 * @param components weighted loss components by name (navigation, energy, sparsity, activity)
 * @param gradientNorm global gradient norm before clipping
 * @param seconds wall time of the episode
 * @param measures measured figures such as {@code active:KC} and {@code success}
 */
public record EpisodeReport(
    int episode,
    double learningRate,
    double loss,
    Map<String, Double> components,
    double gradientNorm,
    double seconds,
    Map<String, Double> measures) {

  public EpisodeReport {
    components = Map.copyOf(components);
    measures = Map.copyOf(measures);
  }
}
