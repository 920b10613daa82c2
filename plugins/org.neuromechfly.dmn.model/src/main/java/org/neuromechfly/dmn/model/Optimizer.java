package org.neuromechfly.dmn.model;

/** Gradient-descent update rules the trainer offers. */
public enum Optimizer {
  ADAM,
  SGD,
  RMSPROP
}
