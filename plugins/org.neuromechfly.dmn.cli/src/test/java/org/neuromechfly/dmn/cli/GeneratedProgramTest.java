package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The generated training program is real code: it compiles against the engine, states exactly the
 * compiled circuit, and trains it. Generation is deterministic byte for byte.
 */
class GeneratedProgramTest {
  @TempDir Path dir;

  static final String TINY = """
      circuit Tiny

      population ORN : ORN {
        count 4
        tau_mem 10 ms
      }

      population DN : DN {
        count 3
        tau_mem 10 ms
        learn bias
      }

      projection ORN -> DN dense weight xavier learn

      task navigation {
        arena 200 mm x 200 mm
        source at (150 mm, 100 mm)
        start within 40 mm of (50 mm, 100 mm)
        steps 50
        dt 1 ms
        max speed 250 mm/s
        forward from DN[0..0]
        turn from DN[1..2]
      }

      loss {
        navigation 1
      }

      training {
        episodes 2
        batch 2
        seed 3
      }
      """;

  @Test
  void generatedProgramCompilesStatesTheCircuitAndTrains() throws Exception {
    Path model = dir.resolve("tiny.circuit");
    Files.writeString(model, TINY);
    Path out = dir.resolve("gen");
    assertEquals(0, DmnCommandLineTest.dmn("generate", model.toString(), "--out", out.toString()).exit());
    Path source = out.resolve("org/neuromechfly/dmn/generated/TinyTraining.java");
    assertTrue(Files.exists(source));
    assertTrue(Files.exists(out.resolve("Tiny.ir.json")));
    assertTrue(Files.readString(out.resolve("Tiny.manifest.json")).contains("\"modelSha256\""));

    Path classes = Files.createDirectories(dir.resolve("classes"));
    var compiler = ToolProvider.getSystemJavaCompiler();
    int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), source.toString());
    assertEquals(0, status, "generated program does not compile");

    try (var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> program = loader.loadClass("org.neuromechfly.dmn.generated.TinyTraining");
      CircuitSpec stated = (CircuitSpec) program.getMethod("circuit").invoke(null);
      assertEquals(Files.readString(out.resolve("Tiny.ir.json")), CircuitJson.write(stated), "the program states a different circuit");
      Path run = dir.resolve("run");
      program.getMethod("train", Path.class, Integer.class).invoke(null, run, 2);
      List<String> history = Files.readAllLines(run.resolve("history.csv"));
      assertEquals(3, history.size(), "header + 2 episodes: " + history);
      assertTrue(Files.exists(run.resolve("checkpoint.json")));
    }
  }

  @Test
  void generationIsDeterministic() throws Exception {
    Path model = dir.resolve("tiny.circuit");
    Files.writeString(model, TINY);
    DmnCommandLineTest.dmn("generate", model.toString(), "--out", dir.resolve("a").toString());
    DmnCommandLineTest.dmn("generate", model.toString(), "--out", dir.resolve("b").toString());
    for (String file : List.of("Tiny.ir.json", "Tiny.manifest.json", "org/neuromechfly/dmn/generated/TinyTraining.java")) {
      assertEquals(Files.readString(dir.resolve("a").resolve(file)), Files.readString(dir.resolve("b").resolve(file)), file);
    }
  }

  @Test
  void emitsTheSameDiffTrainingGraph() throws Exception {
    Path model = dir.resolve("tiny.circuit");
    Files.writeString(model, TINY);
    Path graph = dir.resolve("tiny.sdz");
    var r = DmnCommandLineTest.dmn("train", model.toString(), "--emit-samediff", graph.toString());
    assertEquals(0, r.exit(), r.err());
    var loaded = org.nd4j.autodiff.samediff.SameDiff.load(graph.toFile(), false);
    assertTrue(loaded.hasVariable("loss"), "the saved graph has no loss variable");
    assertTrue(loaded.variables().size() > 10, "the saved graph looks empty");
  }
}
