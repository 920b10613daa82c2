package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.neuromechfly.dmn.analysis.simulate.ExperimentRecording;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.simulate.Experiment;
import org.neuromechfly.dmn.engine.simulate.SpikingNetwork;
import org.neuromechfly.dmn.engine.simulate.Trials;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.StimulusExperiment;
import org.neuromechfly.dmn.model.TrainingFootprint;

/**
 * The experiment branch of {@code dmn simulate}: wires the circuit, refuses it with an estimate when the
 * simulation would not fit this Java VM, runs the trials event-driven with progress, writes
 * {@link ExperimentRecording} and prints the most activated neurons.
 */
final class ExperimentRun {
  /** The model file or run folder simulated, named in errors. */
  private final Path input;
  private final Path out;
  private final int top;
  private final int threads;
  private final PrintWriter console;

  ExperimentRun(Path input, Path out, int top, int threads, PrintWriter console) {
    this.input = input;
    this.out = out;
    this.top = top;
    this.threads = threads;
    this.console = console;
  }

  /** A model: its initial parameters. */
  int run(CircuitSpec circuit, DataDirectory data, String source) {
    CircuitWiring wiring = CircuitWiringBuilder.build(circuit, data);
    requireMemory(circuit, wiring);
    return simulate(circuit, wiring, Experiment.of(wiring), source);
  }

  /** A run folder: its trained parameters. */
  int run(CircuitSpec circuit, CircuitWiring wiring, Network trained, String source) {
    requireMemory(circuit, wiring);
    return simulate(circuit, wiring, Experiment.of(wiring, trained), source);
  }

  private void requireMemory(CircuitSpec circuit, CircuitWiring wiring) {
    long cells = circuit.populations().stream().mapToLong(p -> p.count()).sum();
    int workers = circuit.task() instanceof StimulusExperiment e ? Trials.workers(threads, e.trials()) : threads;
    long need = Experiment.estimateBytes(wiring.edgeCount(), cells, workers);
    long available = TrainingFootprint.availableHeap() - Runtime.getRuntime().totalMemory()
        + Runtime.getRuntime().freeMemory();
    if (need > available) {
      throw new UserError(String.format(Locale.ROOT, "%s: not simulated: circuit %s, %,d cells and %,d synapses"
          + " on %d thread(s), needs about %s beyond the wiring already loaded, but this Java VM has %s left. Give"
          + " Java more memory (e.g. DMN_JAVA_OPTS=-Xmx32g) or use fewer --threads.", input, circuit.name(), cells,
          wiring.edgeCount(), workers,
          TrainingFootprint.size(need), TrainingFootprint.size(available)));
    }
  }

  private int simulate(CircuitSpec circuit, CircuitWiring wiring, Experiment experiment, String source) {
    SpikingNetwork net = experiment.spikingNetwork();
    var task = experiment.task();
    double seconds = task.steps() * task.dt().si();
    console.printf(Locale.ROOT, "simulating %s: %,d cells, %,d synapses, %d trial(s) of %s s on %d thread(s) (%s)%n",
        circuit.name(), net.size(), net.synapseCount(), task.trials(), fmt(seconds), threads, source);
    console.flush();
    long t0 = System.nanoTime();
    int every = Math.max(1, task.trials() / 10);
    Trials trials = experiment.run(net, threads, done -> {
      if (done % every == 0 || done == task.trials()) {
        synchronized (console) {
          console.printf(Locale.ROOT, "  %d/%d trials (%.1f s)%n", done, task.trials(), (System.nanoTime() - t0) / 1e9);
          console.flush();
        }
      }
    });
    double wall = (System.nanoTime() - t0) / 1e9;
    console.printf(Locale.ROOT, "simulated %s s in %.2f s (%.1fx real time), %,d spikes%n",
        fmt(seconds * task.trials()), wall, seconds * task.trials() / wall, trials.spikeCount());
    var activated = ExperimentRecording.write(out, circuit, wiring, net, trials, source, top);
    console.println("wrote " + out);
    if (!activated.isEmpty()) {
      console.println("most activated neurons (mean rate over " + task.trials() + " trial(s)):");
      for (int i = 0; i < activated.size(); i++) {
        console.printf(Locale.ROOT, "  %2d. %s%n", i + 1, activated.get(i).describe());
      }
    }
    console.flush();
    return 0;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%g", v);
  }
}
