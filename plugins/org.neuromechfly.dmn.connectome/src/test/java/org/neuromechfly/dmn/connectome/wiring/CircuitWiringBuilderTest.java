package org.neuromechfly.dmn.connectome.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.TestCircuits;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.WeightInit;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

class CircuitWiringBuilderTest {

  private static final DataDirectory NO_DATA = DataDirectory.of(Path.of("no-data-needed"));

  private static CircuitSpec olfactory(long seed, WeightInit kcWeights) {
    return TestCircuits.circuit()
        .seed(seed)
        .population("ORN", "ORN", 50)
        .population("PN", "uPN", 150)
        .population("KC", "KC", 2000)
        .population("APL", "APL", 1)
        .population("MBON", "MBON", 50)
        .projection("ORN", "PN", new Connectivity.Glomerular(25), new WeightInit.Normal(0.5, 0.1))
        .projection("PN", "KC", new Connectivity.RandomFanIn(7), kcWeights)
        .projection("KC", "APL", new Connectivity.Dense(), new WeightInit.Constant(0.1))
        .projection(
            "APL", "KC", new Connectivity.Dense(), new WeightInit.Constant(-0.2), Sign.INHIBITORY)
        .projection("KC", "MBON", new Connectivity.Dense(), new WeightInit.Xavier())
        .build();
  }

  @Test
  void sameSeedGivesIdenticalArrays() {
    CircuitWiring a = CircuitWiringBuilder.build(olfactory(42, new WeightInit.Uniform(0, 1)), NO_DATA);
    CircuitWiring b = CircuitWiringBuilder.build(olfactory(42, new WeightInit.Uniform(0, 1)), NO_DATA);
    assertEquals(a.projections(), b.projections());
    for (int i = 0; i < a.projections().size(); i++) {
      assertArrayEquals(
          a.projections().get(i).initialMagnitudes(), b.projections().get(i).initialMagnitudes());
      assertArrayEquals(
          a.projections().get(i).edges().sourceIndex(), b.projections().get(i).edges().sourceIndex());
    }
  }

  @Test
  void otherSeedGivesOtherDraws() {
    CircuitWiring a = CircuitWiringBuilder.build(olfactory(42, new WeightInit.Uniform(0, 1)), NO_DATA);
    CircuitWiring b = CircuitWiringBuilder.build(olfactory(43, new WeightInit.Uniform(0, 1)), NO_DATA);
    assertNotEquals(
        a.projection("PN", "KC").orElseThrow().edges(), b.projection("PN", "KC").orElseThrow().edges());
    // Rule-based masks without randomness do not depend on the seed.
    assertEquals(
        a.projection("ORN", "PN").orElseThrow().edges(),
        b.projection("ORN", "PN").orElseThrow().edges());
  }

  @Test
  void changingWeightInitKeepsTheMask() {
    CircuitWiring a = CircuitWiringBuilder.build(olfactory(7, new WeightInit.Uniform(0, 1)), NO_DATA);
    CircuitWiring b = CircuitWiringBuilder.build(olfactory(7, new WeightInit.Kaiming()), NO_DATA);
    assertEquals(
        a.projection("PN", "KC").orElseThrow().edges(), b.projection("PN", "KC").orElseThrow().edges());
  }

  @Test
  void randomFanInDrawsDistinctSortedSources() {
    CircuitWiring w = CircuitWiringBuilder.build(olfactory(1, new WeightInit.Uniform(0, 1)), NO_DATA);
    EdgeList pnKc = w.projection("PN", "KC").orElseThrow().edges();
    assertEquals(2000 * 7, pnKc.edgeCount());
    for (int t = 0; t < 2000; t++) {
      assertEquals(7, pnKc.rowPtr()[t + 1] - pnKc.rowPtr()[t]);
    }
    // Every PN is used by some KC: the draw is spread over all sources (expected ~93 each).
    int[] fanOut = pnKc.fanOut();
    for (int count : fanOut) {
      assertTrue(count > 50 && count < 140, "PN fan-out " + count);
    }
  }

  @Test
  void glomerularBlocksUnequalCounts() {
    CircuitWiring w = CircuitWiringBuilder.build(olfactory(1, new WeightInit.Uniform(0, 1)), NO_DATA);
    ProjectionWiring ornPn = w.projection("ORN", "PN").orElseThrow();
    EdgeList e = ornPn.edges();
    // 25 glomeruli: ORNs 2k, 2k+1 drive PNs 6k .. 6k+5.
    assertEquals(150 * 2, e.edgeCount());
    for (int pn = 0; pn < 150; pn++) {
      int k = pn / 6;
      assertArrayEquals(
          new int[] {2 * k, 2 * k + 1},
          java.util.Arrays.copyOfRange(e.sourceIndex(), e.rowPtr()[pn], e.rowPtr()[pn + 1]));
    }
    for (float m : ornPn.initialMagnitudes()) {
      assertTrue(m >= 0 && m < 1.2, "normal(0.5, 0.1) magnitude " + m);
    }
  }

