package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.cli.DmnCommandLineTest.Result;

/**
 * The research loop on a small mushroom body in the real data formats: train (which records the
 * wiring's provenance and writes the report), analyse the weights and the activity, and the bad
 * inputs the analyses refuse with a message naming what differs. The run is trained once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The class's folder: given to {@code train} (a @TempDir field is not set before @BeforeAll in every JUnit version). */
  Path dir;
  Path data;
  Path run;

  static Result dmn(String... args) {
    return DmnCommandLineTest.dmn(args);
  }

  @BeforeAll
  void train(@TempDir Path folder) throws Exception {
    dir = folder;
    Path model = TinyMushroomBody.write(dir);
    data = dir.resolve("data");
    run = dir.resolve("run");
    Result r = dmn("train", model.toString(), "--data-dir", data.toString(), "--out", run.toString(), "--no-progress");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("report: " + run.resolve("report.html")), r.out());
  }

  @Test
  void trainingRecordsWhoTheCellsAre() throws Exception {
    JsonNode p = JSON.readTree(run.resolve("connectome.json").toFile());
    assertEquals("TinyMushroomBody", p.path("circuit").asText());
    assertEquals(4, p.path("sources").size(), "PN -> KC, KC -> APL, KC -> MBON and the glomerulus map");
    JsonNode pn = cells(p, "PN");
    assertEquals("[101,102,103,104]", pn.path("ids").toString());
    assertEquals("[\"DM1_lPN\",\"DM1_lPN\",\"VA1d_adPN\",\"VP1d_il2PN\"]", pn.path("types").toString());
    JsonNode orn = cells(p, "ORN");
    // 6 receptor neurons per antenna: DM1 4, VA1d 2 (40 : 20 expected), left antenna first
    assertEquals("[\"ORN_DM1\",\"ORN_DM1\",\"ORN_DM1\",\"ORN_DM1\",\"ORN_VA1d\",\"ORN_VA1d\",\"ORN_DM1\",\"ORN_DM1\","
        + "\"ORN_DM1\",\"ORN_DM1\",\"ORN_VA1d\",\"ORN_VA1d\"]", orn.path("types").toString());
    assertEquals("left", orn.path("sides").get(0).asText());
    assertEquals("right", orn.path("sides").get(11).asText());
    orn.path("ids").forEach(id -> assertEquals(-1, id.asLong()));
    assertEquals(30, cells(p, "KC").path("ids").size());
  }

  @Test
  void weightsAgainstCountsWithShuffleAndUntrainedControls() throws Exception {
    // 30 KCs: a cell-type pair has ~15 edges, fewer than the default 20 a pair needs for a row
    Result r = dmn("analyze", "weights", run.toString(), "--data-dir", data.toString(), "--shuffles", "200",
        "--min-pair-edges", "10");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("not analysed: ORN -> PN has no connectome synapse counts"), r.out());
    JsonNode w = JSON.readTree(run.resolve("weights.json").toFile());
    assertEquals(2, w.path("projections").size(), w.toString());
    JsonNode pnKc = w.path("projections").get(0);
    assertEquals("PN -> KC", pnKc.path("projection").asText());
    // initialised as synapse count x scale: the untrained weights rank exactly as the counts
    assertEquals(1.0, pnKc.path("spearman").path("untrained").asDouble(), 1e-12);
    assertEquals(1.0, pnKc.path("pearson").path("untrained").asDouble(), 1e-6);
    JsonNode test = pnKc.path("spearman").path("learnedTest");
    assertEquals(200, test.path("shuffles").asInt());
    assertTrue(test.path("nullLow").asDouble() <= test.path("nullMean").asDouble()
        && test.path("nullMean").asDouble() <= test.path("nullHigh").asDouble(), test.toString());
    assertTrue(w.path("skipped").has("KC -> APL"), "a fixed projection is not a learned one");
    assertTrue(w.path("pairs").size() > 0, "cell-type pairs");
    for (JsonNode pair : w.path("pairs")) {
      assertTrue(pair.path("edges").asInt() >= 10, pair.toString());
    }
    assertTrue(w.path("pairs").toString().contains("KCγ"), "KC subtypes pooled into classes");
    String csv = Files.readString(run.resolve("weights.csv"));
    assertTrue(csv.startsWith("level,projection,pre_type,post_type,edges"), csv);
    assertTrue(csv.contains("projection,PN -> KC,all,all,"), csv);
    assertPng(run.resolve("weights-PN-KC.png"));
    assertPng(run.resolve("weights-KC-MBON.png"));
    assertTrue(Files.readString(run.resolve("report.html")).contains("Learned weights against synapse counts"));
  }

  @Test
  void activityAgainstReferenceRangesPerCellType() throws Exception {
    Result r = dmn("analyze", "activity", run.toString(), "--data-dir", data.toString(), "--starts", "4", "--trials", "4");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode a = JSON.readTree(run.resolve("activity.json").toFile());
    Map<String, JsonNode> byKey = new TreeMap<>();
    a.path("rows").forEach(row -> byKey.put(row.path("cellType").asText() + " | " + row.path("measure").asText(), row));
    for (String kc : new String[] {"KC", "KCγ", "KCα/β", "KCα′/β′"}) {
      JsonNode responding = byKey.get(kc + " | KCs responding to the odour pulse");
      assertTrue(responding != null, kc + " in " + byKey.keySet());
      assertEquals(0.02, responding.path("low").asDouble(), 1e-12, "kc_sparsity of cell_types.yaml");
      assertTrue(responding.path("source").asText().contains("Honegger"), responding.toString());
      assertTrue(Stream.of("pass", "warn").anyMatch(v -> v.equals(responding.path("verdict").asText())));
    }
    JsonNode orn = byKey.get("ORN | spontaneous rate (clean air, 200 ms before the pulse)");
    assertEquals(1.0, orn.path("low").asDouble(), 1e-12);
    assertEquals(20.0, orn.path("high").asDouble(), 1e-12);
    assertTrue(byKey.containsKey("KC | APL block: responding KCs silenced / intact"), byKey.keySet().toString());
    assertTrue(byKey.containsKey("KCγ | PN inputs per KC the learned weights use ((Σw)²/Σw²)"), byKey.keySet().toString());
    assertEquals("none", byKey.get("APL | mean output while walking (graded, no spikes)").path("verdict").asText());
    assertPng(run.resolve("activity-pulse.png"));
    assertPng(run.resolve("activity-kc.png"));
  }

  @Test
  void aProjectionWithoutCountsIsRefusedByName() {
    Result r = dmn("analyze", "weights", run.toString(), "--data-dir", data.toString(), "--projection", "ORN -> PN");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("projection ORN -> PN has no connectome synapse counts: it is wired by glomerulus"
        + " ('glomerular by antenna')"), r.err());
    assertTrue(r.err().contains("analyse one of [PN -> KC, KC -> MBON]"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void changedConnectomeDataIsAChecksumMismatch() throws Exception {
    Path changed = copy(data, dir.resolve("changed-data"));
    Path edges = changed.resolve("mb/edges.csv");
    Files.writeString(edges, Files.readString(edges).replaceFirst(",CA\\(R\\),(\\d+)\n", ",CA(R),99\n"));
    Result r = dmn("analyze", "weights", run.toString(), "--data-dir", changed.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("connectome 'fixture' (neuprint) has changed since training: sha256 now "), r.err());
    assertTrue(r.err().contains(", recorded "), r.err());
  }

  @Test
  void neuronIdsThatNoLongerMatchTheProvenanceAreNamed() throws Exception {
    Path other = copy(run, dir.resolve("ids-run"));
    ObjectNode p = (ObjectNode) JSON.readTree(other.resolve("connectome.json").toFile());
    ((ArrayNode) cells(p, "PN").path("ids")).set(2, 777L);
    Files.writeString(other.resolve("connectome.json"), JSON.writeValueAsString(p));
    Result r = dmn("analyze", "activity", other.toString(), "--data-dir", data.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("population PN cell 2 was neuron 777 of fixture in training but is neuron 103 in the data"
        + " now"), r.err());
  }

  @Test
  void aRunFolderMixingModelVersionsIsRefused() throws Exception {
    Path other = copy(run, dir.resolve("edited-run"));
    Path circuit = other.resolve("circuit.json");
    String edited = Files.readString(circuit).replace("\"learningRate\" : 0.02", "\"learningRate\" : 0.03");
    assertNotEquals(Files.readString(circuit), edited);
    Files.writeString(circuit, edited);
    Result r = dmn("analyze", "weights", other.toString(), "--data-dir", data.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("circuit.json is not the circuit this run's wiring was recorded for"), r.err());
    assertTrue(r.err().contains("mixes files of two model versions"), r.err());

    Path cut = copy(run, dir.resolve("cut-run"));
    ObjectNode cp = (ObjectNode) JSON.readTree(cut.resolve("checkpoint.json").toFile());
    ArrayNode w = (ArrayNode) cp.path("parameters").path("w:PN -> KC");
    int edges = w.size();
    w.remove(0);
    Files.writeString(cut.resolve("checkpoint.json"), JSON.writeValueAsString(cp));
    r = dmn("analyze", "weights", cut.toString(), "--data-dir", data.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("checkpoint.json was written for another model version than circuit.json: w:PN -> KC has "
        + (edges - 1) + " values, the circuit's wiring has " + edges + " edges"), r.err());
  }

  /**
   * Found analysing the trained hemibrain example: for 16 flies of 5,000 steps the kernel recomputes
   * segments (the whole record would not fit), and the walk read the record it does not keep. Outputs
   * are now recorded as the walk runs: the same bits whatever the kernel keeps; membranes, which need
   * the whole record, are refused with the reason before anything runs.
   */
  @Test
  void aWalkRecordsTheSameOutputsWhenTheKernelRecomputesSegments() {
    var trained = org.neuromechfly.dmn.analysis.run.TrainedRun.open(run, org.neuromechfly.dmn.connectome.wiring.DataDirectory.of(data),
        org.neuromechfly.dmn.analysis.run.TrainedRun.Checkpoint.LAST);
    var spec = trained.spec();
    var network = trained.trainedNetwork();
    var whole = org.neuromechfly.dmn.analysis.simulate.Walk.heldOut(spec, network, 2, false,
        org.neuromechfly.dmn.engine.network.Recomputation.none());
    var segmented = org.neuromechfly.dmn.analysis.simulate.Walk.heldOut(spec, network, 2, false,
        org.neuromechfly.dmn.engine.network.Recomputation.segments(7));
    long spikes = 0;
    for (int p = 0; p < whole.activity().populationCount(); p++) {
      var a = whole.activity().state(p);
      var b = segmented.activity().state(p);
      for (int t = 0; t < a.steps(); t++) {
        for (int f = 0; f < 2; f++) {
          for (int n = 0; n < a.cells(); n++) {
            assertEquals(a.output(t, f, n), b.output(t, f, n), "population " + p + " step " + t);
            spikes += a.output(t, f, n) > 0 ? 1 : 0;
          }
        }
      }
    }
    assertTrue(spikes > 0, "the walk should spike");
    var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> org.neuromechfly.dmn.analysis.simulate.Walk.heldOut(spec, network, 2, true,
            org.neuromechfly.dmn.engine.network.Recomputation.segments(7)));
    assertTrue(refused.getMessage().startsWith("the membranes of 2 flies over"), refused.getMessage());
  }

  @Test
  void aRecordingIsReplacedOnlyWithForce() throws Exception {
    Path h5 = dir.resolve("kept.h5");
    Files.writeString(h5, "an earlier recording");
    Result refused = dmn("simulate", run.toString(), "--data-dir", data.toString(), "--starts", "1", "--out", h5.toString());
    assertEquals(1, refused.exit());
    assertEquals("error: " + h5 + ": exists; nothing was simulated. Pass --force to replace it, or choose another file.",
        refused.err().strip());
    assertEquals("an earlier recording", Files.readString(h5));
    Result replaced = dmn("simulate", run.toString(), "--data-dir", data.toString(), "--starts", "1", "--out", h5.toString(),
        "--force");
    assertEquals(0, replaced.exit(), replaced.err());
    assertTrue(Files.size(h5) > 1000 && !Files.readString(h5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("an earlier"));
  }

  @Test
  void analysesOnlyAddTheirOwnFiles() throws Exception {
    Path copy = copy(run, dir.resolve("untouched-run"));
    Map<String, String> before = hashes(copy);
    assertEquals(0, dmn("analyze", "weights", copy.toString(), "--data-dir", data.toString(), "--shuffles", "50").exit());
    assertEquals(0, dmn("simulate", copy.toString(), "--data-dir", data.toString(), "--starts", "2", "--out",
        copy.resolve("walk.h5").toString()).exit());
    Map<String, String> after = hashes(copy);
    for (var e : before.entrySet()) {
      // the report and an earlier weights analysis (when another test ran first) are the outputs it rewrites
      if (!e.getKey().equals("report.html") && !e.getKey().startsWith("weights")) {
        assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed");
      }
    }
    assertTrue(after.keySet().containsAll(java.util.List.of("weights.json", "weights.csv", "walk.h5")), after.keySet().toString());
  }

  @Test
  void aModelThatIsNoRunFolderIsNamed() {
    Result r = dmn("analyze", "weights", dir.toString(), "--data-dir", data.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains(dir + ": not a run folder of dmn train (no circuit.json)"), r.err());
  }

  /**
   * The recording read back by Debian's python3-h5py: shapes, units, and spike counts per population
   * and per cell equal to those of the same walk simulated again here, counted from the network's
   * own activity (not from the file).
   */
  @Test
  void recordingReadBackByH5py() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(python3WithH5py(),
        "needs python3 with h5py (Debian: apt-get install python3-h5py; .ci/run installs it)");
    Path h5 = run.resolve("recording.h5");
    Result r = dmn("simulate", run.toString(), "--data-dir", data.toString(), "--record", "spikes,membrane,trajectory",
        "--starts", "3", "--out", h5.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    Path script = dir.resolve("read_recording.py");
    try (var in = getClass().getResourceAsStream("read_recording.py")) {
      Files.copy(in, script);
    }
    Process python = new ProcessBuilder("python3", script.toString(), h5.toString()).redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, python.waitFor(), output);
    JsonNode h = JSON.readTree(output);
    assertEquals("dmn-recording", h.path("format").asText());
    assertEquals(3, h.path("trials").asInt());
    assertEquals(300, h.path("steps_per_trial").asInt());
    assertEquals(0.001, h.path("dt").asDouble(), 1e-15);
    assertEquals("[900,2]", h.path("position_shape").toString());
    assertEquals("m", h.path("position_unit").asText());
    assertEquals(1.0, h.path("position_conversion").asDouble());
    assertEquals("seconds", h.path("timestamps_unit").asText());
    assertEquals("m", h.path("start_x_unit").asText());
    assertEquals(0.9, h.path("last_timestamp").asDouble(), 1e-9);
    assertEquals(0.9, h.path("trial_stop").get(2).asDouble(), 1e-9);
    assertEquals("[900,30]", h.path("membrane").path("KC").toString());
    assertEquals(1000.0, h.path("membrane_rate").asDouble(), 1e-9);

    var trained = org.neuromechfly.dmn.analysis.run.TrainedRun.open(run,
        org.neuromechfly.dmn.connectome.wiring.DataDirectory.of(data), org.neuromechfly.dmn.analysis.run.TrainedRun.Checkpoint.LAST);
    var walk = org.neuromechfly.dmn.analysis.simulate.Walk.heldOut(trained.spec(), trained.trainedNetwork(), 3);
    long total = 0;
    for (int p = 0; p < walk.activity().populationCount(); p++) {
      var population = walk.activity().population(p);
      if (population.graded()) {
        assertFalse(h.path("populations").has(population.name()), "graded " + population.name() + " has no units table");
        continue;
      }
      var st = walk.activity().state(p);
      long[] perCell = new long[st.cells()];
      for (int t = 0; t < st.steps(); t++) {
        for (int b = 0; b < st.batch(); b++) {
          for (int n = 0; n < st.cells(); n++) {
            perCell[n] += st.output(t, b, n) > 0.5 ? 1 : 0;
          }
        }
      }
      JsonNode units = h.path("populations").path(population.name());
      assertEquals(java.util.Arrays.stream(perCell).sum(), units.path("spikes").asLong(), population.name());
      assertEquals(units.path("spikes").asLong(), units.path("spike_count_attr").asLong(), population.name());
      assertEquals(java.util.Arrays.toString(perCell).replace(" ", ""), units.path("per_unit").toString(), population.name());
      assertEquals("seconds", units.path("spike_times_unit").asText());
      assertTrue(units.path("sorted_within_units").asBoolean(), population.name());
      assertTrue(units.path("max_time").asDouble() <= 0.9 + 1e-9, population.name());
      total += units.path("spikes").asLong();
    }
    assertTrue(total > 0, "the circuit spiked");
    JsonNode pn = h.path("populations").path("PN");
    assertEquals("[101,102,103,104]", pn.path("connectome_id").toString());
    assertEquals("VA1d_adPN", pn.path("cell_type").get(2).asText());
    assertEquals(-1, h.path("populations").path("ORN").path("connectome_id").get(0).asInt());
  }

  /** The report as a person sees it: rendered by a real headless chromium, with no console errors. */
  @Test
  void reportRendersInHeadlessChromium() throws Exception {
    var browser = Chromium.find();
    org.junit.jupiter.api.Assumptions.assumeTrue(browser.isPresent(),
        "needs chromium (Debian: apt-get install chromium; .ci/run installs it)");
    assertEquals(0, dmn("analyze", "weights", run.toString(), "--data-dir", data.toString(), "--shuffles", "100").exit());
    assertEquals(0, dmn("analyze", "activity", run.toString(), "--data-dir", data.toString(), "--starts", "4", "--trials",
        "3").exit());
    // its own recording, so that this test does not depend on the order tests run in
    assertEquals(0, dmn("simulate", run.toString(), "--data-dir", data.toString(), "--starts", "2", "--out",
        run.resolve("report-test.h5").toString()).exit());
    Result r = dmn("report", run.toString());
    assertEquals(0, r.exit(), r.err());
    Path report = run.resolve("report.html");
    String html = Files.readString(report);
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
        "self-contained: no links to fetch, no script");

    // a page that logs a console error: the check below must see it, or it could never fail
    Path control = dir.resolve("control.html");
    Files.writeString(control, "<!DOCTYPE html><html><body><p>control</p>"
        + "<script>console.error('dmn-control-error')</script></body></html>");
    Chromium.Run controlRun = Chromium.run(browser.get(), Files.createDirectories(dir.resolve("profile-control")), control,
        "--dump-dom");
    assertTrue(controlRun.console().stream().anyMatch(l -> l.contains("dmn-control-error")), controlRun.stderr());

    Chromium.Run dom = Chromium.run(browser.get(), Files.createDirectories(dir.resolve("profile-dom")), report, "--dump-dom");
    assertEquals(0, dom.exit(), dom.stderr());
    assertEquals(java.util.List.of(), dom.console(), "console messages of the report");
    String text = dom.stdout();
    for (String expected : new String[] {"TinyMushroomBody", "held-out success", "Training", "Trajectories",
        "Populations", "Projections", "glomerular by antenna", "Connectome data", "Spike rasters",
        "Learned weights against synapse counts", "PN -&gt; KC", "Activity against the fly", "KCs responding to the odour pulse",
        "badge pass", "Recordings (HDF5)", "/units/PN/spike_times"}) {
      assertTrue(text.contains(expected), "rendered DOM lacks " + expected);
    }
    long images = java.util.regex.Pattern.compile("<img [^>]*src=\"data:image/png;base64,").matcher(text).results().count();
    assertTrue(images >= 10, images + " embedded figures");

    Path shot = dir.resolve("report.png");
    Chromium.Run screenshot = Chromium.run(browser.get(), Files.createDirectories(dir.resolve("profile-shot")), report,
        "--screenshot=" + shot, "--window-size=1280,2200");
    assertEquals(0, screenshot.exit(), screenshot.stderr());
    assertPng(shot);
    var image = javax.imageio.ImageIO.read(shot.toFile());
    assertEquals(1280, image.getWidth());
    // the header band is drawn: a dark blue pixel near the top left, white page background further down
    java.awt.Color header = new java.awt.Color(image.getRGB(20, 20));
    assertTrue(header.getBlue() > header.getRed() + 40, "header colour " + header);
  }

  private static boolean python3WithH5py() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import h5py").redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  static JsonNode cells(JsonNode provenance, String population) {
    for (JsonNode c : provenance.path("populations")) {
      if (c.path("population").asText().equals(population)) {
        return c;
      }
    }
    throw new AssertionError("no cells of " + population + " in " + provenance);
  }

  static void assertPng(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertTrue(bytes.length > 1000, file + " is " + bytes.length + " bytes");
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
    var image = javax.imageio.ImageIO.read(file.toFile());
    int first = image.getRGB(0, 0);
    boolean varied = false;
    for (int x = 0; x < image.getWidth() && !varied; x += 7) {
      for (int y = 0; y < image.getHeight() && !varied; y += 7) {
        varied = image.getRGB(x, y) != first;
      }
    }
    assertTrue(varied, file + " is blank");
  }

  static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  static Map<String, String> hashes(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    assertNotEquals(0, out.size());
    return out;
  }
}
