package org.neuromechfly.dmn.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.connectome.wiring.ProjectionWiring;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PositiveParameter;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * A circuit with every number an exporter needs, in physical units: per-cell neuron parameters and
 * signed weights per edge. Built from the IR and its wiring (initial values) or from a run folder
 * (trained values, decoded through the engine's own parameter mapping so exports match training).
 *
 * <p>Modulatory projections (sign 0) carry no fast drive in the engine and are left out here too.
 *
 * @param spec the circuit
 * @param dt simulation step, seconds
 * @param populations one entry per IR population, same order
 * @param projections one entry per non-modulatory projection, IR order
 * @param origin where the numbers came from (for metadata and messages)
 */
public record CircuitParameters(
    CircuitSpec spec,
    double dt,
    List<PopulationParameters> populations,
    List<ProjectionWeights> projections,
    String origin) {

  /** Step used when the circuit declares no task. */
  public static final double DEFAULT_DT = 1e-3;

  public CircuitParameters {
    Objects.requireNonNull(spec, "spec");
    if (!(dt > 0)) {
      throw new IllegalArgumentException("dt must be positive: " + dt);
    }
    populations = List.copyOf(populations);
    projections = List.copyOf(projections);
  }

  /** The simulation step of a circuit: its task's dt, else {@link #DEFAULT_DT}. */
  public static double dtOf(CircuitSpec spec) {
    return spec.task() == null ? DEFAULT_DT : spec.task().dt().si();
  }

  /** Initial parameters: the IR's neuron values and the wiring's initial weights. */
  public static CircuitParameters initial(CircuitWiring wiring) {
    CircuitSpec spec = wiring.spec();
    double dt = dtOf(spec);
    List<PopulationParameters> pops = spec.populations().stream().map(PopulationParameters::initial).toList();
    List<ProjectionWeights> projs = new ArrayList<>();
    for (ProjectionWiring w : wiring.projections()) {
      if (w.sign() == 0) {
        continue;
      }
      float[] weights = w.initialWeights();
      double[] d = new double[weights.length];
      for (int e = 0; e < d.length; e++) {
        d[e] = weights[e];
      }
      var edges = w.edges();
      projs.add(new ProjectionWeights(w.projection(), edges.sourceCount(), edges.targetCount(), edges.rowPtr(),
          edges.sourceIndex(), d, delaySteps(w.projection(), dt)));
    }
    return new CircuitParameters(spec, dt, pops, projs, "initial values of circuit " + spec.name());
  }

  /** Which parameters of a run folder to export. */
  public enum RunCheckpoint {
    /** {@code best.json} when present (best held-out score), else the last checkpoint. */
    BEST,
    /** {@code checkpoint.json}: the parameters at the end of training. */
    LAST
  }

  /**
   * Trained parameters of a run folder: {@code circuit.json} gives the IR, the wiring is rebuilt from
   * it (deterministic in the seed) and the parameter values come from {@code best.json} or
   * {@code checkpoint.json}, mapped to physical values by the engine's own network.
   */
  public static CircuitParameters trained(Path runFolder, DataDirectory data, RunCheckpoint which) {
    Path parameters = parametersOf(runFolder, which);
    return fromValues(CircuitWiringBuilder.build(specOf(runFolder), data), CheckpointStore.readParameters(parameters),
        parameters.toString());
  }

  /** The circuit a run folder trained ({@code circuit.json}). */
  static CircuitSpec specOf(Path runFolder) {
    Path circuit = RunFolder.existing(runFolder).file(RunFolder.CIRCUIT);
    try {
      return CircuitJson.read(Files.readString(circuit));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + circuit, e);
    }
  }

  /** The parameters file of a run folder that {@link #trained} reads. */
  static Path parametersOf(Path runFolder, RunCheckpoint which) {
    RunFolder run = RunFolder.existing(runFolder);
    Path best = run.file(RunFolder.BEST);
    Path parameters = which == RunCheckpoint.BEST && Files.isRegularFile(best) ? best : run.file(RunFolder.CHECKPOINT);
    if (!Files.isRegularFile(parameters)) {
      throw new IllegalArgumentException(runFolder + " holds no trained parameters yet (no " + RunFolder.BEST + " or "
          + RunFolder.CHECKPOINT + ")");
    }
    return parameters;
  }

  /**
   * Parameters from raw values as the engine stores them (checkpoint maps), decoded by building the
   * engine's network for the wiring and restoring the values into it.
   */
  public static CircuitParameters fromValues(CircuitWiring wiring, Map<String, double[]> raw, String origin) {
    return of(network(wiring, raw, decoding(wiring.spec())), origin);
  }

  /** Options for decoding parameters: the model's surrogate, edge lists (no dense copies). */
  static NetworkOptions decoding(CircuitSpec spec) {
    var t = spec.training();
    return NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope()))
        .toBuilder().layout(new SynapseLayout(SynapseLayout.Kind.SPARSE, 1.0, Long.MAX_VALUE)).build();
  }

  /** The engine's network for a wiring, with raw parameter values restored ({@code null}: initial values). */
  static Network network(CircuitWiring wiring, Map<String, double[]> raw, NetworkOptions options) {
    List<EdgeArrays> edges = wiring.projections().stream().map(EdgeArrays::of).toList();
    Network network = new Network(wiring.spec(), edges, dtOf(wiring.spec()), options);
    if (raw != null) {
      network.parameters().restore(raw);
      network.prepare();
    }
    return network;
  }

  /** The physical values of a network, decoded by its own parameter mapping. */
  public static CircuitParameters of(Network network, String origin) {
    CircuitSpec spec = network.spec();
    double dt = network.dt();
    NetworkOptions options = network.options();
    List<PopulationParameters> pops = new ArrayList<>();
    for (int i = 0; i < spec.populations().size(); i++) {
      Population p = spec.populations().get(i);
      LifPopulation lif = network.populations().get(network.populationIndex(p.name()));
      int n = p.count();
      double[] tau = new double[n];
      double[] theta = new double[n];
      for (int c = 0; c < n; c++) {
        tau[c] = lif.tauMem(c);
        theta[c] = lif.threshold(c);
      }
      double[] bias = perCell(network, p, LearnableParameter.BIAS).orElse(PopulationParameters.filled(n, p.neuron().bias()));
      double[] tauSyn = null;
      if (p.neuron().tauSyn() != null && p.neuron().tauSyn().si() > 0) {
        double floor = options.tauFloor();
        tauSyn = perCell(network, p, LearnableParameter.TAU_SYN)
            .map(raws -> java.util.Arrays.stream(raws).map(r -> PositiveParameter.value(r, floor)).toArray())
            .orElse(PopulationParameters.filled(n, p.neuron().tauSyn().si()));
      }
      pops.add(new PopulationParameters(p, tau, tauSyn, theta, bias));
    }
    List<ProjectionWeights> projs = new ArrayList<>();
    for (Synapses s : network.synapses()) {
      EdgeArrays e = s.edges();
      double[] w = new double[e.edgeCount()];
      for (int k = 0; k < w.length; k++) {
        w[k] = s.weight(k);
      }
      projs.add(new ProjectionWeights(e.projection(), e.sourceCount(), e.targetCount(), e.rowPtr(), e.sourceIndex(),
          w, s.delay()));
    }
    return new CircuitParameters(spec, dt, pops, projs, origin);
  }

  /**
   * The engine's network with exactly these values (for parameters that do not come from a run or a
   * wiring: an imported NIR graph, a test): one edge list per projection, raw values set from the
   * physical ones through the engine's own parametrisation.
   *
   * @throws IllegalArgumentException when a projection's weights disagree with its sign (the engine
   *     gives every projection one sign, Dale's law)
   */
  public Network network(NetworkOptions options) {
    List<EdgeArrays> edges = new ArrayList<>();
    for (ProjectionWeights w : projections) {
      int sign = w.projection().sign().factor();
      float[] magnitudes = new float[w.edgeCount()];
      for (int e = 0; e < magnitudes.length; e++) {
        if (w.weights()[e] * sign < 0) {
          throw new IllegalArgumentException("projection " + w.label() + " has weights of both signs; the engine"
              + " gives a projection one sign (Dale's law)");
        }
        magnitudes[e] = (float) Math.abs(w.weights()[e]);
      }
      edges.add(new EdgeArrays(w.projection(), w.sourceCount(), w.targetCount(), w.rowPtr(), w.sourceIndex(),
          magnitudes, sign));
    }
    Network network = new Network(spec, edges, dt, options);
    for (Synapses s : network.synapses()) {
      ProjectionWeights w = projections.get(edges.indexOf(s.edges()));
      double[] raw = s.rawMagnitudes().value();
      for (int e = 0; e < raw.length; e++) {
        raw[e] = options.magnitude().raw(Math.abs(w.weights()[e]));
      }
    }
    double floor = options.tauFloor();
    for (PopulationParameters p : populations) {
      Population pop = p.population();
      set(network, pop, LearnableParameter.TAU_MEM, p.tauMem(), v -> PositiveParameter.raw(v, floor));
      if (p.tauSyn() != null) {
        set(network, pop, LearnableParameter.TAU_SYN, p.tauSyn(), v -> PositiveParameter.raw(v, floor));
      }
      set(network, pop, LearnableParameter.THRESHOLD, p.threshold(), v -> v);
      set(network, pop, LearnableParameter.BIAS, p.bias(), v -> v);
    }
    network.prepare();
    return network;
  }

  private static void set(Network network, Population p, LearnableParameter kind, double[] values,
      java.util.function.DoubleUnaryOperator raw) {
    String owner = p.sharing() == ParameterSharing.PER_CELL_TYPE ? "type:" + p.cellType() : p.name();
    network.parameters().get(owner + "." + kind.keyword()).ifPresent(par -> {
      for (int i = 0; i < par.size(); i++) {
        par.value()[i] = raw.applyAsDouble(values[i]);
      }
    });
  }

  /** Raw per-cell values of a neuron parameter, expanded from shared storage (engine naming). */
  private static Optional<double[]> perCell(Network network, Population p, LearnableParameter kind) {
    String owner = p.sharing() == ParameterSharing.PER_CELL_TYPE ? "type:" + p.cellType() : p.name();
    Optional<Parameter> param = network.parameters().get(owner + "." + kind.keyword());
    return param.map(par -> {
      double[] out = new double[p.count()];
      for (int c = 0; c < out.length; c++) {
        out[c] = par.value()[par.size() == 1 ? 0 : c];
      }
      return out;
    });
  }

  static int delaySteps(org.neuromechfly.dmn.model.Projection p, double dt) {
    return p.delay() == null ? 1 : Math.max(1, (int) Math.round(p.delay().si() / dt));
  }

  public PopulationParameters population(String name) {
    return populations.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no population " + name + " in " + spec.name()));
  }
}
