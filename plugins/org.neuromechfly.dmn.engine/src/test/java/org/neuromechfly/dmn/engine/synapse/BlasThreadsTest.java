package org.neuromechfly.dmn.engine.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** OpenBLAS reports back the threads per call it was given. */
class BlasThreadsTest {

  @Test
  void openBlasTakesTheThreadsPerCall() {
    int before = BlasThreads.perCall();
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      BlasThreads.set(1);
      assertEquals(1, BlasThreads.perCall(), "one thread per call");
      BlasThreads.set(cores);
      assertEquals(cores, BlasThreads.perCall(), "all cores per call");
      BlasThreads.set(0);
      assertEquals(1, BlasThreads.perCall(), "at least one");
    } finally {
      BlasThreads.set(before);
    }
  }
}
