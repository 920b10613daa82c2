package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.cli.DmnCommandLineTest.Result;
import org.neuromechfly.dmn.connectome.synthetic.SyntheticBrain;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.simulate.Experiment;
import org.neuromechfly.dmn.engine.simulate.Trials;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * {@code dmn simulate} on a Shiu-style activation experiment stated in the language, over a small
 * FlyWire-shaped synthetic brain in the Shiu file format: the most activated neurons, the HDF5 file read
 * back by h5py against the engine's own trials, and the bad inputs refused before anything runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentSimulateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NEURONS = 3000;

  @TempDir static Path dir;
  Path data;
  List<Long> stimulated = new ArrayList<>();

  @BeforeAll
  void brain() {
    data = dir.resolve("data");
    SyntheticBrain.write(new SyntheticBrain.Parameters(NEURONS, 300_000, 5), data.resolve("brain"));
    for (int i = 0; i < 10; i++) {
      stimulated.add(SyntheticBrain.id(i * 97));
    }
  }

  private Path model(String name, String stimulus, String extra) throws Exception {
    Path file = dir.resolve(name + ".circuit");
    Files.writeString(file, """
        circuit %s
        connectome flywire shiu "brain"
        // Shiu et al. 2024 in normalised units: rest 0, threshold 1 = 7 mV; Brian2's 2.2 ms refractory
        // and 1.8 ms delay are 21 and 19 steps of 0.1 ms here
        population Brain : neuron { from flywire tau_mem 20 ms tau_syn 5 ms reset to 0 refractory 2.1 ms
          refractory_mode freeze %s }
        projection Brain -> Brain from flywire sign per_neuron weight synapses * 0.0389 delay 1.9 ms
        task experiment {
          dt 0.1 ms
          duration 200 ms
          trials 4
          %s
        }
        """.formatted(name, extra, stimulus), StandardCharsets.UTF_8);
    return file;
  }

  private String stimulus() {
    StringBuilder ids = new StringBuilder();
    for (long id : stimulated) {
      ids.append(ids.length() == 0 ? "" : ", ").append(id);
    }
    return "stimulate Brain neurons " + ids + " poisson 150 Hz";
  }

  @Test
  void activationExperimentRanksTheMostActivatedNeuronsAndRecordsThemAsHdf5() throws Exception {
    Path model = model("Activation", stimulus(), "");
    Path h5 = dir.resolve("activation.h5");
    Result r = DmnCommandLineTest.dmn("simulate", model.toString(), "--data-dir", data.toString(), "--out",
        h5.toString(), "--top", "15", "--threads", "2");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("most activated neurons (mean rate over 4 trial(s)):"), r.out());
    assertTrue(r.out().contains("x real time"), r.out());

    // the same experiment in-process: the file must hold exactly these trials
    var workspace = new ModelWorkspace(DataDirectory.of(data));
    var spec = workspace.compile(workspace.load(model));
    var wiring = CircuitWiringBuilder.build(spec, DataDirectory.of(data));
    Experiment experiment = Experiment.of(wiring);
    var net = experiment.spikingNetwork();
    Trials trials = experiment.run(net, 1, i -> {});
    assertEquals(NEURONS, net.size(), "the population is every neuron of the data");

    org.junit.jupiter.api.Assumptions.assumeTrue(python3WithH5py(),
        "needs python3 with h5py (Debian: apt-get install python3-h5py; .ci/run installs it)");
    Path script = dir.resolve("read.py");
    Files.writeString(script, """
        import sys, json, h5py, numpy as np
        f = h5py.File(sys.argv[1], 'r')
        u = f['units/Brain']
        top = f['analysis/most_activated']
        idx = u['spike_times_index'][:]
        print(json.dumps({
          'format': f.attrs['format'].decode() if isinstance(f.attrs['format'], bytes) else str(f.attrs['format']),
          'trials': int(f.attrs['trials']), 'steps': int(f.attrs['steps_per_trial']), 'dt': float(f.attrs['dt']),
          'counts': u['spike_counts'][:].tolist(), 'ids': u['connectome_id'][:].tolist(),
          'rate': u['rate'][:].tolist(), 'rate_unit': u['rate'].attrs['unit'].decode()
              if isinstance(u['rate'].attrs['unit'], bytes) else str(u['rate'].attrs['unit']),
          'stimulated': u['stimulated'][:].tolist(),
          'per_unit_times': np.diff(np.concatenate([[0], idx])).tolist(),
          'max_time': float(u['spike_times'][:].max()) if len(u['spike_times']) else 0.0,
          'top_ids': top['connectome_id'][:].tolist(), 'top_rate': top['rate'][:].tolist(),
          'top_stimulated': top['stimulated'][:].tolist()}))
        """);
    Process python = new ProcessBuilder("python3", script.toString(), h5.toString()).redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, python.waitFor(), output);
    JsonNode h = JSON.readTree(output);
    assertEquals("dmn-experiment", h.path("format").asText());
    assertEquals(4, h.path("trials").asInt());
    assertEquals(2000, h.path("steps").asInt());
    assertEquals(1e-4, h.path("dt").asDouble(), 1e-18);
    assertEquals("Hz", h.path("rate_unit").asText());
    int[][] counts = trials.counts();
    long[] perUnit = new long[NEURONS];
    for (int t = 0; t < 4; t++) {
      int[] row = JSON.convertValue(h.path("counts").get(t), int[].class);
      assertArrayEquals(counts[t], row, "trial " + t + ": the file holds the engine's spikes");
      for (int k = 0; k < NEURONS; k++) {
        perUnit[k] += row[k];
      }
    }
    assertArrayEquals(perUnit, JSON.convertValue(h.path("per_unit_times"), long[].class), "spike times per unit");
    assertTrue(h.path("max_time").asDouble() <= 4 * 0.2 + 1e-9, "spike times on the session clock");
    double[] rates = trials.meanRates();
    for (int k = 0; k < NEURONS; k++) {
      assertEquals(rates[k], h.path("rate").get(k).asDouble(), 1e-9);
      assertEquals(stimulated.contains(h.path("ids").get(k).asLong()) ? 1 : 0, h.path("stimulated").get(k).asInt());
    }
    // the driven neurons follow their 150 Hz input (no refractory period, Shiu et al.), and the network
    // carries activity beyond them
    for (int i = 0; i < 10; i++) {
      assertEquals(1, h.path("top_stimulated").get(i).asInt(), "the 10 driven neurons lead the ranking: " + output);
      assertTrue(h.path("top_rate").get(i).asDouble() > 100, h.path("top_rate").toString());
    }
    long active = java.util.Arrays.stream(rates).filter(x -> x > 0).count();
    assertTrue(active > 10, "neurons active beyond the driven ones: " + active);
    for (int i = 1; i < h.path("top_rate").size(); i++) {
      assertTrue(h.path("top_rate").get(i - 1).asDouble() >= h.path("top_rate").get(i).asDouble(), "ranked by rate");
    }
  }

  @Test
  void aStimulusOnNeuronsThatAreNotInTheDataIsALocatedError() throws Exception {
    Path model = model("Unknown", "stimulate Brain neurons 12345, " + stimulated.get(0) + " poisson 150 Hz", "");
    Result r = DmnCommandLineTest.dmn("simulate", model.toString(), "--data-dir", data.toString(), "--out",
        dir.resolve("unknown.h5").toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(model.getFileName() + ":"), r.err());
    assertTrue(r.err().contains("12345"), r.err());
    assertFalse(Files.exists(dir.resolve("unknown.h5")));
  }

  @Test
  void aSelectionOfNoNeuronIsALocatedError() throws Exception {
    Path model = dir.resolve("Empty.circuit");
    Files.writeString(model, Files.readString(model("EmptyBase", stimulus(), ""))
        .replace("{ from flywire ", "{ from flywire where cell_type \"nothing\" ").replace("circuit EmptyBase", "circuit Empty"));
    Result r = DmnCommandLineTest.dmn("simulate", model.toString(), "--data-dir", data.toString(), "--out",
        dir.resolve("empty.h5").toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("Empty.circuit:5"), r.err());
    assertFalse(Files.exists(dir.resolve("empty.h5")));
  }

  /**
   * Issue #15, bad input: a simulation that would need more memory than the Java VM has is refused with
   * the estimate, naming the file, after the wiring is read and before any trial state is allocated
   * (here 2,000 trials run at once in a 128 MiB heap: hundreds of MiB of per-trial state).
   */
  @Test
  void aSimulationThatWouldNotFitTheHeapIsRefusedWithTheEstimate() throws Exception {
    int trials = 2000;
    Path model = dir.resolve("Crowded.circuit");
    Files.writeString(model, Files.readString(model("CrowdedBase", stimulus(), ""))
        .replace("trials 4", "trials " + trials).replace("circuit CrowdedBase", "circuit Crowded"));
    Path h5 = dir.resolve("crowded.h5");
    var r = ChildProcess.run(dir, Map.of(), List.of("-Xmx128m", "-XX:+UseG1GC"), 300, "simulate",
        model.toString(), "--data-dir", data.toString(), "--out", h5.toString(), "--threads", "" + trials);

    ModelWorkspace workspace = new ModelWorkspace(DataDirectory.of(data));
    var spec = workspace.compile(workspace.load(model));
    long synapses = CircuitWiringBuilder.build(spec, DataDirectory.of(data)).edgeCount();
    long need = Experiment.estimateBytes(synapses, NEURONS, trials);
    assertTrue(need > 128L << 20, "the estimate should exceed the heap: " + need);
    assertEquals(1, r.exit(), r.out() + r.err());
    String expected = String.format(Locale.ROOT, "error: %s: not simulated: circuit Crowded, %,d cells and"
        + " %,d synapses on %d thread(s), needs about %s", model, NEURONS, synapses, trials,
        TrainingFootprint.size(need));
    assertTrue(r.err().startsWith(expected), r.err());
    assertTrue(r.err().contains("DMN_JAVA_OPTS=-Xmx"), r.err());
    assertFalse(r.err().contains("OutOfMemoryError"), r.err());
    assertFalse(r.out().contains("simulating Crowded"), "refused before any trial: " + r.out());
    assertFalse(Files.exists(h5));
  }

  private static boolean python3WithH5py() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import h5py").redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
