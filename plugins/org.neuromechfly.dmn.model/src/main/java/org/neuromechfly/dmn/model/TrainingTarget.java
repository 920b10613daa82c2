package org.neuromechfly.dmn.model;

/**
 * Hardware a model is trained for ({@code training { target loihi2 }}): the engine then computes what
 * that hardware runs, so the exported network behaves as the trained one. Absent (null in
 * {@link TrainingSpec#target()}), training uses the engine's float arithmetic.
 */
public enum TrainingTarget {
  /**
   * Intel Loihi 2 through lava-dl netx: reset to zero, 12-bit decays with Loihi's truncating
   * arithmetic, 8-bit weights and 13-bit biases in the forward pass (straight-through gradients),
   * delays in whole steps. Export module README, "Hardware-faithful training".
   */
  LOIHI2
}
