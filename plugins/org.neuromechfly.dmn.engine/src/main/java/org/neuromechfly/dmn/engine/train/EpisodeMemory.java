package org.neuromechfly.dmn.engine.train;

import java.util.Locale;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * How a training run keeps its episodes for the backward pass, decided once for the whole batch (every
 * shard's kernel gets the same answer) by the one memory estimate, {@link TrainingFootprint}: the
 * whole record while it fits the footprint's budget, else recomputed segments — or what the run's
 * network options ask for. The results are the same bits either way.
 */
final class EpisodeMemory {
  private EpisodeMemory() {}

  /** {@code numerics} with its recomputation decided; says so when segments will be recomputed. */
  static NetworkOptions decide(CircuitSpec spec, NetworkOptions numerics, int shards, TrainingListener listener) {
    int valueBytes = numerics.precision() == Precision.FLOAT64 ? 8 : 4;
    TrainingFootprint chosen = TrainingFootprint.of(spec, shards, valueBytes, numerics.recomputation().segmentSteps());
    int segment = chosen.segmentSteps();
    if (segment > 0) {
      int steps = spec.task().steps();
      TrainingFootprint whole = TrainingFootprint.of(spec, shards, valueBytes, 0);
      listener.message(String.format(Locale.ROOT, "episodes of %,d steps: the fused kernel keeps a checkpoint every %d"
          + " steps and re-runs each segment in the backward pass (%s kept for it instead of %s; about one more"
          + " forward pass of time, the same results)", steps, segment, TrainingFootprint.size(chosen.historyBytes()),
          TrainingFootprint.size(whole.historyBytes())));
    }
    return numerics.toBuilder()
        .recomputation(segment == 0 ? Recomputation.none() : Recomputation.segments(segment))
        .build();
  }
}
