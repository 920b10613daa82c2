package org.neuromechfly.dmn.model.export;

/** How a target handles a feature. */
public enum SupportLevel {
  /** Exported exactly. */
  FULL,
  /** Exported with a documented approximation (quantised, rounded, averaged); exports warn. */
  APPROXIMATED,
  /** Not exported: the export fails with a message naming the feature and the target. */
  UNSUPPORTED
}
