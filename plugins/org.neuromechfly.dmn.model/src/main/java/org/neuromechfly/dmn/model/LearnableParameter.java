package org.neuromechfly.dmn.model;

import java.util.Arrays;
import java.util.Optional;

/** Neuron parameters that training may change, named as in {@code .circuit} files. */
public enum LearnableParameter {
  TAU_MEM("tau_mem"),
  TAU_SYN("tau_syn"),
  THRESHOLD("threshold"),
  BIAS("bias");

  private final String keyword;

  LearnableParameter(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<LearnableParameter> byKeyword(String text) {
    return Arrays.stream(values()).filter(p -> p.keyword.equals(text)).findFirst();
  }
}
