package org.neuromechfly.dmn.engine.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CellSet;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PoissonStimulus;
import org.neuromechfly.dmn.model.StimulusExperiment;

/**
 * A circuit's stimulus experiment ({@code task experiment}) made runnable: its network (initial
 * parameters, or trained ones set by the caller), the stimuli and silenced cells resolved to cells of
 * the network — neurons named by connectome id are looked up among the population's data, and an id
 * that is not there is an error before anything runs — and the trials.
 */
public final class Experiment {
  private final CircuitSpec spec;
  private final StimulusExperiment task;
  private final CircuitWiring wiring;
  private final Network network;
  private final List<PoissonDrive> drives = new ArrayList<>();
  private final List<Silencing> silenced = new ArrayList<>();

  private Experiment(CircuitWiring wiring, Network network) {
    this.spec = wiring.spec();
    if (!(spec.task() instanceof StimulusExperiment t)) {
      throw new IllegalArgumentException("circuit " + spec.name() + " has no experiment task");
    }
    this.task = t;
    this.wiring = wiring;
    this.network = network;
    for (PoissonStimulus s : task.stimuli()) {
      drives.add(new PoissonDrive(network.populationIndex(s.cells().population()), cells(s.cells()), s.rate().si(),
          s.weight()));
    }
    for (CellSet c : task.silenced()) {
      silenced.add(new Silencing(network.populationIndex(c.population()), cells(c)));
    }
  }

  /** The experiment of a wired circuit with its initial parameters. */
  public static Experiment of(CircuitWiring wiring) {
    CircuitSpec spec = wiring.spec();
    if (!(spec.task() instanceof StimulusExperiment t)) {
      throw new IllegalArgumentException("circuit " + spec.name() + " has no experiment task");
    }
    var training = spec.training();
    Network network = new Network(spec, wiring.projections().stream().map(EdgeArrays::of).toList(), t.dt().si(),
        NetworkOptions.training(new SurrogateSpike(training.surrogate(), training.surrogateSlope())));
    return new Experiment(wiring, network);
  }

  /** The experiment on a network whose parameters the caller set (e.g. trained ones). */
  public static Experiment of(CircuitWiring wiring, Network network) {
    return new Experiment(wiring, network);
  }

  /**
   * Bytes the simulation needs beyond the wiring: the network's parameters and synapse layout
   * (~40 bytes per synapse), the event-driven columns and per-trial state ({@link SpikingNetwork}).
   */
  public static long estimateBytes(long synapses, long cells, int threads) {
    return synapses * 40 + cells * 200L + SpikingNetwork.estimateBytes(synapses, cells, threads);
  }

  private int[] cells(CellSet set) {
    Population population = spec.population(set.population()).orElseThrow(
        () -> new IllegalArgumentException("no population " + set.population()));
    if (set.ranged()) {
      if (set.last() >= population.count()) {
        throw new IllegalArgumentException(set + ": population " + population.name() + " has " + population.count()
            + " cells");
      }
      int[] c = new int[set.last() - set.first() + 1];
      for (int i = 0; i < c.length; i++) {
        c[i] = set.first() + i;
      }
      return c;
    }
    if (!set.byIds()) {
      int[] c = new int[population.count()];
      for (int i = 0; i < c.length; i++) {
        c[i] = i;
      }
      return c;
    }
    Optional<PopulationCells> known = wiring.cells(population.name());
    if (known.isEmpty()) {
      throw new IllegalArgumentException(set + ": population " + population.name()
          + " is not taken from connectome data, so it has no neuron ids; use a cell range");
    }
    Map<Long, Integer> index = new HashMap<>();
    long[] ids = known.get().ids();
    for (int i = 0; i < ids.length; i++) {
      index.put(ids[i], i);
    }
    int[] c = new int[set.neurons().size()];
    List<Long> unknown = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      Integer k = index.get(set.neurons().get(i));
      if (k == null) {
        unknown.add(set.neurons().get(i));
      } else {
        c[i] = k;
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%d of the %d neurons named in %s are not in"
          + " population %s (%d neurons from '%s'): %s%s", unknown.size(), c.length, set.population(),
          population.name(), ids.length, known.get().origin(), unknown.subList(0, Math.min(5, unknown.size())),
          unknown.size() > 5 ? " …" : ""));
    }
    return c;
  }

  public CircuitSpec spec() {
    return spec;
  }

  public StimulusExperiment task() {
    return task;
  }

  public CircuitWiring wiring() {
    return wiring;
  }

  public Network network() {
    return network;
  }

  /** The network laid out for event-driven simulation with the experiment's stimuli. */
  public SpikingNetwork spikingNetwork() {
    return SpikingNetwork.of(network, drives, silenced);
  }

  /** Runs the experiment's trials (seeded by the training block's seed). */
  public Trials run(SpikingNetwork net, int threads, IntConsumer trialsDone) {
    return Trials.run(net, task.steps(), task.trials(), spec.training().seed(), threads, trialsDone);
  }
}
