package org.neuromechfly.dmn.connectome.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EdgeListTest {

  // 3 sources x 2 targets: target 0 <- {0: 2 synapses, 2: 1}, target 1 <- {1: 5}
  private static final float[] DENSE = {2, 0, 1, 0, 5, 0};

  @Test
  void denseRoundTrip() {
    EdgeList e = EdgeList.fromDense(3, 2, DENSE);
    assertArrayEquals(new int[] {0, 2, 3}, e.rowPtr());
    assertArrayEquals(new int[] {0, 2, 1}, e.sourceIndex());
    assertArrayEquals(new float[] {2, 1, 5}, e.synapses());
    assertEquals(3, e.edgeCount());
    assertEquals(0.5f, e.density());
    assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0}, e.denseMask());
    assertArrayEquals(DENSE, e.denseSynapses());
    assertArrayEquals(new int[] {2, 1}, e.fanIn());
    assertArrayEquals(new int[] {1, 1, 1}, e.fanOut());
    assertArrayEquals(new int[] {0, 0, 1}, e.targetIndex());
    assertEquals(8.0, e.totalSynapses());
    assertEquals(e, EdgeList.fromDense(3, 2, DENSE.clone()));
  }

  @Test
  void rejectsMalformedRows() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EdgeList(3, 1, new int[] {0, 2}, new int[] {2, 1}, new float[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EdgeList(3, 1, new int[] {0, 2}, new int[] {1, 1}, new float[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EdgeList(3, 1, new int[] {0, 1}, new int[] {3}, new float[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EdgeList(3, 1, new int[] {0, 1}, new int[] {0}, new float[] {0}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EdgeList(3, 2, new int[] {0, 1}, new int[] {0}, new float[] {1}));
  }

  @Test
  void emptyPopulationsHaveZeroDensity() {
    assertEquals(0f, EdgeList.empty(0, 4).density());
    assertEquals(0, EdgeList.empty(3, 4).edgeCount());
  }
}
