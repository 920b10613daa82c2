package org.neuromechfly.dmn.engine.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;

/** OpenBLAS reports back the share of the cores each caller was given. */
class BlasThreadsTest {

  @Test
  void eachCallerGetsItsShareOfTheCores() {
    int cores = Runtime.getRuntime().availableProcessors();
    int before = BlasThreads.perCall();
    try {
      BlasThreads.shareCores(cores);
      assertEquals(1, BlasThreads.perCall(), "as many callers as cores");
      BlasThreads.shareCores(cores + 3);
      assertEquals(1, BlasThreads.perCall(), "more callers than cores");
      BlasThreads.shareCores(1);
      assertEquals(cores, BlasThreads.perCall(), "one caller");
    } finally {
      openblas.blas_set_num_threads(before);
    }
  }
}
