package org.neuromechfly.dmn.model.diff;

/**
 * One difference between two circuits, in domain terms.
 *
 * @param kind added, removed or changed
 * @param subject what changed, e.g. {@code KC} or {@code PN -> KC} or {@code training}
 * @param property the property, e.g. {@code tau_mem}, or empty for the subject itself
 * @param before the old value as a modeller writes it, or {@code null} when added
 * @param after the new value, or {@code null} when removed
 */
public record ModelChange(Kind kind, String subject, String property, String before, String after) {

  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** "KC tau_mem 20 ms → 15 ms", "+ population DN", "- projection KC -> APL". */
  public String describe() {
    String what = property.isEmpty() ? subject : subject + " " + property;
    return switch (kind) {
      case ADDED -> "+ " + what + (after == null || after.isEmpty() ? "" : " " + after);
      case REMOVED -> "- " + what + (before == null || before.isEmpty() ? "" : " " + before);
      case CHANGED -> what + " " + before + " → " + after;
    };
  }
}
