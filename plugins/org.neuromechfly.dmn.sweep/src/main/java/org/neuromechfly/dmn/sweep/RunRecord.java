package org.neuromechfly.dmn.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * {@code sweep-run.json} in a run folder: which run of which sweep it holds and how it ended.
 *
 * @param id the run's id
 * @param settings its swept settings
 * @param hash the run's hash ({@link SweepPlan#runHash})
 * @param status {@value #RUNNING}, {@value #COMPLETED} or {@value #FAILED}
 * @param error what went wrong (failed runs), else {@code null}
 * @param attempts attempts so far (Spark retries a failed task per its policy)
 * @param seconds wall time of the last attempt
 * @param rollbacks episodes rolled back after a non-finite loss or gradient
 */
public record RunRecord(String id, LinkedHashMap<String, String> settings, String hash, String status, String error,
    int attempts, double seconds, int rollbacks) {
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  static RunRecord of(PlannedRun run, String status, String error, int attempts, double seconds, int rollbacks) {
    return new RunRecord(run.id(), run.settings(), run.hash(), status, error, attempts, seconds, rollbacks);
  }

  void write(Path runDir) {
    try {
      SweepFolder.writeAtomically(runDir.resolve(SweepFolder.RUN_RECORD), CircuitJson.pretty(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record of a run folder, if it has a readable one. */
  static Optional<RunRecord> read(Path runDir) {
    Path file = runDir.resolve(SweepFolder.RUN_RECORD);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CircuitJson.mapper().readValue(Files.readString(file), RunRecord.class));
    } catch (IOException e) {
      return Optional.empty(); // a damaged record: the run is trained again
    }
  }
}
