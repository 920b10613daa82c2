package org.neuromechfly.dmn.engine.fused;

import java.util.List;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * What the fused kernel keeps of an episode for its backward pass: the whole record
 * ({@link WholeHistory}) or checkpoints from which segments are recomputed ({@link SegmentedHistory}).
 * The kernel steps its populations on the {@link #state states} it is given and tells the history
 * where it is in both passes; the steps it reads are then held.
 */
interface History {

  /** Re-runs one forward step of the network from the record and the given sensory drive. */
  @FunctionalInterface
  interface Replay {
    void step(int t, double[][] drive);
  }

  /** Where population p steps and the backward pass reads. */
  PopulationState state(int population);

  /** Before forward step t, once the world has sensed it: {@code drive} is the step's sensory input. */
  void beforeStep(int t, double[][] drive);

  /** Before backward step t: makes every step that backward step reads available (t and those before it it needs). */
  void beforeBackwardStep(int t, Replay replay);

  /** The last forward pass's record, if the history keeps one. */
  NetworkActivity activity(Network network);

  /** Steps per recomputed segment, or 0 for the whole record. */
  int segmentSteps();

  /** Bytes held: the record, checkpoints and sensory drive. */
  long bytes();

  /**
   * The history for a kernel of {@code steps} × {@code batch}: as {@code recomputation} says, or as the
   * {@link TrainingFootprint} chooses for this kernel's batch.
   */
  static History of(Network network, int steps, int batch, Recomputation recomputation) {
    int segment = recomputation.isChosen() ? chosenSegment(network, steps, batch) : recomputation.segmentSteps();
    return segment == 0 || segment >= steps
        ? new WholeHistory(network, steps, batch)
        : new SegmentedHistory(network, steps, batch, segment);
  }

  /** Whether the footprint keeps the whole record of a kernel of {@code steps} × {@code batch}. */
  static boolean wholeRecordChosen(Network network, int steps, int batch) {
    int segment = chosenSegment(network, steps, batch);
    return segment == 0 || segment >= steps;
  }

  private static int chosenSegment(Network network, int steps, int batch) {
    List<TrainingFootprint.PopulationSize> sizes = network.populations().stream()
        .map(History::size)
        .toList();
    int valueBytes = network.options().precision() == Precision.FLOAT64 ? 8 : 4;
    return TrainingFootprint.estimate(steps, batch, network.maxDelay(), 1, sizes, List.of(), valueBytes,
        TrainingFootprint.CHOOSE).segmentSteps();
  }

  private static TrainingFootprint.PopulationSize size(LifPopulation p) {
    return new TrainingFootprint.PopulationSize(p.name(), p.cells(), p.synapticCurrent(), p.refractorySteps() > 0);
  }
}
