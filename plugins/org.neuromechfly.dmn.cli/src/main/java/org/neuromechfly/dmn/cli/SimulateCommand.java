package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.analysis.report.RunReport;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.analysis.simulate.Hdf5Recording;
import org.neuromechfly.dmn.analysis.simulate.Walk;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.StimulusExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmn simulate MODEL_OR_RUN --out FILE.h5}: runs a trained run (or a model, untrained and
 * rate-calibrated as training starts it) forward from held-out starts and records it as HDF5; a circuit
 * whose task is a stimulus experiment ({@code task experiment}) runs its trials event-driven instead
 * ({@link ExperimentRun}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Run a trained circuit (a run folder) or a model (a .circuit file: untrained, rate-calibrated as",
        "training starts it) forward from the first N held-out starts, and record spikes, membranes and",
        "trajectories as HDF5 in an NWB-like layout (analysis module README). A circuit with a stimulus",
        "experiment (task experiment) runs its trials event-driven and records rates, spikes and the most",
        "activated neurons."})
final class SimulateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_OR_RUN", description = "a run folder of dmn train, or a .circuit file")
  Path input;

  @Option(names = "--out", paramLabel = "FILE.h5", required = true, description = "the HDF5 file to write")
  Path out;

  @Option(names = "--record", paramLabel = "WHAT", split = ",", defaultValue = "spikes,trajectory",
      description = "any of spikes, membrane, trajectory (default: ${DEFAULT-VALUE})")
  List<String> record;

  @Option(names = "--starts", paramLabel = "N", defaultValue = "4", description = "held-out starts (default: ${DEFAULT-VALUE})")
  int starts;

  @Option(names = "--best", description = "a run's best held-out checkpoint instead of the end of training")
  boolean best;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "experiments: the most activated neurons to list (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--threads", paramLabel = "N",
      description = "experiments: trials run at once (default: the machine's cores)")
  Integer threads;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where connectome sources resolve (default: -Ddmn.data.dir, $DMN_DATA_DIR, ../shared/data)")
  Path dataDir;

  @Option(names = "--force", description = "replace FILE.h5 if it exists")
  boolean force;

  private ExperimentRun experiment() {
    if (top < 0) {
      throw new UserError("--top must be 0 or more");
    }
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (t < 1) {
      throw new UserError("--threads must be at least 1");
    }
    return new ExperimentRun(input, out, top, t, spec.commandLine().getOut());
  }

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    if (!out.getFileName().toString().endsWith(".h5")) {
      throw new UserError(out + ": the recording is an HDF5 file; name it FILE.h5");
    }
    if (Files.exists(out) && !force) {
      // checked before any simulation: a recording is work, and replacing one should be asked for
      throw new UserError(out + ": exists; nothing was simulated. Pass --force to replace it, or choose another file.");
    }
    if (starts < 1) {
      throw new UserError("--starts must be at least 1");
    }
    var content = Hdf5Recording.parse(record);
    DataDirectory data = dataDir == null ? DataDirectory.fromSystemProperty() : DataDirectory.of(dataDir);
    CircuitSpec circuit;
    CircuitWiring wiring;
    Network network;
    String source;
    if (Files.isDirectory(input)) {
      TrainedRun run = TrainedRun.open(input, data, best ? TrainedRun.Checkpoint.BEST : TrainedRun.Checkpoint.LAST);
      circuit = run.spec();
      if (circuit.task() instanceof StimulusExperiment) {
        return experiment().run(circuit, run.wiring(), run.trainedNetwork(), "run folder "
            + input.toAbsolutePath().normalize() + ", parameters " + run.parameterFile().getFileName());
      }
      wiring = run.wiring();
      network = run.trainedNetwork();
      source = "run folder " + input.toAbsolutePath().normalize() + ", parameters " + run.parameterFile().getFileName();
    } else {
      ModelWorkspace workspace = new ModelWorkspace(data);
      var model = workspace.load(input);
      if (model.hasErrors()) {
        Diagnostics.print(model, spec.commandLine().getErr());
        throw new UserError(input + ": not simulated, fix the errors above first");
      }
      circuit = workspace.compile(model);
      if (circuit.task() instanceof StimulusExperiment) {
        return experiment().run(circuit, data, "model " + input.toAbsolutePath().normalize() + ", untrained");
      }
      if (!(circuit.task() instanceof NavigationTask task)) {
        throw new UserError(input + ": circuit " + circuit.name() + " has no navigation task to walk in");
      }
      wiring = CircuitWiringBuilder.build(circuit, data);
      var training = circuit.training();
      network = new Network(circuit, wiring.projections().stream().map(EdgeArrays::of).toList(),
          task.dt().si(),
          NetworkOptions.training(new SurrogateSpike(training.surrogate(), training.surrogateSlope())));
      TrainOptions defaults = TrainOptions.defaults();
      RateCalibration.calibrate(network, circuit, defaults.world(), defaults.rateTargetsFor(circuit), training.seed());
      source = "model " + input.toAbsolutePath().normalize() + ", untrained (rate-calibrated as training starts)";
    }
    console.println("simulating " + circuit.name() + " from " + starts + " held-out starts (" + source + ")");
    console.flush();
    Walk walk = Walk.heldOut(circuit, network, starts, content.contains(Hdf5Recording.Content.MEMBRANE),
        network.options().recomputation());
    Map<String, Long> spikes = Hdf5Recording.write(out, circuit, wiring, walk, source, content);
    console.println("wrote " + out + " (" + content.toString().toLowerCase(java.util.Locale.ROOT) + "); spikes: " + spikes);
    Path folder = out.toAbsolutePath().getParent();
    if (Files.isDirectory(input) && folder.equals(input.toAbsolutePath().normalize())
        && Files.isRegularFile(folder.resolve(RunFolder.CIRCUIT))) {
      console.println("report: " + RunReport.write(folder));
    }
    console.flush();
    return 0;
  }
}
