package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuromechfly.dmn.cli.DmnCommandLineTest.Result;

/**
 * Every reproducer of issue #12 (reliability under bad input) that the command line and the language
 * own, as the user met it: exit code, one located and coded line per diagnostic, no stack trace, no
 * follow-on errors, nothing written where it should not be. (Connectome-table details are in the
 * connectome module's BrokenConnectomeDataTest; run-folder and resume cases come with the engine's
 * RunFolder.)
 */
class ReliabilityRegressionTest {
  @TempDir Path dir;

  /** One diagnostic: {@code file:line:col: severity: message [code]}. */
  static final Pattern DIAGNOSTIC = Pattern.compile("^.+:\\d+:\\d+: (error|warning|info): .+ \\[[a-z0-9_]+\\]$");

  /** A small model the fly can solve (so no task warning), to vary one line at a time. */
  static final String BASE = """
      circuit Base

      population ORN : ORN { count 8 }
      population PN : uPN { count 8 }
      population KC : KC { count 20 }
      population MBON : MBON { count 4 }
      population DN : DN { count 10 }

      projection ORN -> PN one_to_one weight constant(0.5)
      projection PN -> KC random fan_in 3 weight uniform(0, 0.5)
      projection KC -> MBON dense weight uniform(0, 0.5) learn
      projection MBON -> DN dense weight uniform(0, 0.5) learn

      task navigation {
        arena 200 mm x 200 mm
        source at (150 mm, 100 mm)
        start within 10 mm of (140 mm, 100 mm)
        steps 100
        dt 1 ms
        forward from DN[0..4]
        turn from DN[5..9]
      }
      loss { navigation 1.0 }
      training { episodes 1 batch 2 }
      """;

  private Path model(String name, String text) throws IOException {
    Path file = dir.resolve(name + ".circuit");
    Files.writeString(file, text);
    return file;
  }

  private Path variant(String name, String from, String to) throws IOException {
    assertTrue(BASE.contains(from), from);
    return model(name, BASE.replace(from, to));
  }

  /** Validates and checks the invariants every run must keep; returns the result. */
  static Result validate(Path file, String... more) {
    String[] args = new String[more.length + 2];
    args[0] = "validate";
    System.arraycopy(more, 0, args, 1, more.length);
    args[args.length - 1] = file.toString();
    Result r = DmnCommandLineTest.dmn(args);
    assertWellFormed(r);
    return r;
  }

  static void assertWellFormed(Result r) {
    for (String line : r.out().lines().toList()) {
      assertTrue(DIAGNOSTIC.matcher(line).matches(), "not a one-line diagnostic: " + line);
    }
    String all = r.out() + r.err();
    assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"), all);
  }

  private static List<String> lines(Result r, String code) {
    return r.out().lines().filter(l -> l.endsWith("[" + code + "]")).toList();
  }

  // --- stack traces and internal errors -----------------------------------------------------------

  @Test
  void aNulCharacterInAConnectomePathIsOneLocatedError() throws IOException {
    Path file = model("nul", """
        circuit Nul
        connectome c neuprint "\\u0000"
        population PN : uPN { count 2 }
        population KC : KC { count 2 }
        projection PN -> KC from c where pre ".*PN" post "KC.*"
        """);
    Result r = validate(file);
    assertEquals(1, r.exit());
    assertEquals(List.of(file + ":2:23: error: Connectome 'c': '\\u0000' is not a valid path (Nul character not allowed); write a path"
        + " relative to the data directory " + Path.of(System.getProperty("dmn.data.dir")).toAbsolutePath().normalize()
        + ". [connectome_unreadable]"), lines(r, "connectome_unreadable"));
  }

