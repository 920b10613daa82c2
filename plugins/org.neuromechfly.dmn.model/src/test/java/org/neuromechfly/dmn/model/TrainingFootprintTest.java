package org.neuromechfly.dmn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingFootprintTest {
  private static final List<TrainingFootprint.PopulationSize> EXAMPLE = List.of(
      new TrainingFootprint.PopulationSize("ORN", 50, false, false),
      new TrainingFootprint.PopulationSize("KC", 2000, true, false),
      new TrainingFootprint.PopulationSize("DN", 10, false, true));

  @Test
  void tracesDominateAndGrowWithBatchTimesStepsTimesCells() {
    var small = TrainingFootprint.estimate(1000, 16, 1, 1, EXAMPLE, List.of());
    var twice = TrainingFootprint.estimate(2000, 16, 1, 1, EXAMPLE, List.of());
    // KC: 3 float traces over 1000 × 16 × 2000 = 384 MB; everything else is smaller
    assertTrue(small.bytes() > 384e6 && small.bytes() < 384e6 + TrainingFootprint.BASE_BYTES + 60e6, small.toString());
    double traces = small.bytes() - TrainingFootprint.BASE_BYTES;
    assertEquals(2.0, (twice.bytes() - TrainingFootprint.BASE_BYTES) / traces, 0.05);
    assertEquals(32_000_000, small.largestArray());
    assertTrue(small.largestArrayOwner().contains("KC"), small.largestArrayOwner());
    assertTrue(small.arraysFit());
  }

  @Test
  void theIssuesOversizedModelsDoNotFitAnyArray() {
    assertFalse(TrainingFootprint.estimate(1000, Integer.MAX_VALUE, 1, 1, EXAMPLE, List.of()).arraysFit());
    assertFalse(TrainingFootprint.estimate(1000, 100_000_000, 1, 1, EXAMPLE, List.of()).arraysFit());
    assertFalse(TrainingFootprint.estimate(1_000_000, 16, 1, 1, EXAMPLE, List.of()).arraysFit());
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
