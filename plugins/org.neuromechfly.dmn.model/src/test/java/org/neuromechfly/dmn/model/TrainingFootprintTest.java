package org.neuromechfly.dmn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingFootprintTest {
  private static final List<TrainingFootprint.PopulationSize> EXAMPLE = List.of(
      new TrainingFootprint.PopulationSize("ORN", 50, false, false),
      new TrainingFootprint.PopulationSize("KC", 2000, true, false),
      new TrainingFootprint.PopulationSize("DN", 10, false, true));

  @Test
  void theWholeRecordIsKeptWhileItFitsTheBudgetAndGrowsWithBatchTimesStepsTimesCells() {
    var small = TrainingFootprint.estimate(1000, 16, 1, 1, EXAMPLE, List.of());
    var half = TrainingFootprint.estimate(500, 16, 1, 1, EXAMPLE, List.of());
    assertEquals(0, small.segmentSteps());
    // KC: 3 float traces over 1000 × 16 × 2000 = 384 MB; everything else is smaller
    assertTrue(small.bytes() > 384e6 && small.bytes() < 384e6 + TrainingFootprint.BASE_BYTES + 60e6, small.toString());
    assertEquals(1000L * 16 * (50 * 8 + 2000 * 12 + 10 * 9), small.historyBytes());
    assertEquals(0.5, (double) half.historyBytes() / small.historyBytes(), 1e-12);
    assertEquals(32_000_000, small.largestArray());
    assertTrue(small.largestArrayOwner().contains("KC"), small.largestArrayOwner());
    assertTrue(small.arraysFit());
  }

  /**
   * Beyond the budget the kernel keeps checkpoints every S ≈ √(T·checkpoint/row) steps and recomputes
   * segments: memory grows as √T — four times the steps, twice the record — instead of T.
   */
  @Test
  void longerEpisodesRecomputeSegmentsAndTheirRecordGrowsAsTheSquareRoot() {
    var whole = TrainingFootprint.estimate(5000, 16, 1, 1, EXAMPLE, List.of(), TrainingFootprint.FLOAT_BYTES, 0);
    var five = TrainingFootprint.estimate(5000, 16, 1, 1, EXAMPLE, List.of());
    var twenty = TrainingFootprint.estimate(20_000, 16, 1, 1, EXAMPLE, List.of());
    assertEquals(0, whole.segmentSteps());
    assertTrue(whole.historyBytes() > TrainingFootprint.FULL_HISTORY_BUDGET);
    // per fly a row is 24,490 bytes (8 per cell, 12 per KC, 9 per refractory DN) and a checkpoint 57,000
    // (16 per cell, 28 per KC, 20 per DN): S = √(5000 · 57,000 / 24,490) ≈ 108
    assertEquals(108, five.segmentSteps());
    assertTrue(five.historyBytes() < whole.historyBytes() / 10, five + " vs " + whole);
    assertEquals(2.0, (double) twenty.historyBytes() / five.historyBytes(), 0.05);
    assertEquals(2.0, (double) twenty.segmentSteps() / five.segmentSteps(), 0.05);
    // no array of steps × batch × cells any more: the largest is the first fly's KC record for the rasters
    assertEquals(5000L * 16 * 2000, whole.largestArray());
    assertEquals(5000L * 2000, five.largestArray());
    assertTrue(five.largestArrayOwner().contains("first fly"), five.largestArrayOwner());
    // with few steps per fly the segment window of the batch is the largest
    var many = TrainingFootprint.estimate(5000, 4096, 1, 1, EXAMPLE, List.of());
    assertTrue(many.segmentSteps() > 0 && many.largestArrayOwner().contains("segments"), many.toString());
    // a segment length asked for is used; one as long as the episode keeps the whole record
    assertEquals(40, TrainingFootprint.estimate(5000, 16, 1, 1, EXAMPLE, List.of(), 4, 40).segmentSteps());
    assertEquals(0, TrainingFootprint.estimate(5000, 16, 1, 1, EXAMPLE, List.of(), 4, 5000).segmentSteps());
  }

  @Test
  void theSensoryDriveOfEveryStepIsKeptWhenSegmentsAreRecomputed() {
    var sensory = List.of(new TrainingFootprint.PopulationSize("ORN", 50, false, false, true),
        EXAMPLE.get(1), EXAMPLE.get(2));
    var with = TrainingFootprint.estimate(5000, 16, 1, 1, sensory, List.of(), 4, 100);
    var without = TrainingFootprint.estimate(5000, 16, 1, 1, EXAMPLE, List.of(), 4, 100);
    assertEquals(5000L * 16 * 50 * 8, with.historyBytes() - without.historyBytes());
    var wholeWith = TrainingFootprint.estimate(1000, 16, 1, 1, sensory, List.of(), 4, 0);
    var wholeWithout = TrainingFootprint.estimate(1000, 16, 1, 1, EXAMPLE, List.of(), 4, 0);
    assertEquals(wholeWithout.historyBytes(), wholeWith.historyBytes());
  }

  @Test
  void theIssuesOversizedModelsDoNotFitAnyArray() {
    assertFalse(TrainingFootprint.estimate(1000, Integer.MAX_VALUE, 1, 1, EXAMPLE, List.of()).arraysFit());
    assertFalse(TrainingFootprint.estimate(1000, 100_000_000, 1, 1, EXAMPLE, List.of()).arraysFit());
    // with recomputed segments a million steps need no array of steps × batch × cells any more, but
    // the world's and the first fly's per-step rows still cannot outgrow a Java array
    var million = TrainingFootprint.estimate(1_000_000, 16, 1, 1, EXAMPLE, List.of());
    assertTrue(million.arraysFit(), million.toString());
    assertTrue(million.bytes() > 8e9, million.toString());
    var longest = TrainingFootprint.estimate(Integer.MAX_VALUE, 16, 1, 1, EXAMPLE, List.of());
    assertFalse(longest.arraysFit());
    assertTrue(longest.largestArrayOwner().contains("first fly"), longest.largestArrayOwner());
    var dense = TrainingFootprint.estimate(10, 1, 1, 1, EXAMPLE,
        List.of(new TrainingFootprint.ProjectionSize("A -> B", TrainingFootprint.synapses(new Connectivity.Dense(), 200_000, 200_000))));
    assertFalse(dense.arraysFit());
    assertEquals("the weights of A -> B", dense.largestArrayOwner());
  }

  @Test
  void synapsesPerRule() {
    assertEquals(50, TrainingFootprint.synapses(new Connectivity.OneToOne(), 50, 50));
    assertEquals(14_000, TrainingFootprint.synapses(new Connectivity.RandomFanIn(7), 50, 2000));
    assertEquals(100_000, TrainingFootprint.synapses(new Connectivity.Dense(), 50, 2000));
    assertEquals(20, TrainingFootprint.synapses(new Connectivity.Glomerular(5), 10, 10));
    assertEquals(0, TrainingFootprint.synapses(new Connectivity.FromConnectome("h", new Connectivity.ConnectomeQuery(null, null, null, null, 1)), 10, 10));
  }

  /**
   * A connectome projection's synapses are known only once the data is read: before, it counts none;
   * wired, its count (here the FlyWire brain's 15 M connections) costs 48 bytes per synapse for each
   * shard's network and once more for the optimiser — enough to turn an estimate that fits a heap into
   * one that does not.
   */
  @Test
  void wiredConnectomeSynapsesAreCountedOnceTheDataIsRead() {
    NeuronModel cell = new NeuronModel(Quantity.of(20, Unit.MILLISECOND), Quantity.of(5, Unit.MILLISECOND), 1, 0,
        Quantity.of(2, Unit.MILLISECOND), ResetMode.ZERO, false, 0);
    Population brain = new Population("Brain", "neuron", 139_255, cell, List.of(), ParameterSharing.PER_POPULATION);
    Projection recurrent = new Projection("Brain", "Brain",
        new Connectivity.FromConnectome("flywire", new Connectivity.ConnectomeQuery(null, null, null, null, 1)),
        Sign.PER_NEURON, null, new WeightInit.SynapseScaled(0.04), true, Quantity.of(2, Unit.MILLISECOND));
    CircuitSpec spec = new CircuitSpec("Brain", null, List.of(), List.of(brain), List.of(recurrent), null, List.of(),
        TrainingSpec.defaults(), null);
    long connections = 15_001_798;
    TrainingFootprint before = TrainingFootprint.of(spec, 1);
    TrainingFootprint wired = TrainingFootprint.ofWired(spec, 1, Map.of("Brain -> Brain", connections));
    assertEquals(connections * 48 * 2, wired.bytes() - before.bytes());
    assertEquals(before.historyBytes(), wired.historyBytes());
    assertEquals(connections, wired.largestArray());
    assertEquals("the weights of Brain -> Brain", wired.largestArrayOwner());
    long heap = before.bytes() + 1_000_000_000L;
    assertTrue(before.fitsIn(heap) && !wired.fitsIn(heap), before + " / " + wired);
    // a projection the map does not name keeps its rule's count
    assertEquals(before, TrainingFootprint.ofWired(spec, 1, Map.of("Other -> Brain", connections)));
  }

  @Test
  void delaysSaturateInsteadOfOverflowing() {
    assertEquals(20, TrainingFootprint.delaySteps(0.02, 1e-3));
    assertEquals(1, TrainingFootprint.delaySteps(0, 1e-3));
    assertEquals(Integer.MAX_VALUE, TrainingFootprint.delaySteps(1e20, 1e-3));
  }

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertEquals("512 bytes", TrainingFootprint.size(512));
    assertEquals("1.5 GiB", TrainingFootprint.size(3L << 29));
    assertEquals("300 MiB", TrainingFootprint.size(300L << 20));
    assertEquals("more than 4 EiB", TrainingFootprint.size(Long.MAX_VALUE));
  }
}