  @Test
  void anOverlongDataLineIsAnErrorNamingTheFileNotACrash() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data/mini"));
    Files.writeString(data.resolve("neurons.csv"), "bodyId,type,instance\n1,DA1_lPN,a_R\n2,KCg,b_R\n");
    Path edges = data.resolve("edges.csv");
    try (Writer w = Files.newBufferedWriter(edges)) {
      w.write("bodyId_pre,bodyId_post,weight\n1,2,");
      char[] chunk = new char[1 << 16];
      java.util.Arrays.fill(chunk, '7');
      for (long written = 0; written <= org.neuromechfly.dmn.connectome.importer.CsvReader.MAX_LINE; written += chunk.length) {
        w.write(chunk);
      }
    }
    Path file = model("long", """
        circuit Long
        connectome c neuprint "mini"
        population PN : uPN { count 1 }
        population KC : KC { count 1 }
        projection PN -> KC from c where pre ".*PN" post "KC.*"
        """);
    Result r = validate(file, "--data-dir", dir.resolve("data").toString());
    assertEquals(1, r.exit());
    assertTrue(lines(r, "connectome_unreadable").get(0).contains(edges + ":2: line 2 is longer than"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"batch 2147483647", "batch 100000000"})
  void aBatchTooLargeToHoldIsRefusedByTheValidator(String batch) throws IOException {
    Path file = variant("batch", "batch 2", batch);
    Result r = validate(file);
    assertEquals(1, r.exit());
    List<String> errors = lines(r, "too_large_to_train");
    assertEquals(1, errors.size(), r.out());
    assertTrue(errors.get(0).startsWith(file + ":24:29: error: Too large to train: " + batch + " × 100 steps"), errors.get(0));
    Result train = DmnCommandLineTest.dmn("train", file.toString(), "--out", dir.resolve("run").toString(), "--no-progress");
    assertEquals(1, train.exit());
    assertTrue(train.err().contains("not trained"), train.err());
    assertFalse(Files.exists(dir.resolve("run")));
  }

  /**
   * Episodes longer than a Java array can hold per fly. (A million steps no longer are: the fused kernel
   * then recomputes segments and needs no steps × batch × cells array; only memory limits them.)
   */
  @Test
  void stepsNoJavaArrayHoldsAreRefusedByTheValidator() throws IOException {
    String example = Files.readString(DmnCommandLineTest.example("olfactory.circuit"));
    Path file = model("steps", example.replaceAll("steps \\d+", "steps 2147483647"));
    Result r = validate(file);
    assertEquals(1, r.exit());
    assertEquals(1, lines(r, "too_large_to_train").size(), r.out());
  }

  @Test
  void aModelThatFitsNoHeapIsRefusedBeforeTrainingNotByAnOutOfMemoryError() throws Exception {
    // batch 64 × 10,000 steps × 3,000 cells: ~14 GiB of records, within Java's array limit
    String big = BASE.replace("count 10 }", "count 3000 }").replace("steps 100", "steps 10000").replace("batch 2", "batch 64");
    Path file = model("big", big);
    var child = ChildProcess.run(dir, Map.of(), List.of("-Xmx512m"), 120, "validate", file.toString());
    assertEquals(0, child.exit(), child.out() + child.err());
    assertTrue(child.out().contains("warning: Training needs about"), child.out());
    assertTrue(child.out().contains("[too_large_to_train]"), child.out());
    var train = ChildProcess.run(dir, Map.of(), List.of("-Xmx512m"), 120, "train", file.toString(), "--out", "run", "--no-progress");
    assertEquals(1, train.exit(), train.out() + train.err());
    assertTrue(train.err().startsWith("error: " + file + ": not trained: training needs about"), train.err());
    assertFalse(train.err().contains("OutOfMemoryError"), train.err());
  }

