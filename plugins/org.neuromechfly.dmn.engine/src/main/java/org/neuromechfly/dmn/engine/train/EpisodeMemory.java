package org.neuromechfly.dmn.engine.train;

import java.util.Locale;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * How a training run keeps its episodes for the backward pass, decided once for the whole batch (every
 * shard's kernel gets the same answer) from the one memory estimate, {@link TrainingFootprint}. Left to
 * choose, a run keeps the whole record while the whole training footprint takes at most half of the heap
 * this Java VM may use — recomputation costs about one more forward pass, which a run that has the
 * memory should not pay (the example's 5-second episodes: 1.5 GB whole, 2 GB in all, on a 6 GB default
 * heap) — and otherwise recomputes segments as the footprint chooses them. What the run's network
 * options ask for is used as it is. The results are the same bits either way; only time and memory differ.
 */
public final class EpisodeMemory {
  private EpisodeMemory() {}

  /**
   * {@code numerics} with its recomputation decided for a heap of {@code heapBytes}; says so when
   * segments will be recomputed.
   */
  public static NetworkOptions decide(CircuitSpec spec, NetworkOptions numerics, int shards, long heapBytes,
      TrainingListener listener) {
    int valueBytes = numerics.precision() == Precision.FLOAT64 ? 8 : 4;
    Recomputation asked = numerics.recomputation();
    TrainingFootprint whole = TrainingFootprint.of(spec, shards, valueBytes, 0);
    boolean wholeFits = whole.arraysFit() && whole.bytes() <= heapBytes / 2;
    int segment = asked.isChosen() && wholeFits ? 0
        : TrainingFootprint.of(spec, shards, valueBytes, asked.segmentSteps()).segmentSteps();
    if (segment > 0) {
      TrainingFootprint chosen = TrainingFootprint.of(spec, shards, valueBytes, segment);
      listener.message(String.format(Locale.ROOT, "episodes of %,d steps: the fused kernel keeps a checkpoint every %d"
          + " steps and re-runs each segment in the backward pass (%s kept for it instead of %s%s; about one more"
          + " forward pass of time, the same results)", spec.task().steps(), segment,
          TrainingFootprint.size(chosen.historyBytes()), TrainingFootprint.size(whole.historyBytes()),
          asked.isChosen() ? ", more than half of the " + TrainingFootprint.size(heapBytes) + " heap in all" : ""));
    }
    return numerics.toBuilder()
        .recomputation(segment == 0 ? Recomputation.none() : Recomputation.segments(segment))
        .build();
  }
}
