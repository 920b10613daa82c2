package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.model.json.CircuitJson;

/** The command line as a user meets it: exit codes, messages, files written. */
class DmnCommandLineTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result dmn(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Dmn.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  static Path example(String name) {
    return Path.of(System.getProperty("dmn.examples.dir", "../../dsl-examples")).resolve(name);
  }

  @Test
  void validatesTheExamplesSilently() {
    Result r = dmn("validate", example("olfactory.circuit").toString(), example("mushroom_body.circuit").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void reportsLocatedDiagnosticsWithCodesAndFails() throws Exception {
    Path model = dir.resolve("bad.circuit");
    Files.writeString(model, """
        circuit Bad
        population ORN : ORN { count 50 tau_mem 20 mm }
        projection ORN -> Nowhere dense
        """);
    Result r = dmn("validate", model.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains(model + ":2:44: error: tau_mem is a time, but 'mm' is a unit of length"), r.out());
    assertTrue(r.out().contains("[wrong_dimension]"), r.out());
    assertTrue(r.out().contains(model + ":3:19: error: Couldn't resolve reference to Population 'Nowhere'. [linking]"), r.out());
    assertTrue(r.err().contains("1 of 1 file(s) failed validation"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void unreadableFilesGetAOneLineError() {
    Result missing = dmn("validate", dir.resolve("missing.circuit").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("missing.circuit: no such file"), missing.err());
    Result wrongKind = dmn("compile", dir.toString());
    assertEquals(1, wrongKind.exit());
    assertTrue(wrongKind.err().startsWith("error: "), wrongKind.err());
    assertFalse(wrongKind.err().contains("\tat "), wrongKind.err());
  }

  @Test
  void usageErrorsExitWithTwo() {
    Result r = dmn("validate");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Missing required parameter"), r.err());
    assertEquals(0, dmn("--help").exit());
    assertEquals(0, dmn("train", "--help").exit());
  }

  @Test
  void compilesToCanonicalIrDeterministically() throws Exception {
    Path first = dir.resolve("a.json");
    Path second = dir.resolve("b.json");
    assertEquals(0, dmn("compile", example("olfactory.circuit").toString(), "--ir", first.toString()).exit());
    assertEquals(0, dmn("compile", example("olfactory.circuit").toString(), "--ir", second.toString()).exit());
    assertEquals(Files.readString(first), Files.readString(second));
    assertEquals("OlfactoryNavigation", CircuitJson.read(Files.readString(first)).name());
  }

  @Test
  void formatsInPlaceAndChecks() throws Exception {
    Path model = dir.resolve("messy.circuit");
    Files.writeString(model, "circuit   Messy population A:ORN{count 4 tau_mem 10 ms}");
    Result check = dmn("fmt", "--check", model.toString());
    assertEquals(1, check.exit());
    assertTrue(check.out().contains("not formatted"));
    assertEquals(0, dmn("fmt", model.toString()).exit());
    assertEquals("circuit Messy\n\npopulation A : ORN {\n  count 4\n  tau_mem 10 ms\n}\n", Files.readString(model));
    assertEquals(0, dmn("fmt", "--check", model.toString()).exit());
  }

  @Test
  void diffSpeaksInDomainTermsAndIgnoresLayout() throws Exception {
    Path a = dir.resolve("a.circuit");
    Path b = dir.resolve("b.circuit");
    Files.writeString(a, """
        circuit C
        population PN : uPN { count 20 }
        population KC : KC { count 100 tau_mem 20 ms }
        population DN : DN { count 3 }
        projection PN -> KC random fan_in 7
        task navigation { arena 200 mm x 200 mm source at (150 mm, 100 mm) start within 40 mm of (50 mm, 100 mm)
          steps 100 dt 1 ms forward from DN[0..0] turn from DN[1..2] }
        loss { sparsity 0.01 on KC energy 0.1 }
        """);
    Files.writeString(b, """
        circuit C
        // same circuit, other layout, three changes
        population PN : uPN {
          count 20
        }
        population KC : KC { count 100  tau_mem 15 ms }
        population DN : DN {
          count 3
        }
        projection PN -> KC random fan_in 6
        task navigation {
          arena 200 mm x 200 mm
          source at (150 mm, 100 mm)
          start within 40 mm of (50 mm, 100 mm)
          steps 100
          dt 1 ms
          forward from DN[0..0]
          turn from DN[1..2]
        }
        loss {
          sparsity 0.01 on KC
          energy 0.2
        }
        """);
    Result same = dmn("diff", a.toString(), a.toString());
    assertEquals(0, same.exit());
    Result r = dmn("diff", a.toString(), b.toString());
    assertEquals(1, r.exit(), r.err());
    assertEquals("KC tau_mem 20 ms → 15 ms\nPN -> KC fan_in 7 → 6\nloss energy 0.1 → 0.2\n", r.out());
    Result json = dmn("diff", "--json", a.toString(), b.toString());
    assertTrue(json.out().contains("\"property\" : \"fan_in\""), json.out());
  }

  /** The CLI reports, for every model of the language's invalid corpus, the codes the model expects. */
  @Test
  void reportsTheExpectedCodesOnTheInvalidCorpus() throws Exception {
    Path corpus = Path.of("../org.neuromechfly.dmn.circuit.tests/resources/corpus/invalid");
    var expect = java.util.regex.Pattern.compile("//\\s*expect\\s+(error|warning|info)\\s+(\\S+)\\s+(\\d+):(\\d+)");
    try (var models = Files.list(corpus)) {
      for (Path model : models.filter(f -> f.toString().endsWith(".circuit")).sorted().toList()) {
        String text = Files.readString(model);
        Result r = dmn("validate", model.toString());
        var m = expect.matcher(text);
        boolean errors = false;
        while (m.find()) {
          String line = model + ":" + m.group(3) + ":" + m.group(4) + ": " + m.group(1) + ": ";
          assertTrue(r.out().lines().anyMatch(l -> l.startsWith(line) && l.endsWith("[" + m.group(2) + "]")), model + " lacks " + line + "[" + m.group(2) + "]:\n" + r.out());
          errors |= m.group(1).equals("error");
        }
        assertEquals(errors ? 1 : 0, r.exit(), model + ": " + r.err());
      }
    }
  }
}
