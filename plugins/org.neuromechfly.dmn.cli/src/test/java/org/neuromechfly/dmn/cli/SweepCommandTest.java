package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.cli.DmnCommandLineTest.Result;

/**
 * {@code dmn sweep} in embedded Spark (local mode): how a sweep expands, how the command line overrides
 * it, that a failing run is recorded without stopping the others, that a sweep killed mid-way and
 * resumed gives the table of an uninterrupted one, and the bad input of the issue.
 */
class SweepCommandTest {
  @TempDir Path dir;

  /** A circuit small enough to train a run in a second or two. */
  static final String TINY = """
      circuit Tiny

      population ORN : ORN {
        count 4
        tau_mem 10 ms
      }

      population DN : DN {
        count 3
        tau_mem 10 ms
        learn bias, tau_mem
        initial rate 40 Hz
      }

      projection ORN -> DN dense weight xavier learn

      task navigation {
        arena 200 mm x 200 mm
        source at (150 mm, 100 mm)
        start within 40 mm of (50 mm, 100 mm)
        steps 60
        dt 1 ms
        max speed 40 mm/s
        forward from DN[0..0]
        turn from DN[1..2]
      }

      loss {
        navigation 1
        energy 0.1
      }

      training {
        episodes 4
        batch 2
        seed 3
        checkpoint every 2
      }
      """;

  static final String SWEEP = """

      sweep {
        vary loss.energy 0.01, 1
        vary training.seed 1 .. 2
      }
      """;

  static Path model(Path dir, String text) throws Exception {
    Path file = dir.resolve("tiny.circuit");
    Files.writeString(file, text);
    return file;
  }

  static Result sweep(String... args) {
    List<String> all = new ArrayList<>(List.of("sweep"));
    all.addAll(Arrays.asList(args));
    return DmnCommandLineTest.dmn(all.toArray(String[]::new));
  }

  @Test
  void expandsTheModelsSweepWithCommandLineOverrides() throws Exception {
    Path file = model(dir, TINY + SWEEP);
    Result plain = sweep(file.toString(), "--dry-run");
    assertEquals(0, plain.exit(), plain.err());
    assertTrue(plain.out().contains("4 runs varying loss.energy {0.01, 1} × training.seed {1, 2}"), plain.out());
    // first axis slowest
    assertTrue(plain.out().indexOf("run-001  loss.energy = 0.01, training.seed = 2") > 0, plain.out());
    assertTrue(plain.out().contains("run-002  loss.energy = 1, training.seed = 1  seed 1"), plain.out());

    Result over = sweep(file.toString(), "--dry-run", "--set", "loss.energy=0.5", "--seeds", "5..7",
        "--set", "training.lr=0.001..0.1log3", "--set", "DN.tau_mem=10ms,20ms");
    assertEquals(0, over.exit(), over.err());
    assertTrue(over.out().contains("18 runs varying loss.energy {0.5} × training.seed {5, 6, 7} × training.lr {0.001,"
        + " 0.01, 0.1} × DN.tau_mem {10 ms, 20 ms}"), over.out());
    assertTrue(over.out().contains("run-017  loss.energy = 0.5, training.seed = 7, training.lr = 0.1, DN.tau_mem = 20 ms"
        + "  seed 7"), over.out());
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void trainsEveryRunInItsFolderAndWritesTheTableAndReport() throws Exception {
    Path file = model(dir, TINY + SWEEP);
    Path out = dir.resolve("sweep");
    Result r = sweep(file.toString(), "--out", out.toString(), "--no-progress", "--parallel", "2");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("done: 4 of 4 runs completed, 0 failed"), r.out());
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, csv.size(), "header + 4 runs");
    assertTrue(csv.get(0).startsWith("run,run_id,loss_energy,training_seed,seed,"), csv.get(0));
    for (int i = 0; i < 4; i++) {
      Path run = out.resolve("runs/run-00" + i);
      assertTrue(Files.isRegularFile(run.resolve("summary.json")), run + " was not trained in its own folder");
      assertTrue(Files.readString(run.resolve("sweep-run.json")).contains("\"completed\""));
      assertTrue(csv.get(i + 1).contains(",completed,"), csv.get(i + 1));
    }
    // each run trains the model with its values written in: run-002 is energy 1, seed 1
    String model2 = Files.readString(out.resolve("runs/run-002/model.circuit"));
    assertTrue(model2.contains("energy 1\n") && model2.contains("seed 1\n") && !model2.contains("vary"), model2);
    String ir2 = Files.readString(out.resolve("runs/run-002/circuit.json"));
    assertTrue(ir2.contains("\"seed\" : 1,"), "run-002 trained another seed");
    // different energy weights give different energy losses; the seeds give different runs
    assertFalse(csv.get(1).split(",")[8].equals(csv.get(3).split(",")[8]), "energy loss does not follow the weight");

