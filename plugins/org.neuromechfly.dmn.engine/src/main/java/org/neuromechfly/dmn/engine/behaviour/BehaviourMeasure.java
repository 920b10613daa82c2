package org.neuromechfly.dmn.engine.behaviour;

/**
 * One measure of the simulated flies' walking, beside what real flies do.
 *
 * @param key stable identifier (JSON, tables)
 * @param name what it is, in words
 * @param value the simulated value (NaN when the flies never were in the condition it needs)
 * @param unit unit of {@code value}
 * @param reference the published value or direction it is compared with
 * @param verdict how the two compare
 */
public record BehaviourMeasure(String key, String name, double value, String unit, Reference reference, Verdict verdict) {

  /** How a simulated value compares with its reference. */
  public enum Verdict {
    /** Within the published range. */
    WITHIN,
    /** Outside the published range. */
    OUTSIDE,
    /** Changes in the published direction. */
    AS_PUBLISHED,
    /** Changes the other way, or not at all. */
    NOT_AS_PUBLISHED,
    /** Nothing to compare with (no published number, or the simulation never met the condition). */
    NOT_COMPARED
  }
}
