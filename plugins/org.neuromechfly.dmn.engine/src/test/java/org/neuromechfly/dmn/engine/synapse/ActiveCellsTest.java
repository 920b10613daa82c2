package org.neuromechfly.dmn.engine.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The active lists are exactly the non-zero outputs of each fly, in order (NaN active, −0 silent). */
class ActiveCellsTest {

  @Test
  void listsTheNonZeroOutputsOfEveryFly() {
    SplittableRandom random = new SplittableRandom(5);
    for (int cells : new int[] {1, 3, 4, 10, 2001}) {
      int batch = 3;
      double[] output = new double[cells * batch];
      for (int i = 0; i < output.length; i++) {
        double u = random.nextDouble();
        output[i] = u < 0.05 ? 1 : u < 0.07 ? random.nextDouble() : u < 0.08 ? Double.NaN : u < 0.09 ? -0.0 : 0;
      }
      output[output.length - 1] = 1; // the last cell of the last fly
      ActiveCells active = ActiveCells.of(output, cells, batch);
      for (int b = 0; b < batch; b++) {
        int o = b * cells;
        int[] expected = IntStream.range(0, cells).filter(j -> output[o + j] != 0).toArray();
        int[] found = new int[active.count(b)];
        System.arraycopy(active.indices(), active.start(b), found, 0, found.length);
        assertArrayEquals(expected, found, cells + " cells, fly " + b);
      }
      assertEquals(cells - 1, active.indices()[active.start(batch - 1) + active.count(batch - 1) - 1]);
      // reused for another step: the lists are replaced
      active.find(new double[cells * batch]);
      assertEquals(0, active.count(0) + active.count(1) + active.count(2));
    }
  }
}
