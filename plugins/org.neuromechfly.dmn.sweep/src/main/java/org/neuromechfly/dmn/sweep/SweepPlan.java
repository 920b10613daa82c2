package org.neuromechfly.dmn.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * A sweep as planned: the circuit, the axes with their values, the episode override and every run.
 * Written to {@code sweep.json} before anything trains, so that {@code dmn sweep --resume} continues
 * exactly this sweep, whatever happened to the model file since.
 *
 * @param circuit the circuit's name
 * @param model the model file the sweep came from (for the record)
 * @param axes the varied settings in order, each with its values as written
 * @param episodes the {@code --episodes} override, or {@code null} for each model's own
 * @param runs every run, in order
 */
public record SweepPlan(String circuit, String model, List<Axis> axes, Integer episodes, List<PlannedRun> runs) {

  /** A varied setting and its values, as written ({@code 0.01}, {@code 20 ms}, {@code adam}). */
  public record Axis(String setting, List<String> values) {
    public Axis {
      values = List.copyOf(values);
    }
  }

  public SweepPlan {
    axes = List.copyOf(axes);
    runs = List.copyOf(runs);
  }

  /** The axis of the training seed, which the report averages over, if the sweep varies it. */
  public static final String SEED = "training.seed";

  /** A fingerprint of the whole plan: two plans with the same runs have the same one. */
  public String fingerprint() {
    StringBuilder b = new StringBuilder();
    runs.forEach(r -> b.append(r.hash()).append('\n'));
    return sha256(b.toString());
  }

  /** The hash of one run: its circuit IR and the episode override. */
  public static String runHash(String circuitJson, Integer episodes) {
    return sha256(circuitJson + "\nepisodes=" + episodes);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plan's runs from its axes: every combination, the first axis slowest. */
  public static List<LinkedHashMap<String, String>> combinations(List<Axis> axes) {
    List<LinkedHashMap<String, String>> out = new java.util.ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Axis axis : axes) {
      List<LinkedHashMap<String, String>> next = new java.util.ArrayList<>();
      for (LinkedHashMap<String, String> partial : out) {
        for (String v : axis.values()) {
          LinkedHashMap<String, String> m = new LinkedHashMap<>(partial);
          m.put(axis.setting(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return axes.isEmpty() ? List.of() : out;
  }

  public void write(Path file) {
    try {
      SweepFolder.writeAtomically(file, CircuitJson.pretty(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code sweep.json}; a damaged file is refused with a message naming it. */
  public static SweepPlan read(Path file) {
    try {
      return CircuitJson.mapper().readValue(Files.readString(file), SweepPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a sweep plan dmn can read (" + e.getOriginalMessage()
          + "); start the sweep again in a new folder");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }
}
