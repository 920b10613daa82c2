package org.neuromechfly.dmn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingFootprint;
import org.neuromechfly.dmn.model.TrainingSpec;

/**
 * A run left to choose keeps the whole record while its footprint takes at most half the heap (no
 * recomputation time to pay) and recomputes segments, saying so, when it would not; what the options
 * ask for is kept whatever the heap.
 */
class EpisodeMemoryTest {
  private static final long GB = 1L << 30;

  /** The tiny circuit over 200,000 steps of 64 flies: a whole record of about 2.5 GB, 4.7 GB in all. */
  private static CircuitSpec longEpisodes() {
    CircuitSpec tiny = TinyCircuit.spec(200_000, GradientPath.FULL);
    TrainingSpec t = new TrainingSpec(Optimizer.ADAM, 1e-2, Schedule.constant(), 4, 64, 5.0, 42, 2, 0,
        ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5.0);
    return new CircuitSpec(tiny.name(), null, tiny.connectomes(), tiny.populations(), tiny.projections(), tiny.task(),
        tiny.losses(), t, null);
  }

  private static NetworkOptions options(Recomputation r) {
    return NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5.0)).toBuilder().recomputation(r)
        .build();
  }

  @Test
  void theWholeRecordIsKeptWhileItFitsHalfTheHeapElseSegmentsAreRecomputed() {
    CircuitSpec spec = longEpisodes();
    long whole = TrainingFootprint.of(spec, 4, 4, 0).bytes();
    assertTrue(TrainingFootprint.of(spec, 4, 4, 0).historyBytes() > 2 * GB, "whole record " + whole);
    List<String> messages = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void message(String text) {
        messages.add(text);
      }
    };
    NetworkOptions roomy = EpisodeMemory.decide(spec, options(Recomputation.chosen()), 4, 2 * whole, listener);
    assertEquals(Recomputation.none(), roomy.recomputation());
    assertTrue(messages.isEmpty(), messages.toString());

    NetworkOptions tight = EpisodeMemory.decide(spec, options(Recomputation.chosen()), 4, 2 * whole - 1, listener);
    int segment = tight.recomputation().segmentSteps();
    assertEquals(TrainingFootprint.of(spec, 4, 4, TrainingFootprint.CHOOSE).segmentSteps(), segment);
    assertTrue(segment > 300 && segment < 3000, "segments of " + segment);
    assertEquals(1, messages.size());
    assertTrue(messages.get(0).contains("checkpoint every " + segment + " steps"), messages.get(0));
  }

  @Test
  void whatTheOptionsAskForIsKeptWhateverTheHeap() {
    CircuitSpec spec = longEpisodes();
    assertEquals(Recomputation.segments(50),
        EpisodeMemory.decide(spec, options(Recomputation.segments(50)), 4, 1000 * GB, TrainingListener.NONE)
            .recomputation());
    assertEquals(Recomputation.none(),
        EpisodeMemory.decide(spec, options(Recomputation.none()), 4, GB, TrainingListener.NONE).recomputation());
  }
}
