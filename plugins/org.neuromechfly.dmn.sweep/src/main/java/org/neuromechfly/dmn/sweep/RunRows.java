package org.neuromechfly.dmn.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * Builds a run's row of the results table from the files its run folder holds ({@code summary.json},
 * {@code behaviour.json}, {@code history.json}, {@code sweep-run.json}), so that a row read back on
 * resume is the row the run gave when it finished.
 */
public final class RunRows {
  public static final String RUN = "run";
  public static final String ID = "run_id";
  public static final String SEED = "seed";
  public static final String STATUS = "status";
  public static final String ERROR = "error";
  /** Episodes over whose mean the final loss components are taken. */
  public static final int LAST_EPISODES = 5;

  /** Behaviour measures (behaviour.json keys, after training) and their columns. */
  private static final Map<String, String> BEHAVIOUR = new LinkedHashMap<>();

  static {
    BEHAVIOUR.put("ground_speed", "ground_speed_mm_s");
    BEHAVIOUR.put("ground_speed_moving", "ground_speed_moving_mm_s");
    BEHAVIOUR.put("walking_fraction", "walking_fraction");
    BEHAVIOUR.put("walking_fraction_clean", "walking_fraction_clean");
    BEHAVIOUR.put("upwind_velocity_odour", "upwind_velocity_odour_mm_s");
    BEHAVIOUR.put("upwind_velocity_clean", "upwind_velocity_clean_mm_s");
    BEHAVIOUR.put("upwind_velocity", "upwind_odour_minus_clean_mm_s");
    BEHAVIOUR.put("saccade_rate", "saccades_per_s");
    BEHAVIOUR.put("straightness", "straightness");
    BEHAVIOUR.put("encounter_rate", "encounters_per_s");
  }

  /** Loss components reported, in order (the engine's component names). */
  static final List<String> LOSSES = List.of("navigation", "energy", "sparsity", "activity");

  private RunRows() {}

  /** The columns every row starts with, before the swept settings. */
  private static LinkedHashMap<String, Object> head(PlannedRun run) {
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put(RUN, run.index());
    row.put(ID, run.id());
    run.settings().forEach((k, v) -> row.put(column(k), settingValue(v)));
    row.put(SEED, run.seed());
    return row;
  }

  /** A plain number as a number, anything else ({@code 20 ms}, {@code adam}) as written. */
  static Object settingValue(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** A setting path as a column name: {@code loss.energy} → {@code loss_energy}. */
  public static String column(String setting) {
    return setting.replaceAll("[^A-Za-z0-9_]", "_");
  }

  static RunRow failed(PlannedRun run, Path dir, RunRecord record) {
    LinkedHashMap<String, Object> row = head(run);
    tail(row, record);
    return new RunRow(run.index(), row);
  }

  static RunRow read(PlannedRun run, Path dir, RunRecord record) {
    LinkedHashMap<String, Object> row = head(run);
    JsonNode summary = json(dir.resolve(RunFolder.SUMMARY_JSON));
    JsonNode behaviour = json(dir.resolve(RunFolder.BEHAVIOUR));
    JsonNode history = json(dir.resolve(RunFolder.HISTORY_JSON));
    row.put("episodes", summary == null ? null : summary.path("episodes").asInt());
    row.put("rollbacks", record.rollbacks());
    double total = 0;
    boolean any = false;
    for (String c : LOSSES) {
      Double v = lastMean(history, c);
      row.put("final_loss_" + c, v);
      if (v != null) {
        total += v;
        any = true;
      }
    }
    row.put("final_loss_total", any ? total : null);
    row.put("success_before", number(summary, "successBefore"));
    row.put("success_after", number(summary, "successAfter"));
    row.put("closest_approach_mm", number(summary, "closestApproachAfterMm"));
    row.put("mean_speed_mm_s", number(summary, "meanSpeedAfterMmPerS"));
    row.put("path_efficiency", number(summary, "pathEfficiencyAfter"));
    Map<String, Double> after = new LinkedHashMap<>();
    if (behaviour != null) {
      behaviour.path("after").forEach(m -> after.put(m.path("key").asText(), m.path("value").isNumber()
          ? m.path("value").asDouble() : null));
    }
    BEHAVIOUR.forEach((key, col) -> row.put(col, finite(after.get(key))));
    Double walking = finite(after.get("walking_fraction"));
    row.put("stopped_fraction", walking == null ? null : 1 - walking);
    if (summary != null) {
      summary.path("measuresAfter").fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("active:")) {
          row.put("active_" + column(e.getKey().substring("active:".length())), finite(e.getValue().asDouble()));
        }
      });
    }
    row.put("seconds_per_episode", number(summary, "secondsPerEpisode"));
    tail(row, record);
    return new RunRow(run.index(), row);
  }

  private static void tail(LinkedHashMap<String, Object> row, RunRecord record) {
    row.put("seconds", record.seconds());
    row.put("attempts", record.attempts());
    row.put(STATUS, record.status());
    row.put(ERROR, record.error());
    row.put("hash", record.hash());
  }

  /** Mean of a loss component over the last {@link #LAST_EPISODES} episodes. */
  private static Double lastMean(JsonNode history, String component) {
    if (history == null || !history.isArray() || history.isEmpty()) {
      return null;
    }
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, history.size() - LAST_EPISODES); i < history.size(); i++) {
      JsonNode v = history.get(i).path("components").path(component);
      if (v.isNumber()) {
        sum += v.asDouble();
        n++;
      }
    }
    return n == 0 ? null : finite(sum / n);
  }

  private static Double number(JsonNode node, String field) {
    return node == null || !node.path(field).isNumber() ? null : finite(node.path(field).asDouble());
  }

  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static JsonNode json(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return CircuitJson.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      return null;
    }
  }
}
