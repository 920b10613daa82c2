package org.neuromechfly.dmn.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a refractory period does to a cell, named as in {@code .circuit} files
 * ({@code refractory_mode clamp | freeze}).
 */
public enum RefractoryMode {
  /**
   * The membrane is held at the reset value and the cell emits nothing; its synaptic current runs on
   * (decays and integrates input) through the period. The engine's behaviour since refractory periods
   * were added (the shape of Norse's {@code lif_refrac}).
   */
  CLAMP("clamp"),
  /**
   * Brian2's {@code (unless refractory)} on both the membrane and the synaptic current with a reset that
   * clears the current ({@code g = 0}), as in the whole-brain model of Shiu et al. 2024 (Nature 634:210;
   * {@code model.py} of {@code philshiu/Drosophila_brain_model}): a spike clears the synaptic current
   * together with the input arriving in its own step; during the period the membrane is frozen (no
   * leak) and synaptic input is dropped — what Brian2 2.5 does with these equations (measured: the
   * engine's spikes match it step for step), the ~30 % effect on downstream rates the issue names.
   */
  FREEZE("freeze");

  private final String keyword;

  RefractoryMode(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<RefractoryMode> byKeyword(String text) {
    return Arrays.stream(values()).filter(m -> m.keyword.equals(text)).findFirst();
  }
}
