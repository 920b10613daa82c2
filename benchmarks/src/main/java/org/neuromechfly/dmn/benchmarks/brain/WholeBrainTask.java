package org.neuromechfly.dmn.benchmarks.brain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.benchmarks.engine.Circuits;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSelection;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * The whole-brain model of {@link WholeBrainModel} as something to train: the odour-navigation task of
 * the example circuit (its world, navigation and energy losses, B flies, dt 1 ms), defined on a motor
 * readout, with the brain in between.
 *
 * <ul>
 *   <li>{@code ORN}: the example's odour sensors (50, left antenna first), tonically active (bias
 *       {@value #ORN_BIAS}: about 40 Hz without odour; the example gets its rates from a calibration that
 *       would take minutes here);
 *   <li>{@code Brain}: every neuron of the Shiu folder, LIF with Shiu et al.'s τ_m 20 ms and τ_syn 5 ms,
 *       reset to rest, a frozen refractory period of 2 ms as in Shiu et al.'s model (input dropped and
 *       the synaptic current cleared, as Brian2 runs it), per-edge learnable weights = synapse count × 0.275 mV (κ for dt 1 ms)
 *       signed by the presynaptic neuron's transmitter, delay 2 steps (Shiu's 1.8 ms at dt 1 ms);
 *   <li>{@code DN}: the example's 10 descending neurons (forward DN[0..4], turn DN[5..9]).
 * </ul>
 *
 * The recurrent projection is wired by the connectome module from the Shiu files. The two interface
 * projections have no rule in the language that says "into these neuron ids", so their edges are made
 * here (the IR declares them as random fan-ins of the same fan-in, which is what the memory estimate
 * reads): the ORNs drive {@code entry} brain neurons (the simulate benchmark's stimulated set), each
 * from {@value #ENTRY_FAN_IN} ORNs of one antenna (first half of the set left, second right) with
 * the weight of one of Shiu et al.'s Poisson events (250 synapses); each DN reads
 * {@value #READOUT_FAN_IN} brain neurons of the readout set — the brain neurons with the most
 * excitatory synapses from the entry set, so that the readout sees the odour's trace through the brain.
 */
final class WholeBrainTask {
  static final double DT = 1e-3;
  static final double ORN_BIAS = 1.1;
  static final int ENTRY_FAN_IN = 5;
  static final int READOUT_FAN_IN = 20;
  /** Weight of a readout synapse onto a DN, in units of the DN's threshold. */
  static final double READOUT_WEIGHT = 0.3;

  /** The circuit, the brain's wired edges and the cells of the two interfaces. */
  record Wired(CircuitSpec spec, List<EdgeArrays> edges, int[] entry, int[] readout) {}

  private WholeBrainTask() {}

  /** The circuit over the Shiu folder {@code name} of the data directory, {@code neurons} neurons. */
  static CircuitSpec spec(String name, int neurons, int steps, int batch, long seed) throws IOException {
    CircuitSpec example = Circuits.example(steps, batch);
    NavigationTask task = (NavigationTask) example.task();
    Population orn = example.population("ORN").orElseThrow();
    NeuronModel tonic = orn.neuron();
    tonic = new NeuronModel(tonic.tauMem(), tonic.tauSyn(), tonic.threshold(), tonic.reset(), tonic.refractory(),
        tonic.resetMode(), tonic.graded(), ORN_BIAS);
    Population sensors = new Population("ORN", orn.cellType(), orn.count(), tonic, orn.learned(), orn.sharing());
    NeuronModel cell = new NeuronModel(ms(20), ms(5), 1.0, 0.0, ms(2), ResetMode.ZERO, false, 0.0,
        RefractoryMode.FREEZE);
    Population brain = new Population("Brain", "neuron", neurons, cell, List.of(), ParameterSharing.PER_POPULATION,
        null, new PopulationSelection("flywire", null, null, null, null));
    Population dn = example.population(task.forward().population()).orElseThrow();
    double perSynapse = WholeBrainModel.weightPerSynapse(DT);
    List<Projection> projections = List.of(
        new Projection("ORN", "Brain", new Connectivity.RandomFanIn(ENTRY_FAN_IN), Sign.EXCITATORY,
            Transmitter.ACETYLCHOLINE, new WeightInit.Constant(250 * perSynapse), true, null),
        new Projection("Brain", "Brain",
            new Connectivity.FromConnectome("flywire", new Connectivity.ConnectomeQuery(null, null, null, null, 1)),
            Sign.PER_NEURON, null, new WeightInit.SynapseScaled(perSynapse), true, ms(2)),
        new Projection("Brain", dn.name(), new Connectivity.RandomFanIn(READOUT_FAN_IN), Sign.EXCITATORY,
            Transmitter.ACETYLCHOLINE, new WeightInit.Constant(READOUT_WEIGHT), true, null));
    // the activity terms of the example name its own populations; the world's losses stay
    List<LossTerm> losses = example.losses().stream()
        .filter(l -> l instanceof LossTerm.Navigation || l instanceof LossTerm.Energy).toList();
    return new CircuitSpec("WholeBrainNavigation", null,
        List.of(new ConnectomeSource("flywire", ConnectomeFormat.SHIU, name, "v783", null)),
        List.of(sensors, brain, dn), projections, task, losses,
        example.training().toBuilder().seed(seed).build(), null);
  }

  /**
   * The engine's edges of every projection: the recurrent one as {@code brain} wired it, the interfaces
   * made here into and out of the chosen cells.
   */
  static Wired wire(CircuitSpec spec, EdgeArrays brain, int[] entry) {
    Projection in = spec.projections().get(0);
    Projection out = spec.projections().get(2);
    int sensors = spec.population(in.source()).orElseThrow().count();
    int readouts = spec.population(out.target()).orElseThrow().count();
    int[] readout = readoutCells(brain, entry, readouts * READOUT_FAN_IN);
    return new Wired(spec, List.of(entryEdges(in, sensors, brain.targetCount(), entry, spec.training().seed()), brain,
        readoutEdges(out, brain.targetCount(), readouts, readout)), entry, readout);
  }

  /** Each entry cell from {@link #ENTRY_FAN_IN} distinct ORNs of one antenna, in CSR by target. */
  static EdgeArrays entryEdges(Projection p, int sensors, int cells, int[] entry, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int half = sensors / 2;
    int[][] from = new int[cells][];
    for (int i = 0; i < entry.length; i++) {
      int side = i < entry.length / 2 ? 0 : half; // the first half of the entry set hears the left antenna
      from[entry[i]] = random.ints(side, side + half).distinct().limit(ENTRY_FAN_IN).sorted().toArray();
    }
    float magnitude = (float) ((WeightInit.Constant) p.weight()).value();
    return csr(p, sensors, cells, from, magnitude);
  }

  /** DN d reads readout cells {@code d·fanIn .. (d+1)·fanIn − 1}. */
  static EdgeArrays readoutEdges(Projection p, int cells, int readouts, int[] readout) {
    int[][] from = new int[readouts][];
    for (int d = 0; d < readouts; d++) {
      from[d] = Arrays.stream(readout, d * READOUT_FAN_IN, (d + 1) * READOUT_FAN_IN).sorted().toArray();
    }
    return csr(p, cells, readouts, from, (float) ((WeightInit.Constant) p.weight()).value());
  }

  /**
   * The {@code count} brain cells with the most excitatory synapses (summed magnitudes) from the entry
   * cells, entry cells excluded, most first (ties by index).
   */
  static int[] readoutCells(EdgeArrays brain, int[] entry, int count) {
    boolean[] isEntry = new boolean[brain.sourceCount()];
    for (int c : entry) {
      isEntry[c] = true;
    }
    double[] score = new double[brain.targetCount()];
    int[] rowPtr = brain.rowPtr();
    int[] source = brain.sourceIndex();
    for (int t = 0; t < brain.targetCount(); t++) {
      for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
        if (isEntry[source[e]] && brain.sign(e) > 0) {
          score[t] += brain.magnitudes()[e];
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < score.length; t++) {
      if (!isEntry[t]) {
        order.add(t);
      }
    }
    order.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
    if (order.size() < count) {
      throw new IllegalArgumentException("the brain has " + order.size() + " cells outside the entry set, the"
          + " readout needs " + count);
    }
    return order.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
  }

  private static EdgeArrays csr(Projection p, int sources, int targets, int[][] from, float magnitude) {
    int[] rowPtr = new int[targets + 1];
    for (int t = 0; t < targets; t++) {
      rowPtr[t + 1] = rowPtr[t] + (from[t] == null ? 0 : from[t].length);
    }
    int[] sourceIndex = new int[rowPtr[targets]];
    for (int t = 0; t < targets; t++) {
      if (from[t] != null) {
        System.arraycopy(from[t], 0, sourceIndex, rowPtr[t], from[t].length);
      }
    }
    float[] magnitudes = new float[sourceIndex.length];
    Arrays.fill(magnitudes, magnitude);
    return new EdgeArrays(p, sources, targets, rowPtr, sourceIndex, magnitudes, p.sign().factor());
  }

  private static Quantity ms(double v) {
    return Quantity.of(v, Unit.MILLISECOND);
  }
}
