package org.neuromechfly.dmn.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * A small network with the cells of Shiu et al. 2024 in normalised units (τ_m 20 ms, τ_syn 5 ms,
 * threshold 1 = 7 mV above rest, reset to rest, dt 0.1 ms, refractory 2.2 ms and delay 1.8 ms in
 * Brian2's convention = 21 and 19 steps in ours): an excitatory and an inhibitory population wired at
 * random with synapse counts from a heavy-tailed distribution, weight per synapse 0.275 mV / 7 mV.
 */
final class ShiuStyleNetwork {
  static final double DT = 1e-4;
  /** 0.275 mV per synapse over the 7 mV from rest to threshold. */
  static final double PER_SYNAPSE = 0.275 / 7;
  /** Shiu et al.'s Poisson weight, 250 × 0.275 mV, normalised. */
  static final double KICK = 250 * 0.275 / 7;

  private ShiuStyleNetwork() {}

  static Quantity ms(double v) {
    return Quantity.of(v, Unit.MILLISECOND);
  }

  static NeuronModel cell(RefractoryMode mode) {
    return new NeuronModel(ms(20), ms(5), 1.0, 0.0, ms(2.1), ResetMode.ZERO, false, 0.0, mode);
  }

  static CircuitSpec spec(int excitatory, int inhibitory, RefractoryMode mode) {
    List<Population> pops = List.of(
        new Population("E", "neuron", excitatory, cell(mode), List.of(), ParameterSharing.PER_POPULATION),
        new Population("I", "neuron", inhibitory, cell(mode), List.of(), ParameterSharing.PER_POPULATION));
    List<Projection> prs = List.of(
        projection("E", "E", Sign.EXCITATORY),
        projection("E", "I", Sign.EXCITATORY),
        projection("I", "E", Sign.INHIBITORY),
        projection("I", "I", Sign.INHIBITORY));
    return new CircuitSpec("ShiuStyle", null, List.of(), pops, prs, null, List.of(), TrainingSpec.defaults(), null);
  }

  private static Projection projection(String s, String t, Sign sign) {
    return new Projection(s, t, new Connectivity.Dense(), sign, null, new WeightInit.SynapseScaled(PER_SYNAPSE), false,
        ms(1.9));
  }

  /**
   * Random wiring: each pair connected with probability {@code p}, 1 + a geometric number of synapses
   * (mean {@code meanSynapses}), no self-connections.
   */
  static List<EdgeArrays> wiring(CircuitSpec spec, double p, double meanSynapses, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<EdgeArrays> out = new ArrayList<>();
    double q = 1 / meanSynapses;
    for (Projection pr : spec.projections()) {
      int ns = spec.population(pr.source()).orElseThrow().count();
      int nt = spec.population(pr.target()).orElseThrow().count();
      int[] rowPtr = new int[nt + 1];
      List<Integer> src = new ArrayList<>();
      List<Float> mag = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        for (int s = 0; s < ns; s++) {
          if (r.nextDouble() < p && !(pr.recurrent() && s == t)) {
            int count = 1 + (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - q));
            src.add(s);
            mag.add((float) (count * PER_SYNAPSE));
          }
        }
        rowPtr[t + 1] = src.size();
      }
      float[] m = new float[mag.size()];
      for (int i = 0; i < m.length; i++) {
        m[i] = mag.get(i);
      }
      out.add(new EdgeArrays(pr, ns, nt, rowPtr, src.stream().mapToInt(Integer::intValue).toArray(), m,
          pr.sign().factor()));
    }
    return out;
  }

  static Network network(CircuitSpec spec, List<EdgeArrays> wiring) {
    return new Network(spec, wiring, DT, NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5)));
  }

  /** The first {@code n} excitatory cells driven at {@code rate} Hz, as a Shiu et al. activation experiment. */
  static List<PoissonDrive> drive(int n, double rate) {
    int[] cells = new int[n];
    for (int i = 0; i < n; i++) {
      cells[i] = i;
    }
    return List.of(new PoissonDrive(0, cells, rate, KICK));
  }
}
