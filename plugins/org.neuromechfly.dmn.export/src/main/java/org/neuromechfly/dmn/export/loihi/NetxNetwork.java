package org.neuromechfly.dmn.export.loihi;

import java.util.List;

/**
 * A circuit as a lava-dl netx layer chain, ready to write.
 *
 * @param circuit circuit name
 * @param dt step in seconds (one Loihi time step)
 * @param tSample steps per sample ({@code simulation/tSample})
 * @param inputCurrent normalised current of one input event (the input layer's transform weight)
 * @param layers the chain, input first
 * @param warnings approximations made
 */
public record NetxNetwork(
    String circuit, double dt, int tSample, double inputCurrent, List<NetxLayer> layers, List<String> warnings) {
  public NetxNetwork {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }
}
