package org.neuromechfly.dmn.export;

import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;

/**
 * An export or import that cannot be done. The message names the target and the feature (or the
 * file node) and says what to change.
 */
public class ExportException extends RuntimeException {
  private final ExportTarget target;
  private final ExportFeature feature;

  public ExportException(ExportTarget target, ExportFeature feature, String detail) {
    super(target.displayName() + ": " + (feature == null ? "" : feature.description() + " — ") + detail);
    this.target = target;
    this.feature = feature;
  }

  public ExportException(ExportTarget target, String detail, Throwable cause) {
    super(target.displayName() + ": " + detail, cause);
    this.target = target;
    this.feature = null;
  }

  /** The target the export was for. */
  public ExportTarget target() {
    return target;
  }

  /** The unsupported feature, or {@code null} for other problems (I/O, malformed files). */
  public ExportFeature feature() {
    return feature;
  }
}
