package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12, item 4: a {@code dmn train} child process killed with SIGKILL during training and during
 * a checkpoint write, then resumed, ends with the same parameters, optimiser state, history and summary
 * as a run that was never interrupted — bit for bit, timings aside — and no temporary file is left.
 */
class InterruptedTrainingTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EPISODES = 4;

  /**
   * A quarter of a million learnable KC -> KC weights make a checkpoint of ~15 MB, so that its write lasts long
   * enough to be caught by a kill; 20 steps keep an episode short.
   */
  static final String MODEL = """
      circuit Interrupted

      population ORN : ORN { count 8 }
      population KC : KC { count 500 }
      population DN : DN { count 10 }

      projection ORN -> KC dense weight uniform(0, 0.2) learn
      projection KC -> KC dense weight uniform(0, 0.001) learn
      projection KC -> DN dense weight uniform(0, 0.05) learn

      task navigation {
        arena 200 mm x 200 mm
        source at (150 mm, 100 mm)
        start within 10 mm of (140 mm, 100 mm)
        steps 20
        dt 1 ms
        forward from DN[0..4]
        turn from DN[5..9]
      }
      loss { navigation 1.0 }
      training { episodes %d batch 2 checkpoint every 1 seed 3 }
      """.formatted(EPISODES);

  @Test
  void killedDuringACheckpointWriteOrDuringTrainingAndResumedIsBitIdentical() throws Exception {
    Path model = Files.writeString(dir.resolve("interrupted.circuit"), MODEL);
    var reference = ChildProcess.run(dir, Map.of(), List.of(), 600, "train", model.toString(), "--out", "reference", "--no-progress");
    assertEquals(0, reference.exit(), reference.out() + reference.err());

    Path midWrite = killed(model, "mid-write", true);
    assertTrue(temporaries(midWrite).size() > 0, "the kill should have interrupted a checkpoint write");
    resumeAndCompare(model, midWrite);

    Path midEpisode = killed(model, "mid-episode", false);
    resumeAndCompare(model, midEpisode);
  }

  /** Starts a run and kills it with SIGKILL once a checkpoint exists: while the next one is written, or between writes. */
  private Path killed(Path model, String name, boolean duringWrite) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      Path run = dir.resolve(name + "-" + attempt);
      Process child = new ProcessBuilder(ChildProcess.command(List.of(), "train", model.toString(), "--out", run.toString(), "--no-progress"))
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + "-" + attempt + ".log").toFile()).start();
      boolean killed = false;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (child.isAlive() && System.nanoTime() < deadline) {
        if (Files.isRegularFile(run.resolve("checkpoint.json"))) {
          boolean writing = temporaries(run).stream().anyMatch(t -> t.getFileName().toString().startsWith("checkpoint.json"));
          if (writing == duringWrite) {
            if (!duringWrite) {
              Thread.sleep(30); // inside an episode, not at its edge
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            killed = true;
            break;
          }
        }
        Thread.onSpinWait();
      }
      child.waitFor(1, TimeUnit.MINUTES);
      boolean caughtInTheAct = !duringWrite || temporaries(run).stream().anyMatch(t -> t.getFileName().toString().startsWith("checkpoint.json"));
      if (killed && caughtInTheAct && Files.isRegularFile(run.resolve("checkpoint.json"))) {
        return run;
      }
    }
    throw new AssertionError("could not kill the run " + (duringWrite ? "during a checkpoint write" : "during training") + " in 5 attempts");
  }

  private void resumeAndCompare(Path model, Path run) throws Exception {
    int before = temporaries(run).size();
    var resumed = ChildProcess.run(dir, Map.of(), List.of(), 600, "train", model.toString(), "--resume", run.toString(), "--no-progress");
    assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
    if (before > 0) {
      assertTrue(resumed.out().contains("removed " + before + " temporary file(s) an interrupted write left"), resumed.out());
    }
    assertEquals(List.of(), temporaries(run), "temporary files left in " + run);
    Path reference = dir.resolve("reference");
    assertEquals(withoutTimes(JSON.readTree(reference.resolve("checkpoint.json").toFile())),
        withoutTimes(JSON.readTree(run.resolve("checkpoint.json").toFile())), "checkpoint of " + run);
    assertTrue(Arrays.equals(Files.readAllBytes(reference.resolve("best.json")), Files.readAllBytes(run.resolve("best.json"))), "best.json of " + run);
    assertEquals(withoutTimes(JSON.readTree(reference.resolve("summary.json").toFile())),
        withoutTimes(JSON.readTree(run.resolve("summary.json").toFile())), "summary of " + run);
    assertEquals(withoutSeconds(reference.resolve("history.csv")), withoutSeconds(run.resolve("history.csv")), "history of " + run);
    assertEquals(EPISODES, JSON.readTree(run.resolve("checkpoint.json").toFile()).get("nextEpisode").asInt());
  }

  /** The JSON without wall-clock figures (per-episode seconds, seconds per episode). */
  private static JsonNode withoutTimes(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("seconds", "secondsPerEpisode"));
      object.forEach(InterruptedTrainingTest::withoutTimes);
    } else if (node.isArray()) {
      node.forEach(InterruptedTrainingTest::withoutTimes);
    }
    return node;
  }

  private static List<String> withoutSeconds(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int column = Arrays.asList(lines.get(0).split(",")).indexOf("seconds");
    assertTrue(column >= 0, lines.get(0));
    return lines.stream().map(l -> {
      String[] cells = l.split(",", -1);
      cells[column] = "";
      return String.join(",", cells);
    }).toList();
  }

  static List<Path> temporaries(Path run) throws IOException {
    if (!Files.isDirectory(run)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(run)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
