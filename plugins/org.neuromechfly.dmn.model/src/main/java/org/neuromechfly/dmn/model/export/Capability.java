package org.neuromechfly.dmn.model.export;

import java.util.Objects;

/**
 * One cell of the target × feature table.
 *
 * @param target the export format
 * @param feature the circuit feature
 * @param level how the target handles it
 * @param limit a numeric limit where one applies (delay steps, weight bits), or {@code null}
 * @param note one line for editor diagnostics and docs
 */
public record Capability(
    ExportTarget target, ExportFeature feature, SupportLevel level, Integer limit, String note) {
  public Capability {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(note, "note");
  }

  /** "Loihi 2 (lava-dl netx): synaptic delays approximated (max 62): …" — for diagnostics. */
  public String message() {
    String how =
        switch (level) {
          case FULL -> "supported";
          case APPROXIMATED -> "approximated";
          case UNSUPPORTED -> "not supported";
        };
    return target.displayName() + ": " + feature.description() + " " + how
        + (limit == null ? "" : " (limit " + limit + ")") + ": " + note;
  }
}
