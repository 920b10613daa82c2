package org.neuromechfly.dmn.engine.neuron;

/**
 * Floating-point width of stored state traces and of the BLAS calls. Training runs in {@link #FLOAT32};
 * gradient checks run in {@link #FLOAT64} so that finite differences resolve 1e-6 relative errors.
 * Scalar arithmetic inside a time step is always double.
 */
public enum Precision {
  FLOAT32,
  FLOAT64
}
