package org.neuromechfly.dmn.model;

/** Which execution path trains the model (ARCHITECTURE.md explains the two). */
public enum ExecutionEngine {
  FUSED,
  SAMEDIFF
}
