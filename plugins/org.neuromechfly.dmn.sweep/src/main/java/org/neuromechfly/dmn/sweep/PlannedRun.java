package org.neuromechfly.dmn.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a sweep, as planned on the driver and shipped to a Spark task: its settings, the model
 * text and compiled circuit it trains, and the hash that proves a finished run folder is this run.
 *
 * @param index 0-based position in the sweep (the first axis varies slowest)
 * @param id folder name under {@code runs/}, e.g. {@code run-007}
 * @param settings the swept settings of this run, path → value as written ({@code loss.energy → 0.1})
 * @param seed the run's training seed
 * @param circuitJson the compiled circuit (canonical IR JSON) the run trains
 * @param modelText the run's model as {@code .circuit} text (trainable alone with {@code dmn train})
 * @param hash SHA-256 of the circuit IR and the sweep's episode override: a run folder whose
 *     {@code sweep-run.json} records another hash is not this run
 */
public record PlannedRun(int index, String id, LinkedHashMap<String, String> settings, long seed, String circuitJson,
    String modelText, String hash) implements Serializable {
  private static final long serialVersionUID = 1L;

  public PlannedRun {
    Objects.requireNonNull(id, "id");
    settings = new LinkedHashMap<>(settings);
  }

  /** "loss.energy = 0.1, training.seed = 3" */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ").append(e.getValue());
    }
    return b.length() == 0 ? id : b.toString();
  }
}
