package org.neuromechfly.dmn.model;

/** Smooth functions whose derivative stands in for the spike's during backpropagation. */
public enum SurrogateKind {
  SIGMOID,
  /** SuperSpike (Zenke &amp; Ganguli 2018): 1 / (1 + β|v − θ|)². */
  FAST_SIGMOID,
  ARCTAN
}
