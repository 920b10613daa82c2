package org.neuromechfly.dmn.export.loihi;

import java.util.List;

/**
 * A circuit as a lava-dl netx bundle, ready to write: the spike source (input channels) and the chain
 * of layers after it.
 *
 * @param circuit circuit name
 * @param dt step in seconds (one Loihi time step)
 * @param tSample steps per sample ({@code simulation/tSample})
 * @param sources the spike-source populations and their channels (layer 0, the input)
 * @param layers the chain after the input, layer 1 first
 * @param warnings approximations made
 */
public record NetxNetwork(
    String circuit, double dt, int tSample, List<NetxLayer.Slice> sources, List<NetxLayer> layers,
    List<String> warnings) {
  public NetxNetwork {
    sources = List.copyOf(sources);
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  /** Channels of the spike source (the input layer's shape). */
  public int inputChannels() {
    return sources.stream().mapToInt(NetxLayer.Slice::count).sum();
  }
}
