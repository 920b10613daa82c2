package org.neuromechfly.dmn.engine.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.loihi.Loihi2Mode;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.SpikeFunction;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.export.NetxLayout;

/**
 * A circuit made trainable: one {@link LifPopulation} per IR population, one {@link Synapses} per
 * projection and every parameter in one {@link ParameterSet}. Every projection delays by at least one
 * step, so within a step populations are independent and any topology (feedback loops such as
 * KC ↔ APL included) is stepped the same way.
 */
public final class Network {
  private final CircuitSpec spec;
  private final double dt;
  private final NetworkOptions options;
  private final ParameterSet parameters = new ParameterSet();
  private final List<LifPopulation> populations = new ArrayList<>();
  private final List<Synapses> synapses = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  /** Loihi 2's arithmetic when the model trains for it ({@code target loihi2}), else null. */
  private final Loihi2Mode loihi;

  /**
   * @param spec the circuit
   * @param wiring one edge set per projection of {@code spec} (modulatory projections may be absent)
   * @param dt time step, seconds
   * @param options engine choices
   */
  public Network(CircuitSpec spec, List<EdgeArrays> wiring, double dt, NetworkOptions options) {
    this.spec = spec;
    this.dt = dt;
    this.options = options;
    SpikeFunction spike = new SpikeFunction(options.surrogate(), options.smoothSpikes());
    for (Population p : spec.populations()) {
      index.put(p.name(), populations.size());
      populations.add(new LifPopulation(p, dt, options.tauFloor(), spike, parameters));
    }
    for (EdgeArrays edges : wiring) {
      Projection pr = edges.projection();
      if (edges.sign() == 0) {
        continue; // neuromodulatory: no fast drive
      }
      int delay = pr.delay() == null ? 1 : Math.max(1, (int) Math.round(pr.delay().si() / dt));
      synapses.add(
          Synapses.create(
              edges,
              populationIndex(pr.source()),
              populationIndex(pr.target()),
              delay,
              options.magnitude(),
              parameters,
              options.layout(),
              options.precision()));
    }
    loihi = spec.training().target() == TrainingTarget.LOIHI2
        ? new Loihi2Mode(NetxLayout.of(spec), populations, synapses, dt) : null;
    prepare();
  }

  /**
   * Recomputes physical values from raw parameters (after an optimiser step or a restore), and, when
   * the model trains for Loihi 2, the integers the on-chip cells and their inputs run with.
   */
  public void prepare() {
    populations.forEach(LifPopulation::prepare);
    synapses.forEach(Synapses::prepare);
    if (loihi != null) {
      loihi.apply();
    }
  }

  /** Whether the network computes Loihi 2's arithmetic for its on-chip populations ({@code target loihi2}). */
  public boolean trainsForLoihi() {
    return loihi != null;
  }

  public int populationIndex(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no population " + name + " in circuit " + spec.name());
    }
    return i;
  }

  public CircuitSpec spec() {
    return spec;
  }

  public double dt() {
    return dt;
  }

  public NetworkOptions options() {
    return options;
  }

  public ParameterSet parameters() {
    return parameters;
  }

  public List<LifPopulation> populations() {
    return populations;
  }

  public List<Synapses> synapses() {
    return synapses;
  }

  /** Longest projection delay in steps. */
  public int maxDelay() {
    return synapses.stream().mapToInt(Synapses::delay).max().orElse(1);
  }
}