    // the Parquet table, read back by an independent reader (DuckDB)
    try (var db = DriverManager.getConnection("jdbc:duckdb:");
        var rs = db.createStatement().executeQuery("select run_id, loss_energy, training_seed, status, success_after from"
            + " read_parquet('" + out.resolve("results.parquet").toString().replace("'", "''") + "/*.parquet') order by run")) {
      int n = 0;
      while (rs.next()) {
        String[] cells = csv.get(n + 1).split(",");
        assertEquals(cells[1], rs.getString(1));
        assertEquals(Double.parseDouble(cells[2]), rs.getDouble(2), 0);
        assertEquals("completed", rs.getString(4));
        n++;
      }
      assertEquals(4, n);
    }
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("loss.energy = 0.01") && report.contains("sweep-vs-loss_energy.png"), "report lacks the conditions");
    for (String png : List.of("sweep-vs-loss_energy.png", "sweep-trajectories.png", "sweep-parameters.png")) {
      byte[] bytes = Files.readAllBytes(out.resolve(png));
      assertTrue(bytes.length > 5000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
    }
    assertTrue(Files.readString(out.resolve("status.json")).contains("\"tableComplete\" : true"));
    assertReportRendersInABrowser(out);

    // the same sweep again into the same folder: refused, pointing at --resume
    Result again = sweep(file.toString(), "--out", out.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("already holds this sweep; continue it with --resume"), again.err());
    // another sweep into it: refused, naming what it holds
    Result other = sweep(file.toString(), "--out", out.toString(), "--seeds", "9");
    assertEquals(1, other.exit());
    assertTrue(other.err().contains("holds another sweep (Tiny, 4 runs varying loss.energy, training.seed)"), other.err());
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aFailingRunIsRecordedWithoutStoppingTheOthersAndResumeTrainsOnlyIt() throws Exception {
    Path file = model(dir, TINY + SWEEP);
    Path out = dir.resolve("sweep");
    Result r;
    System.setProperty("dmn.sweep.fault", "run-001:throw:9");
    try {
      r = sweep(file.toString(), "--out", out.toString(), "--no-progress");
    } finally {
      System.clearProperty("dmn.sweep.fault");
    }
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("done: 3 of 4 runs completed, 1 failed"), r.out());
    assertTrue(r.err().contains("1 run(s) failed"), r.err());
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, csv.size(), "a failed run is a row of the table, not a hole");
    assertTrue(csv.get(2).contains(",failed,") && csv.get(2).contains("fault injected into run-001 on attempt 1"), csv.get(2));
    assertTrue(csv.get(3).contains(",completed,"), csv.get(3));
    assertTrue(Files.readString(out.resolve("report.html")).contains("fault injected into run-001"));
    String before = Files.readString(out.resolve("runs/run-002/sweep-run.json"));

    // resume: only the failed run trains again
    Result resumed = sweep("--resume", out.toString(), "--no-progress");
    assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
    assertTrue(resumed.out().contains("4 runs, 3 already finished"), resumed.out());
    assertEquals(before, Files.readString(out.resolve("runs/run-002/sweep-run.json")), "a finished run was trained again");
    assertTrue(Files.readAllLines(out.resolve("results.csv")).get(2).contains(",completed,"));
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void retriesARunPerSparksPolicy() throws Exception {
    Path file = model(dir, TINY + "\nsweep {\n  vary training.seed 1, 2\n}\n");
    Path out = dir.resolve("sweep");
    Result r;
    System.setProperty("dmn.sweep.fault", "run-000:throw:1");
    try {
      r = sweep(file.toString(), "--out", out.toString(), "--no-progress", "--max-attempts", "2");
    } finally {
      System.clearProperty("dmn.sweep.fault");
    }
    assertEquals(0, r.exit(), r.out() + r.err());
    String record = Files.readString(out.resolve("runs/run-000/sweep-run.json"));
    assertTrue(record.contains("\"attempts\" : 2") && record.contains("\"completed\""), record);
  }

  @Test
  @Timeout(value = 400, unit = TimeUnit.SECONDS)
  void aSweepKilledMidwayAndResumedGivesTheTableOfAnUninterruptedOne() throws Exception {
    // longer runs, so that the kill lands while some train
    String slow = TINY.replace("episodes 4", "episodes 12").replace("steps 60", "steps 200") + SWEEP;
    Path file = model(dir, slow);
    Path whole = dir.resolve("whole");
    Result uninterrupted = sweep(file.toString(), "--out", whole.toString(), "--no-progress");
    assertEquals(0, uninterrupted.exit(), uninterrupted.out() + uninterrupted.err());

    Path killed = dir.resolve("killed");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Arrays.asList(System.getProperty("dmn.spark.jvm", "").split(" ")));
    command.addAll(List.of("-Ddmn.data.dir=" + System.getProperty("dmn.data.dir", "../shared/data"), "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Dmn.class.getName(), "sweep", file.toString(), "--out", killed.toString(), "--no-progress"));
    command.removeIf(String::isBlank);
    Process driver = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("driver.log").toFile()).start();
    // kill -9 once a run has finished and another has a checkpoint but has not finished
    boolean midway = false;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (driver.isAlive() && System.nanoTime() < until) {
      int finished = 0;
      int checkpointed = 0;
      for (int i = 0; i < 4; i++) {
        Path run = killed.resolve("runs/run-00" + i);
        if (Files.isRegularFile(run.resolve("sweep-run.json"))
            && Files.readString(run.resolve("sweep-run.json")).contains("\"completed\"")) {
          finished++;
        } else if (Files.isRegularFile(run.resolve("checkpoint.json"))) {
          checkpointed++;
        }
      }
      if (finished >= 1 && checkpointed >= 1) {
        driver.destroyForcibly();
        midway = true;
        break;
      }
      Thread.sleep(50);
    }
    driver.waitFor(30, TimeUnit.SECONDS);
    assertTrue(midway, "the driver finished before it could be killed mid-way: " + Files.readString(dir.resolve("driver.log")));
    assertFalse(Files.exists(killed.resolve("results.csv")), "an interrupted sweep left a table");

    Result resumed = sweep("--resume", killed.toString(), "--no-progress");
    assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
    assertEquals(withoutTiming(whole.resolve("results.csv")), withoutTiming(killed.resolve("results.csv")));
  }

  /** Headless Chromium loads the report: every figure decodes (skipped where Chromium is not installed). */
  static void assertReportRendersInABrowser(Path sweepDir) throws Exception {
    Path chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().map(Path::of)
        .filter(Files::isExecutable).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it)");
    String html = Files.readString(sweepDir.resolve("report.html")).replace("</body>", "<script>window.addEventListener("
        + "'load', () => document.body.setAttribute('data-figures', [...document.images].filter(i => i.naturalWidth > 0)"
        + ".length + '/' + document.images.length));</script></body>");
    Path probe = sweepDir.resolve("report-probe.html");
    Files.writeString(probe, html);
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--virtual-time-budget=5000", "--dump-dom", probe.toUri().toString()).redirectErrorStream(false).start();
    String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    Files.delete(probe);
    var m = java.util.regex.Pattern.compile("data-figures=\"(\\d+)/(\\d+)\"").matcher(dom);
    assertTrue(m.find(), "the report did not load in Chromium: " + dom.substring(0, Math.min(500, dom.length())));
    assertEquals(m.group(2), m.group(1), "figures that do not decode in the browser");
    assertTrue(Integer.parseInt(m.group(2)) >= 3, "figures in the report: " + m.group(2));
  }

  /** The table without the columns that measure time (and the attempts a kill adds). */
  static List<String> withoutTiming(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (!List.of("seconds", "seconds_per_episode", "attempts").contains(header.get(i))) {
        keep.add(i);
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      out.add(String.join(",", keep.stream().map(i -> cells[i]).toList()));
    }
    return out;
  }

  @Test
  void theShippedEnergySweepIsTheMainExampleUnderASweep() {
    String main = DmnCommandLineTest.example("olfactory.circuit").toString();
    String energy = DmnCommandLineTest.example("energy_sweep.circuit").toString();
    // the experiment trains the main example itself: a change to one that the other lacks shows here
    Result diff = DmnCommandLineTest.dmn("diff", main, energy);
    assertEquals(List.of("circuit name OlfactoryNavigation → EnergySweep", "+ sweep loss.energy", "+ sweep training.seed"),
        diff.out().lines().toList(), diff.out() + diff.err());
    Result plan = sweep(energy, "--dry-run");
    assertEquals(0, plan.exit(), plan.err());
    assertTrue(plan.out().contains("EnergySweep: 12 runs varying loss.energy {0.01, 0.1, 1} × training.seed {1, 2, 3, 4}"),
        plan.out());
  }

  @Test
  void theDiffShowsSweepChanges() throws Exception {
    Path a = model(dir, TINY + SWEEP);
    Path b = dir.resolve("b.circuit");
    Files.writeString(b, TINY + SWEEP.replace("0.01, 1", "0.01, 0.1, 1").replace("vary training.seed 1 .. 2",
        "vary training.seed 1 .. 2\n  vary DN.tau_mem 10 ms, 20 ms"));
    Result r = DmnCommandLineTest.dmn("diff", a.toString(), b.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("sweep loss.energy 0.01, 1 → 0.01, 0.1, 1"), r.out());
    assertTrue(r.out().contains("+ sweep DN.tau_mem"), r.out());
    assertFalse(r.out().contains("training.seed"), r.out());
  }

  @Test
  void refusesBadSweepsWithLocatedMessages() throws Exception {
    Path file = model(dir, TINY + SWEEP);
    Result unknown = sweep(file.toString(), "--dry-run", "--set", "loss.enrgy=1,2");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("--set loss.enrgy=1,2: error: A sweep cannot vary 'loss.enrgy': no such setting"
        + " in this model. Did you mean 'loss.energy'?"), unknown.err());

    Result unit = sweep(file.toString(), "--dry-run", "--set", "DN.tau_mem=10mm");
    assertEquals(1, unit.exit());
    assertTrue(unit.err().contains("DN.tau_mem is a time, but 'mm' is a unit of length"), unit.err());

    Result range = sweep(file.toString(), "--dry-run", "--set", "loss.energy=-1,0.1");
    assertEquals(1, range.exit());
    assertTrue(range.err().contains("run-000 (loss.energy = -1, training.seed = 1): line")
        && range.err().contains("A loss weight cannot be negative."), range.err());

    Result inModel = sweep(model(dir, TINY + "\nsweep {\n  vary training.batch fast\n}\n").toString(), "--dry-run");
    assertEquals(1, inModel.exit());
    assertTrue(inModel.err().contains("tiny.circuit:") && inModel.err().contains("training.batch takes a number, not the word"
        + " 'fast'"), inModel.err());

    Result empty = sweep(model(dir, TINY).toString(), "--dry-run");
    assertEquals(1, empty.exit());
    assertTrue(empty.err().contains("nothing to sweep"), empty.err());

    Result huge = sweep(model(dir, TINY).toString(), "--dry-run", "--seeds", "1..500");
    assertEquals(1, huge.exit());
    assertTrue(huge.err().contains("this sweep trains 500 runs (more than 100); check the axes and add --yes"), huge.err());

    Result resumeWithFile = sweep(file.toString(), "--resume", dir.toString());
    assertEquals(2, resumeWithFile.exit());
    Result notASweep = sweep("--resume", dir.toString());
    assertEquals(1, notASweep.exit());
    assertTrue(notASweep.err().contains("not a sweep folder (no sweep.json)"), notASweep.err());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anUnreachableMasterIsAClearErrorWithinSeconds() throws Exception {
    Path file = model(dir, TINY + SWEEP);
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }
    long start = System.nanoTime();
    Result r = sweep(file.toString(), "--out", dir.resolve("s").toString(), "--master", "spark://127.0.0.1:" + port);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("cannot reach the Spark master spark://127.0.0.1:" + port), r.err());
    assertFalse(r.err().contains("\tat "), "a stack trace: " + r.err());
    assertTrue(seconds < 15, "took " + seconds + " s");
  }
}
