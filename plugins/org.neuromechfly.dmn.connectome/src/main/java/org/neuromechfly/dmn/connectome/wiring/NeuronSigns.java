package org.neuromechfly.dmn.connectome.wiring;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * The sign of every synapse of a {@code sign per_neuron} projection: its presynaptic neuron's
 * transmitter in the data (acetylcholine +1; GABA and glutamate −1; dopamine, serotonin and
 * octopamine 0, no fast drive: see {@link Transmitter}). Shiu et al.'s files carry this as the
 * {@code Excitatory} column, FlyWire Codex as {@code nt_type}.
 */
final class NeuronSigns {
  private NeuronSigns() {}

  static byte[] ofEdges(Projection projection, EdgeList edges, PopulationCells pre, String[] transmitters) {
    byte[] perNeuron = new byte[transmitters.length];
    // only neurons with synapses in the projection need a sign (in Shiu et al.'s files the transmitter
    // comes with a neuron's outgoing connections, so a neuron without any has none)
    boolean[] presynaptic = new boolean[transmitters.length];
    for (int s : edges.sourceIndex()) {
      presynaptic[s] = true;
    }
    Map<String, Integer> unknown = new TreeMap<>();
    long missing = 0;
    long firstMissing = 0;
    long needed = 0;
    for (int i = 0; i < transmitters.length; i++) {
      if (!presynaptic[i]) {
        continue;
      }
      needed++;
      Optional<Transmitter> t = Transmitter.parse(transmitters[i]);
      if (t.isEmpty()) {
        if (missing++ == 0) {
          firstMissing = pre.ids()[i];
        }
        if (transmitters[i] != null) {
          unknown.merge(transmitters[i], 1, Integer::sum);
        }
        continue;
      }
      perNeuron[i] = (byte) t.get().sign().factor();
    }
    if (missing > 0) {
      throw new ConnectomeException("projection " + projection.label() + ": sign per_neuron needs each presynaptic"
          + " neuron's transmitter, but the data give none for " + missing + " of the " + needed
          + " neurons with synapses in it (first: " + firstMissing + ")" + (unknown.isEmpty() ? "" : "; unknown names: " + unknown)
          + ". Use data with transmitters (Shiu et al.'s Excitatory column, Codex nt_type) or state a sign.");
    }
    int[] sources = edges.sourceIndex();
    byte[] signs = new byte[sources.length];
    for (int e = 0; e < sources.length; e++) {
      signs[e] = perNeuron[sources[e]];
    }
    return signs;
  }
}
