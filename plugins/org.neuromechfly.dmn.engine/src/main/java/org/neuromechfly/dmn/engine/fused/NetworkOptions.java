package org.neuromechfly.dmn.engine.fused;

import java.util.Objects;
import org.neuromechfly.dmn.engine.Precision;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;

/**
 * Engine-side choices the IR does not make.
 *
 * @param precision storage and BLAS precision
 * @param surrogate surrogate spike (shape and slope)
 * @param smoothSpikes test-only: emit the smooth surrogate instead of spikes, making the network
 *     differentiable for finite-difference checks
 * @param tauFloor smallest learnable time constant, seconds
 * @param magnitude weight-magnitude parametrisation
 * @param layout dense/sparse choice
 */
public record NetworkOptions(
    Precision precision,
    SurrogateSpike surrogate,
    boolean smoothSpikes,
    double tauFloor,
    Magnitude magnitude,
    SynapseLayout layout) {

  public NetworkOptions {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(surrogate, "surrogate");
    Objects.requireNonNull(magnitude, "magnitude");
    Objects.requireNonNull(layout, "layout");
  }

  /** Float32 training defaults with the given surrogate. */
  public static NetworkOptions training(SurrogateSpike surrogate) {
    return new NetworkOptions(
        Precision.FLOAT32, surrogate, false, 1e-3, Magnitude.ABS, SynapseLayout.auto());
  }

  public NetworkOptions withPrecision(Precision p) {
    return new NetworkOptions(p, surrogate, smoothSpikes, tauFloor, magnitude, layout);
  }

  public NetworkOptions withSmoothSpikes(boolean smooth) {
    return new NetworkOptions(precision, surrogate, smooth, tauFloor, magnitude, layout);
  }

  public NetworkOptions withLayout(SynapseLayout l) {
    return new NetworkOptions(precision, surrogate, smoothSpikes, tauFloor, magnitude, l);
  }

  public NetworkOptions withMagnitude(Magnitude m) {
    return new NetworkOptions(precision, surrogate, smoothSpikes, tauFloor, m, layout);
  }
}