  @Test
  void glomerularDefaultCountFitsSmallPopulations() {
    CircuitSpec spec =
        TestCircuits.circuit()
            .population("ORN", "ORN", 50)
            .population("PN", "uPN", 150)
            .projection("ORN", "PN", new Connectivity.Glomerular(0), new WeightInit.Constant(1))
            .build();
    EdgeList e = CircuitWiringBuilder.build(spec, NO_DATA).projections().get(0).edges();
    // 50 glomeruli (51 lowered to the 50 ORNs): one ORN each, every PN receives exactly one ORN.
    assertEquals(150, e.edgeCount());
    Set<Integer> used = new HashSet<>();
    for (int s : e.sourceIndex()) {
      used.add(s);
    }
    assertEquals(50, used.size());
  }

  @Test
  void signAndDalesLaw() {
    CircuitWiring w = CircuitWiringBuilder.build(olfactory(3, new WeightInit.Normal(0, 1)), NO_DATA);
    ProjectionWiring aplKc = w.projection("APL", "KC").orElseThrow();
    assertEquals(-1, aplKc.sign());
    for (float m : aplKc.initialMagnitudes()) {
      assertEquals(0.2f, m);
    }
    for (float weight : aplKc.initialWeights()) {
      assertEquals(-0.2f, weight);
    }
    for (float m : w.projection("PN", "KC").orElseThrow().initialMagnitudes()) {
      assertTrue(m >= 0);
    }
  }

  @Test
  void xavierAndKaimingScaleWithFanIn() {
    CircuitWiring w = CircuitWiringBuilder.build(olfactory(3, new WeightInit.Kaiming()), NO_DATA);
    float[] xavier = w.projection("KC", "MBON").orElseThrow().initialMagnitudes();
    double limit = Math.sqrt(6.0 / (2000 + 50));
    double mean = 0;
    for (float m : xavier) {
      assertTrue(m <= limit + 1e-7);
      mean += m;
    }
    assertEquals(limit / 2, mean / xavier.length, limit * 0.02);
    // |N(0, 2/7)| has mean sqrt(2/7) * sqrt(2/pi).
    float[] kaiming = w.projection("PN", "KC").orElseThrow().initialMagnitudes();
    double kMean = 0;
    for (float m : kaiming) {
      kMean += m;
    }
    assertEquals(Math.sqrt(2.0 / 7) * Math.sqrt(2 / Math.PI), kMean / kaiming.length, 0.01);
  }

  @Test
  void errorsNameTheProjectionAndTheFix() {
    CircuitSpec tooWide =
        TestCircuits.circuit()
            .population("A", "PN", 5)
            .population("B", "KC", 10)
            .projection("A", "B", new Connectivity.RandomFanIn(6), new WeightInit.Constant(1))
            .build();
    ConnectomeException e =
        assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(tooWide, NO_DATA));
    assertTrue(e.getMessage().contains("A -> B"), e.getMessage());
    assertTrue(e.getMessage().contains("at most 5"), e.getMessage());

    CircuitSpec unequal =
        TestCircuits.circuit()
            .population("A", "PN", 5)
            .population("B", "KC", 10)
            .projection("A", "B", new Connectivity.OneToOne(), new WeightInit.Constant(1))
            .build();
    e = assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(unequal, NO_DATA));
    assertTrue(e.getMessage().contains("one_to_one"), e.getMessage());

    CircuitSpec missing =
        TestCircuits.circuit()
            .population("A", "PN", 5)
            .projection("A", "C", new Connectivity.Dense(), new WeightInit.Constant(1))
            .build();
    e = assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(missing, NO_DATA));
    assertTrue(e.getMessage().contains("no population named 'C'"), e.getMessage());

    CircuitSpec badUniform =
        TestCircuits.circuit()
            .population("A", "PN", 5)
            .projection("A", "A", new Connectivity.Dense(), new WeightInit.Uniform(1, 0))
            .build();
    e = assertThrows(ConnectomeException.class, () -> CircuitWiringBuilder.build(badUniform, NO_DATA));
    assertTrue(e.getMessage().contains("swap the bounds"), e.getMessage());
    assertFalse(e.file().isPresent());
  }
}
