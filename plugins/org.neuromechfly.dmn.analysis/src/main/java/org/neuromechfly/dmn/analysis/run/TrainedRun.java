package org.neuromechfly.dmn.analysis.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * A run folder opened for analysis: the circuit it trained, the wiring rebuilt from today's data and
 * proven to be the one trained (against {@link RunProvenance} when the run recorded it), and the
 * trained parameters, checked against the network that wiring makes. Nothing is written.
 */
public final class TrainedRun {
  /** Which parameters to analyse. */
  public enum Checkpoint {
    /** the end of training ({@value RunFolder#CHECKPOINT}) */
    LAST,
    /** the best held-out evaluation ({@value RunFolder#BEST}) */
    BEST
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunFolder folder;
  private final CircuitSpec spec;
  private final CircuitWiring wiring;
  private final Optional<RunProvenance> provenance;
  private final Map<String, double[]> parameters;
  private final Path parameterFile;

  private TrainedRun(RunFolder folder, CircuitSpec spec, CircuitWiring wiring, Optional<RunProvenance> provenance,
      Map<String, double[]> parameters, Path parameterFile) {
    this.folder = folder;
    this.spec = spec;
    this.wiring = wiring;
    this.provenance = provenance;
    this.parameters = parameters;
    this.parameterFile = parameterFile;
  }

  /**
   * Opens a run folder.
   *
   * @throws AnalysisException (an {@link IllegalArgumentException}) when the folder is no run, its
   *     circuit is of another IR version, its files come from different model versions, the
   *     connectome changed since training, or the parameters do not fit the circuit
   */
  public static TrainedRun open(Path runDir, DataDirectory data, Checkpoint which) {
    RunFolder folder;
    try {
      folder = RunFolder.existing(runDir);
    } catch (IllegalArgumentException e) {
      throw new AnalysisException(e.getMessage(), e);
    }
    CircuitSpec spec = readCircuit(folder.file(RunFolder.CIRCUIT));
    Optional<RunProvenance> provenance = RunProvenance.read(folder);
    provenance.ifPresent(p -> {
      if (!p.circuit().equals(spec.name())) {
        throw new AnalysisException(runDir + ": " + RunFolder.CONNECTOME + " records circuit " + p.circuit() + " but "
            + RunFolder.CIRCUIT + " is circuit " + spec.name() + "; the folder mixes two runs.");
      }
    });
    CircuitWiring wiring = CircuitWiringBuilder.build(spec, data);
    provenance.ifPresent(p -> p.requireSameAs(wiring, runDir));
    Path file = folder.file(which == Checkpoint.BEST ? RunFolder.BEST : RunFolder.CHECKPOINT);
    if (!Files.isRegularFile(file)) {
      throw new AnalysisException(runDir + ": no " + file.getFileName() + " (the run has not written "
          + (which == Checkpoint.BEST ? "a best checkpoint" : "a checkpoint") + " yet)");
    }
    Map<String, double[]> parameters = readParameters(file);
    TrainedRun run = new TrainedRun(folder, spec, wiring, provenance, parameters, file);
    run.requireParametersFit();
    return run;
  }

  private static CircuitSpec readCircuit(Path file) {
    try {
      return CircuitJson.read(Files.readString(file));
    } catch (IOException e) {
      throw new AnalysisException(file + ": cannot read (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      throw new AnalysisException(file + ": not a circuit this dmn can read: " + e.getMessage()
          + " The run folder comes from another model version; analyse it with the dmn that trained it.", e);
    }
  }

  private static Map<String, double[]> readParameters(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode values = root != null && root.has("parameters") ? root.get("parameters") : root;
      if (values == null || !values.isObject() || values.isEmpty()) {
        throw new AnalysisException(file + ": holds no parameters");
      }
      Map<String, double[]> map = new LinkedHashMap<>();
      values.fields().forEachRemaining(e -> {
        double[] v = new double[e.getValue().size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = e.getValue().get(i).asDouble();
        }
        map.put(e.getKey(), v);
      });
      return map;
    } catch (IOException e) {
      throw new AnalysisException(file + ": not a complete parameter file (" + e.getMessage() + ")", e);
    }
  }

  /** Every parameter of the circuit's network must be in the file, with the network's size. */
  private void requireParametersFit() {
    Network network = newNetwork();
    List<String> problems = new ArrayList<>();
    for (Parameter p : network.parameters().all()) {
      double[] v = parameters.get(p.name());
      if (v == null) {
        problems.add(p.name() + " is missing");
      } else if (v.length != p.size()) {
        problems.add(p.name() + " has " + v.length + " values, the circuit's " + (p.name().startsWith("w:")
            ? "wiring has " + p.size() + " edges" : "network has " + p.size()));
      }
    }
    for (String name : parameters.keySet()) {
      if (network.parameters().get(name).isEmpty()) {
        problems.add(name + " is not a parameter of the circuit");
      }
    }
    if (!problems.isEmpty()) {
      throw new AnalysisException(parameterFile + " was written for another model version than " + RunFolder.CIRCUIT
          + ": " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
          + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : "") + ".");
    }
  }

  /** A fresh network of the circuit with the trained parameters in place. */
  public Network trainedNetwork() {
    Network network = newNetwork();
    network.parameters().restore(parameters);
    network.prepare();
    return network;
  }

  /** A network of the circuit with its initial (untrained, uncalibrated) parameters. */
  public Network newNetwork() {
    var training = spec.training();
    return new Network(spec, edgeArrays(), task().dt().si(),
        NetworkOptions.training(new SurrogateSpike(training.surrogate(), training.surrogateSlope())));
  }

  public List<EdgeArrays> edgeArrays() {
    return wiring.projections().stream().map(EdgeArrays::of).toList();
  }

  public NavigationTask task() {
    if (!(spec.task() instanceof NavigationTask task)) {
      throw new AnalysisException(folder + ": circuit " + spec.name() + " has no navigation task to run it in.");
    }
    return task;
  }

  public RunFolder folder() {
    return folder;
  }

  public CircuitSpec spec() {
    return spec;
  }

  public CircuitWiring wiring() {
    return wiring;
  }

  public Optional<RunProvenance> provenance() {
    return provenance;
  }

  /** The trained parameters by name (raw values, as the checkpoint stores them). */
  public Map<String, double[]> parameters() {
    return parameters;
  }

  /** The file the parameters were read from. */
  public Path parameterFile() {
    return parameterFile;
  }
}
