package org.neuromechfly.dmn.model;

/** What a spike does to the membrane: subtract the threshold, or set it to the reset value. */
public enum ResetMode {
  SUBTRACT,
  ZERO
}
