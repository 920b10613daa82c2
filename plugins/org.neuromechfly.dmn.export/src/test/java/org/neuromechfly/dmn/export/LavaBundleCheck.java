package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.export.loihi.BundleSimulation;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;

/**
 * Our bundles in Lava itself: each is loaded by lava-dl's {@code netx.hdf5.Network}, driven through
 * {@code Network.inp} by a {@code RingBuffer} spike source and run on Lava's bit-accurate CPU model
 * ({@code Loihi2SimCfg(select_tag='fixed_pt')}) by {@code lava/run_bundle.py}; every layer's spikes
 * must equal, step for step and cell for cell, those of the engine running the same integers.
 *
 * <p>Lava is not on Maven Central or Debian, so this runs only where it is installed from its public
 * sources: set {@code DMN_LAVA_PYTHONPATH} to {@code <lava>/src:<lava-dl>/src} (and optionally
 * {@code DMN_LAVA_PYTHON}, default {@code /usr/bin/python3}); {@code DMN_LAVA_RUN} adds a trained run
 * folder (the main example) to the check. The export README says how it was run and what it found.
 */
@EnabledIfEnvironmentVariable(named = "DMN_LAVA_PYTHONPATH", matches = ".+")
class LavaBundleCheck {
  @TempDir Path tmp;

  @Test
  void chainTrainedForLoihi() throws Exception {
    var spec = QuantisationAgreementTest.forLoihi(TestCircuits.chain());
    check("chain-loihi2", CircuitSource.of(CircuitParameters.initial(TestCircuits.wire(spec, tmp))), 400);
  }

  @Test
  void chainTrainedInFloat() throws Exception {
    check("chain-float", CircuitSource.of(CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp))), 400);
  }

  @Test
  void loopWithGradedUnit() throws Exception {
    check("loop", CircuitSource.of(CircuitParameters.initial(TestCircuits.wire(TestCircuits.loop(12), tmp))), 400);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "DMN_LAVA_RUN", matches = ".+")
  void trainedRun() throws Exception {
    Path run = Path.of(System.getenv("DMN_LAVA_RUN"));
    String steps = System.getenv().getOrDefault("DMN_LAVA_STEPS", "1000");
    check("run", CircuitSource.runFolder(run, DataDirectory.fromSystemProperty()), Integer.parseInt(steps));
  }

  private void check(String name, CircuitSource source, int steps) throws Exception {
    CircuitParameters circuit = source.load();
    LoihiOptions options = LoihiOptions.defaults().lenient().withInput(0, 0.1).withReportSteps(steps)
        .withHeldOutStarts(1);
    var export = Exports.loihi(source, tmp.resolve(name + ".net"), options);
    var trace = BundleSimulation.trace(source, circuit, export.network(), options, steps);
    Path input = tmp.resolve(name + ".in.txt");
    write(input, trace.input());
    Path out = tmp.resolve(name + "-lava");
    String python = System.getenv().getOrDefault("DMN_LAVA_PYTHON", "/usr/bin/python3");
    ProcessBuilder pb = new ProcessBuilder(python, Path.of("lava/run_bundle.py").toAbsolutePath().toString(),
        export.file().toString(), input.toString(), out.toString()).redirectErrorStream(true);
    pb.environment().put("PYTHONPATH", System.getenv("DMN_LAVA_PYTHONPATH"));
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.MINUTES), "Lava did not finish");
    assertEquals(0, p.exitValue(), log);
    System.out.println(name + ": " + log.lines().filter(l -> l.startsWith("layer")).collect(Collectors.joining("; ")));
    long spikes = 0;
    for (int k = 0; k < trace.layers().size(); k++) {
      int[][] lava = read(out.resolve("layer_" + (k + 1) + ".txt"), steps);
      int[][] ours = trace.layers().get(k);
      for (int t = 0; t < steps; t++) {
        assertEquals(Arrays.toString(ours[t]), Arrays.toString(lava[t]), name + " layer " + (k + 1) + " step " + t);
        spikes += ours[t].length;
      }
    }
    System.out.println(name + ": " + spikes + " spikes in " + steps + " steps identical in Lava and the engine");
    assertTrue(spikes > 0, "a check without spikes checks nothing");
  }

  private static void write(Path file, int[][] spikes) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int[] step : spikes) {
      s.append(Arrays.stream(step).mapToObj(Integer::toString).collect(Collectors.joining(" "))).append('\n');
    }
    Files.writeString(file, s);
  }

  private static int[][] read(Path file, int steps) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<int[]> out = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      String line = t < lines.size() ? lines.get(t).strip() : "";
      out.add(line.isEmpty() ? new int[0] : Arrays.stream(line.split(" ")).mapToInt(Integer::parseInt).toArray());
    }
    return out.toArray(int[][]::new);
  }
}