  @Test
  void aMotorDelayLongerThanTheEpisodeIsAnError() throws IOException {
    Path file = variant("delay", "  dt 1 ms\n", "  dt 1 ms\n  motor delay 99999999999999999999999 ms\n");
    Result r = validate(file);
    assertEquals(1, r.exit());
    List<String> errors = lines(r, "delay_too_long");
    assertEquals(1, errors.size(), r.out());
    assertTrue(errors.get(0).startsWith(file + ":20:15: error: A motor delay of 1.00e+20 s is as long as the episode"), errors.get(0));
    Path synaptic = variant("synaptic", "weight constant(0.5)", "weight constant(0.5) delay 1 s");
    assertEquals(1, lines(validate(synaptic), "delay_too_long").size());
  }

  @Test
  void aNirGraphWithAHundredThousandCharacterNameImports() throws IOException {
    Path file = model("long", "circuit " + "N".repeat(100_000) + """

        population ORN : ORN { count 4 tau_mem 10 ms }
        population DN : DN { count 3 tau_mem 10 ms }
        projection ORN -> DN dense weight xavier learn
        """);
    Path nir = dir.resolve("long.nir");
    assertEquals(0, DmnCommandLineTest.dmn("export", file.toString(), "--nir", nir.toString()).exit());
    Path out = Files.createDirectories(dir.resolve("imported"));
    Result r = DmnCommandLineTest.dmn("import", nir.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.exists(out.resolve("N".repeat(100) + ".circuit")), r.out());
  }

  // --- hangs --------------------------------------------------------------------------------------

