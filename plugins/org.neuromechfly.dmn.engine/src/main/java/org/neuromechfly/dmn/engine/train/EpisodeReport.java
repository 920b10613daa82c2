package org.neuromechfly.dmn.engine.train;

import java.util.Collections;
import java.util.LinkedHashMap;
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
    // in the order given (the model's loss terms), the same in every run: Map.copyOf's iteration order
    // changes from one Java VM to the next, and with it the order of the console's episode lines
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }
}
