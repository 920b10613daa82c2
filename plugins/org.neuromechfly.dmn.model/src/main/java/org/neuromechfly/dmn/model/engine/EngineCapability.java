package org.neuromechfly.dmn.model.engine;

import java.util.Objects;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.export.SupportLevel;

/**
 * One cell of the engine × feature table.
 *
 * @param engine the execution engine
 * @param feature the circuit feature
 * @param level how the engine handles it
 * @param limit a numeric limit where one applies (e.g. entries of a projection's matrix), or {@code null}
 * @param note one line for diagnostics and docs: how, or what to do instead
 */
public record EngineCapability(
    ExecutionEngine engine, EngineFeature feature, SupportLevel level, Long limit, String note) {
  public EngineCapability {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(note, "note");
  }

  /** Whether an amount (of the feature's unit) is within the limit; always true without one. */
  public boolean allows(long amount) {
    return level != SupportLevel.UNSUPPORTED && (limit == null || amount <= limit);
  }
}
