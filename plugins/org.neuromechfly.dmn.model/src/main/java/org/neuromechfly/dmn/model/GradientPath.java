package org.neuromechfly.dmn.model;

/**
 * Which parts of the closed loop the gradient flows through. {@link #MOTOR_ONLY} detaches the sensing
 * path (position → odour → ORN): a prototype found gradients explode through it (NAVIGATION_NOTES.md).
 */
public enum GradientPath {
  FULL,
  MOTOR_ONLY,
  TRUNCATED
}
