package org.neuromechfly.dmn.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * What a sweep left behind.
 *
 * @param folder the sweep folder
 * @param rows one row per run, in the sweep's order
 * @param failed runs that failed
 * @param trained runs trained (or continued) by this process; the others had finished before
 * @param slots runs Spark could train at once
 * @param master the Spark master it ran on
 * @param seconds wall time of this process's part of the sweep
 */
public record SweepResult(Path folder, List<RunRow> rows, int failed, int trained, int slots, String master,
    double seconds) {

  public boolean complete() {
    return failed == 0;
  }

  /** {@code status.json} while the sweep runs: no table yet. */
  static void writeRunning(SweepFolder sweep, int runs) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runs", runs);
    s.put("complete", false);
    s.put("tableComplete", false);
    try {
      SweepFolder.writeAtomically(sweep.file(SweepFolder.STATUS), CircuitJson.pretty(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code status.json}. */
  void writeStatus(SweepFolder sweep) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runs", rows.size());
    s.put("completed", rows.size() - failed);
    s.put("failed", failed);
    s.put("complete", complete());
    s.put("tableComplete", true);
    s.put("trainedThisTime", trained);
    s.put("runsInParallel", slots);
    s.put("master", master);
    s.put("seconds", seconds);
    try {
      SweepFolder.writeAtomically(sweep.file(SweepFolder.STATUS), CircuitJson.pretty(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