  @Test
  void aHundredThousandRepeatedLearnNamesValidateInSecondsWithOneWarning() throws IOException {
    Path file = model("learn", "circuit L\npopulation A : ORN { count 4 learn " + String.join(", ", java.util.Collections.nCopies(100_000, "tau_mem")) + " }\n");
    // before the fix: > 15 minutes; now about 2 s on a 2-core machine (generous bound: this is a hang guard, not a benchmark)
    Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> validate(file));
    assertEquals(List.of(file + ":2:45: warning: 'tau_mem' is listed 100000 times; once is enough. [duplicate_setting]"), lines(r, "duplicate_setting"));
  }

  @Test
  void thirtyThousandSyntaxErrorsValidateInSecondsWithOneLinePerError() throws IOException {
    // found by the long fuzz run: each syntax error's message looked for the token before it from the
    // start of the file, so 6,000 errors took 6 s of CPU and 30,000 would have taken minutes
    int errors = 30_000;
    Path file = model("syntax", "circuit S\npopulation A : ORN {\n" + "  count 1e-300\n".repeat(errors) + "}\n");
    Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> validate(file));
    assertEquals(1, r.exit());
    List<String> syntax = lines(r, "syntax");
    assertEquals(errors, syntax.size());
    assertEquals(file + ":3:9: error: expected a whole number after 'count', found '1e-300' [syntax]", syntax.get(0));
    assertEquals(file + ":" + (errors + 2) + ":9: error: expected a whole number after 'count', found '1e-300' [syntax]", syntax.get(errors - 1));
  }

  @Test
  void aSettingRepeatedTensOfThousandsOfTimesIsOneErrorAndValidatesWithinTheCpuBound() throws IOException {
    // found by the long fuzz run (seed 44): a learn list of 50,000 items with one comma missing parsed
    // as 46,000 'bias' settings; each had a duplicate error, and naming each erroneous setting searched
    // the population's settings from the start, so validation took 6.4 s of CPU
    int repeats = 40_000;
    Path file = model("repeated_setting", "circuit S\npopulation A : ORN {\n  count 4\n  learn tau_mem, bias bias" + ", bias".repeat(repeats) + "\n}\n");
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    Result r = validate(file);
    double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    assertEquals(1, r.exit());
    assertEquals(List.of(file + ":4:29: error: 'bias' is set 40,001 times on line 4; keep one. [duplicate_setting]"), lines(r, "duplicate_setting"));
    assertEquals(repeats + 1, lines(r, "syntax").size());
    assertTrue(seconds < 5, "validation took " + seconds + " s of CPU");
  }

  @Test
  void aConnectomeQueryRepeatedThousandsOfTimesValidatesWithinTheCpuBound() throws IOException {
    // found by the long fuzz run (seed 44): every copy of a connectome-backed projection selected its
    // neurons and synapses from the data again, so 400-500 KB of repeated lines took 8-14 s of CPU
    String example = Files.readString(DmnCommandLineTest.example("mushroom_body.circuit"));
    String line = example.lines().filter(l -> l.startsWith("projection PN -> KC")).findFirst().orElseThrow();
    int copies = 4_000;
    Path file = model("repeated_query", example.replace(line, (line + "\n").repeat(copies).stripTrailing()));
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    Result r = validate(file);
    double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    assertEquals(1, r.exit());
    assertEquals(copies - 1, lines(r, "duplicate_projection").size());
    assertTrue(seconds < 5, "validation took " + seconds + " s of CPU");
  }

  // --- silently wrong -----------------------------------------------------------------------------

  @Test
  void aReversedCellRangeIsAnErrorAndIsNotCompiled() throws IOException {
    Path file = variant("slice", "turn from DN[5..9]", "turn from DN[5..0]");
    Result r = validate(file);
    assertEquals(1, r.exit());
    assertEquals(List.of(file + ":21:16: error: A cell range runs from low to high: write [0..5]. [slice_out_of_range]"), lines(r, "slice_out_of_range"));
    assertEquals(1, DmnCommandLineTest.dmn("compile", file.toString()).exit());
  }

  @Test
  void aNegativeStartRadiusIsAnError() throws IOException {
    Result r = validate(variant("radius", "start within 10 mm", "start within -2147483649 mm"));
    assertEquals(1, r.exit());
    assertEquals(1, lines(r, "value_out_of_range").size(), r.out());
    assertTrue(lines(r, "value_out_of_range").get(0).contains(":17:16: error: The start radius cannot be negative"), r.out());
  }

  @Test
  void aRateBandWhoseLowEndIsAlmostZeroIsAnErrorNotANanLoss() throws IOException {
    // found by the long fuzz run: 'band 4.9e-324 Hz .. 0.1 kHz' validated and trained to a NaN loss
    String loss = "loss { navigation 1.0 }";
    Result tiny = validate(variant("band", loss, "loss { navigation 1.0 activity 0.001 band 4.9e-324 Hz .. 0.1 kHz }"));
    assertEquals(1, tiny.exit());
    assertEquals(1, lines(tiny, "value_out_of_range").size(), tiny.out());
    assertTrue(lines(tiny, "value_out_of_range").get(0).contains(":23:43: error: The low end of a rate band is 0 Hz (no lower bound) or at least 0.01 Hz"),
        tiny.out());
    for (String band : List.of("0 Hz .. 0.1 kHz", "0.01 Hz .. 100 Hz")) {
      Result fine = validate(variant("band", loss, "loss { navigation 1.0 activity 0.001 band " + band + " }"));
      assertEquals(0, fine.exit(), fine.out());
    }
  }

  @Test
  void aSpeedTooSmallToTellFromZeroOrZeroIsAnError() throws IOException {
    Result tiny = validate(variant("tiny", "  dt 1 ms\n", "  dt 1 ms\n  max speed 1e-400 mm/s\n"));
    assertEquals(1, tiny.exit());
    assertEquals(1, lines(tiny, "number_out_of_range").size(), tiny.out());
    assertTrue(tiny.out().contains(":20:13: error: The number 1e-400 is too small to tell from zero"), tiny.out());
    assertEquals(List.of(), lines(tiny, "value_out_of_range"));
    Result zero = validate(variant("zero", "  dt 1 ms\n", "  dt 1 ms\n  max speed 0 mm/s\n"));
    assertTrue(zero.out().contains(":20:13: error: max speed must be positive"), zero.out());
    Result slow = validate(model("slow", BASE.replace("  dt 1 ms\n", "  dt 1 ms\n  max speed 1e-30 mm/s\n")
        .replace("start within 10 mm of (140 mm, 100 mm)", "start within 10 mm of (50 mm, 100 mm)")));
    assertEquals(0, slow.exit(), slow.out());
    assertTrue(slow.out().contains(":20:13: warning: No fly can reach the goal: at 1.0e-30 mm/s for 100 ms the fly walks at most 1.0e-31 mm,"
        + " but the nearest start lies 80 mm from the goal"), slow.out());
  }

  @Test
  void anOverflowingIntegerIsOneErrorInTheLanguagesWordsWithoutFollowOns() throws IOException {
    Path file = variant("overflow", "population PN : uPN { count 8 }", "population PN : uPN { count 1000000000000 }");
    Result r = validate(file);
    assertEquals(1, r.exit());
    assertEquals(List.of(file + ":4:29: error: The whole number 1000000000000 is too large: whole numbers here go up to 2147483647."
        + " [number_out_of_range]"), r.out().lines().filter(l -> l.contains(": error: ")).toList());
    assertFalse(r.out().contains("For input string"), r.out());
  }

  @Test
  void writtenZerosAreNotDefaults() throws IOException {
    Result slope = validate(variant("slope", "batch 2 }", "batch 2 surrogate sigmoid slope 0 }"));
    assertTrue(slope.out().contains("error: The surrogate slope must be positive."), slope.out());
    Result scale = validate(variant("scale", "weight uniform(0, 0.5)", "weight synapses * 0"));
    assertTrue(scale.out().contains("error: The scale of 'synapses * scale' must be positive"), scale.out());
    Result glomeruli = validate(variant("glomeruli", "one_to_one", "glomerular 0 glomeruli"));
    assertTrue(glomeruli.out().contains("error: The number of glomeruli must be between 1"), glomeruli.out());
  }

  @Test
  void trainValidatesAgainstTheDataDirectoryItTrainsWith() throws Exception {
    // the default data directory holds a broken 'mini', --data-dir a good one
    Path broken = Files.createDirectories(dir.resolve("default/mini"));
    Files.write(broken.resolve("neurons.csv"), new byte[] {0, 1, 2, 3});
    Path good = Files.createDirectories(dir.resolve("chosen/mini"));
    Files.writeString(good.resolve("neurons.csv"), "bodyId,type,instance\n1,ORN_DA1,a_R\n2,ORN_DA1,b_R\n11,DNa01,c_R\n12,DNa01,d_R\n13,DNa02,e_L\n14,DNa02,f_L\n");
    Files.writeString(good.resolve("ORN_to_DN.csv"), "bodyId_pre,bodyId_post,weight\n1,11,3\n1,13,2\n2,12,4\n2,14,1\n");
    Path file = model("mini", """
        circuit Mini
        connectome mini neuprint "mini"
        population ORN : ORN { count 2 }
        population DN : DN { count 4 }
        projection ORN -> DN from mini where pre "ORN.*" post "DN.*" weight synapses * 0.1 learn
        task navigation {
          arena 200 mm x 200 mm source at (150 mm, 100 mm) start within 10 mm of (140 mm, 100 mm)
          steps 50 dt 1 ms forward from DN[0..1] turn from DN[2..3]
        }
        loss { navigation 1.0 }
        training { episodes 1 batch 2 }
        """);
    String previous = System.getProperty("dmn.data.dir");
    System.setProperty("dmn.data.dir", dir.resolve("default").toString());
    try {
      assertEquals(1, validate(file).exit());
      Result chosen = validate(file, "--data-dir", dir.resolve("chosen").toString());
      assertEquals(0, chosen.exit(), chosen.out());
      assertFalse(chosen.out().contains("connectome_"), chosen.out());
      Result train = DmnCommandLineTest.dmn("train", file.toString(), "--data-dir", dir.resolve("chosen").toString(),
          "--out", dir.resolve("run").toString(), "--no-progress");
      assertEquals(0, train.exit(), train.out() + train.err());
      assertTrue(train.out().contains("4 synapses in 1 projections"), train.out());
    } finally {
      System.setProperty("dmn.data.dir", previous);
    }
  }

  // --- paths and files ----------------------------------------------------------------------------

  @Test
  void exportNeverCreatesFoldersOutsideTheChosenOutput() throws IOException {
    Path file = model("base", BASE);
    Path target = dir.resolve("nonexistent/dir/x.nir");
    Result r = DmnCommandLineTest.dmn("export", file.toString(), "--nir", target.toString());
    assertEquals(1, r.exit());
    assertEquals("error: the folder " + target.getParent() + " does not exist; create it first (dmn creates folders only inside"
        + " the output folder).\n", r.err());
    assertFalse(Files.exists(dir.resolve("nonexistent")));
  }

  @Test
  void theExportRefusalNamesFlagsThatExist() throws IOException {
    Path file = model("evil", BASE + "export nir \"../evil.nir\"\n");
    Result r = DmnCommandLineTest.dmn("export", file.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("dmn export --nir FILE or --loihi FILE"), r.err());
    assertFalse(r.err().contains("--output"), r.err());
  }

  @Test
  void connectomePathsStayInTheDataDirectoryAndFilesAreNeverEchoed() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("secret.csv"), "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:\n");
    Path file = model("secret", """
        circuit Secret
        connectome c neuprint "../secret.csv"
        population PN : uPN { count 2 }
        population KC : KC { count 2 }
        projection PN -> KC from c where pre ".*PN" post "KC.*"
        """);
    String data = dir.resolve("data").toString();
    Result confined = validate(file, "--data-dir", data);
    assertEquals(1, confined.exit());
    assertTrue(lines(confined, "connectome_unreadable").get(0).contains("'../secret.csv' lies outside the data directory"), confined.out());
    Result allowed = DmnCommandLineTest.dmn("validate", "--data-dir", data, "--allow-outside-data-dir", file.toString());
    assertWellFormed(allowed);
    assertEquals(1, allowed.exit());
    assertTrue(lines(allowed, "connectome_unreadable").get(0).contains(dir.resolve("secret.csv") + ":1: missing column bodyId_pre"), allowed.out());
    assertFalse((allowed.out() + allowed.err()).contains("root:x"), allowed.out());
    Result absolute = validate(model("abs", Files.readString(file).replace("../secret.csv", "/etc/passwd")), "--data-dir", data);
    assertFalse(absolute.out().contains("root:x"), absolute.out());
    assertTrue(absolute.out().contains("'/etc/passwd' lies outside the data directory"), absolute.out());
  }

  @Test
  void aReferenceFileThatIsNoReferenceFileIsNotEchoed() throws IOException {
    String secret = "root:x:0:0:root:/root:/bin/bash\n" + "user:x:1000:1000:a long secret line that must not be printed:/home/user:/bin/sh\n";
    Files.writeString(dir.resolve("secret.txt"), secret);
    Result r = validate(model("reference", "circuit R reference \"secret.txt\"\npopulation A : ORN { count 4 }\n"));
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("[reference_unreadable]"), r.out());
    assertFalse(r.out().contains("must not be printed"), r.out());
    assertFalse(r.out().contains("/bin/bash"), r.out());
  }

  @Test
  void generateOverwritesHandEditedFilesOnlyWithForce() throws IOException {
    Path file = model("base", BASE);
    Path out = dir.resolve("generated");
    assertEquals(0, DmnCommandLineTest.dmn("generate", file.toString(), "--out", out.toString()).exit());
    Path program = out.resolve("org/neuromechfly/dmn/generated/BaseTraining.java");
    Result again = DmnCommandLineTest.dmn("generate", file.toString(), "--out", out.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("unchanged " + program), again.out());
    Files.writeString(program, "// my edits\n", java.nio.file.StandardOpenOption.APPEND);
    String edited = Files.readString(program);
    Result refused = DmnCommandLineTest.dmn("generate", file.toString(), "--out", out.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().startsWith("error: " + program + " already exists and would change; nothing was written. Pass --force"), refused.err());
    assertEquals(edited, Files.readString(program));
    assertEquals(0, DmnCommandLineTest.dmn("generate", file.toString(), "--out", out.toString(), "--force").exit());
    assertFalse(Files.readString(program).contains("// my edits"));
  }

  @Test
  void importOverwritesHandEditedFilesOnlyWithForce() throws IOException {
    Path file = model("base", BASE.replace("circuit Base", "circuit Imported"));
    Path nir = dir.resolve("m.nir");
    assertEquals(0, DmnCommandLineTest.dmn("export", file.toString(), "--nir", nir.toString()).exit());
    Path out = Files.createDirectories(dir.resolve("imported"));
    assertEquals(0, DmnCommandLineTest.dmn("import", nir.toString(), "--out", out.toString()).exit());
    Path circuit = out.resolve("Imported.circuit");
    Files.writeString(circuit, "// my model\n");
    Result refused = DmnCommandLineTest.dmn("import", nir.toString(), "--out", out.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains(circuit + " already exists and would change; pass --force"), refused.err());
    assertEquals("// my model\n", Files.readString(circuit));
    assertEquals(0, DmnCommandLineTest.dmn("import", nir.toString(), "--out", out.toString(), "--force").exit());
    assertTrue(Files.readString(circuit).startsWith("//"));
    assertFalse(Files.readString(circuit).equals("// my model\n"));
  }

  @Test
  void trainSaysWhyItRefusesANonEmptyFolder() throws IOException {
    Path file = model("base", BASE);
    Path out = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(out.resolve("todo.txt"), "mine");
    Result r = DmnCommandLineTest.dmn("train", file.toString(), "--out", out.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains(out + " is not empty; a new run needs a new or empty folder"), r.err());
    assertFalse(r.err().contains("already holds a run"), r.err());
  }

  // --- resuming (the engine's RunFolder and CheckpointStore, as the command line meets them) ------

  private Path trainedRun(String name, int episodes) throws IOException {
    Path file = model("resumable", BASE.replace("training { episodes 1 batch 2 }", "training { episodes 2 batch 2 checkpoint every 1 }"));
    Path run = dir.resolve(name);
    Result r = DmnCommandLineTest.dmn("train", file.toString(), "--episodes", Integer.toString(episodes), "--out", run.toString(), "--no-progress");
    assertEquals(0, r.exit(), r.out() + r.err());
    return run;
  }

  @Test
  void aDamagedCheckpointIsRefusedWithAMessageNotAnInternalError() throws IOException {
    Path run = trainedRun("damaged", 1);
    Path checkpoint = run.resolve("checkpoint.json");
    String intact = Files.readString(checkpoint);
    for (String damaged : List.of("", "garbage {", intact.substring(0, intact.length() / 2), intact.replaceFirst("\"nextEpisode\"\\s*:\\s*\\d+", "\"nextEpisode\" : -5"))) {
      Files.writeString(checkpoint, damaged);
      Result r = DmnCommandLineTest.dmn("train", dir.resolve("resumable.circuit").toString(), "--resume", run.toString(), "--no-progress");
      assertEquals(1, r.exit(), r.out() + r.err());
      assertTrue(r.err().startsWith("error: " + checkpoint + " cannot be resumed: "), r.err());
      assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
      assertFalse(r.out().contains("episodes -5"), r.out());
    }
  }

  @Test
  void resumingRemovesTheTemporaryFileOfAnInterruptedWriteAndReportsTheUntrainedNetworkAsBefore() throws IOException {
    Path fresh = trainedRun("fresh", 2);
    Path run = trainedRun("interrupted", 1);
    Files.writeString(run.resolve("checkpoint.json4711.tmp"), "{\"nextEpi");
    Result r = DmnCommandLineTest.dmn("train", dir.resolve("resumable.circuit").toString(), "--resume", run.toString(), "--no-progress");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("removed 1 temporary file(s) an interrupted write left"), r.out());
    assertEquals(List.of(), InterruptedTrainingTest.temporaries(run));
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var before = mapper.readTree(fresh.resolve("summary.json").toFile());
    var after = mapper.readTree(run.resolve("summary.json").toFile());
    assertEquals(before.get("successBefore"), after.get("successBefore"));
    assertEquals(before.get("closestApproachBeforeMm"), after.get("closestApproachBeforeMm"));
    assertEquals(before.get("successAfter"), after.get("successAfter"));
  }

  // --- messages and exit codes --------------------------------------------------------------------

  @Test
  void aByteOrderMarkIsNotASyntaxError() throws IOException {
    Path file = dir.resolve("bom.circuit");
    Files.write(file, ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_8));
    Result r = validate(file);
    assertEquals(0, r.exit(), r.out());
    assertEquals(List.of(), r.out().lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList());
    assertEquals(0, DmnCommandLineTest.dmn("fmt", file.toString()).exit());
    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).startsWith("\uFEFF"));
  }

  @Test
  void controlCharactersFromTheInputNeverSplitADiagnostic() throws IOException {
    Path file = model("control", """
        circuit Control
        connectome c neuprint "a\nb\rc\fd"
        population P : ORN\f{ count 4 tau_mem 20 m\rs }
        projection P -> P from c where pre "x\ny" post "(\r"
        """);
    Result r = validate(file);
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("'a\\nb\\rc\\fd'"), r.out());
  }

  @Test
  void anEmptyModelIsALocatedCodedError() throws IOException {
    Path file = model("empty", "// nothing but a comment\n");
    Result r = validate(file);
    assertEquals(1, r.exit());
    assertEquals(file + ":1:1: error: Empty model: a .circuit file starts with 'circuit Name'. [empty_model]\n", r.out());
  }

  @Test
  void fmtNamesAFileThatIsNotUtf8AndFormatsTheRest() throws IOException {
    Path latin = dir.resolve("latin.circuit");
    Files.write(latin, "circuit A\npopulation P : ORN { count 4 }\n// café\n".getBytes(StandardCharsets.ISO_8859_1));
    Path messy = model("messy", "circuit   Messy population A:ORN{count 4}");
    Result r = DmnCommandLineTest.dmn("fmt", latin.toString(), messy.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains(latin + ":3:7: error: The file is not UTF-8 text: byte 0xE9 cannot be decoded. Save it as UTF-8. [not_utf8]"), r.err());
    assertTrue(r.err().contains(latin + ": not formatted"), r.err());
    assertTrue(r.out().contains("formatted " + messy), r.out());
    assertEquals("circuit Messy\n\npopulation A : ORN {\n  count 4\n}\n", Files.readString(messy));
    assertFalse(r.err().contains("Input length"), r.err());
  }

  @Test
  void diffOfAMissingFileIsAnErrorNotADifference() throws IOException {
    Path file = model("base", BASE);
    Result r = DmnCommandLineTest.dmn("diff", file.toString(), dir.resolve("missing.circuit").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("missing.circuit: no such file"), r.err());
    Path broken = model("broken", BASE.replace("count 8 }", "count 8 m }"));
    assertEquals(2, DmnCommandLineTest.dmn("diff", file.toString(), broken.toString()).exit());
  }

  @Test
  void dmnDebugShowsNoStackTraceForUserErrors() throws Exception {
    var r = ChildProcess.run(dir, Map.of("DMN_DEBUG", "1"), List.of(), 120, "compile", "missing.circuit");
    assertEquals(1, r.exit());
    assertEquals("error: missing.circuit: no such file\n", r.err());
  }
}
