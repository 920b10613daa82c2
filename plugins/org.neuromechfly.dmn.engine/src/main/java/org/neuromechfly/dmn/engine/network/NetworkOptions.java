package org.neuromechfly.dmn.engine.network;

import java.util.Objects;
import org.neuromechfly.dmn.engine.neuron.Precision;
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
 * @param recomputation whole record or recomputed segments in the fused kernel (memory only: the same
 *     bits either way)
 */
public record NetworkOptions(
    Precision precision,
    SurrogateSpike surrogate,
    boolean smoothSpikes,
    double tauFloor,
    Magnitude magnitude,
    SynapseLayout layout,
    Recomputation recomputation) {

  public NetworkOptions {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(surrogate, "surrogate");
    Objects.requireNonNull(magnitude, "magnitude");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(recomputation, "recomputation");
  }

  /** Options with the footprint's choice of recomputation. */
  public NetworkOptions(Precision precision, SurrogateSpike surrogate, boolean smoothSpikes, double tauFloor,
      Magnitude magnitude, SynapseLayout layout) {
    this(precision, surrogate, smoothSpikes, tauFloor, magnitude, layout, Recomputation.chosen());
  }

  /** Float32 training defaults with the given surrogate. */
  public static NetworkOptions training(SurrogateSpike surrogate) {
    return new NetworkOptions(
        Precision.FLOAT32, surrogate, false, 1e-3, Magnitude.ABS, SynapseLayout.auto());
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some options of a {@link NetworkOptions}. */
  public static final class Builder {
    private Precision precision;
    private SurrogateSpike surrogate;
    private boolean smoothSpikes;
    private double tauFloor;
    private Magnitude magnitude;
    private SynapseLayout layout;
    private Recomputation recomputation;

    private Builder(NetworkOptions o) {
      precision = o.precision;
      surrogate = o.surrogate;
      smoothSpikes = o.smoothSpikes;
      tauFloor = o.tauFloor;
      magnitude = o.magnitude;
      layout = o.layout;
      recomputation = o.recomputation;
    }

    public Builder precision(Precision value) {
      precision = value;
      return this;
    }

    public Builder surrogate(SurrogateSpike value) {
      surrogate = value;
      return this;
    }

    public Builder smoothSpikes(boolean value) {
      smoothSpikes = value;
      return this;
    }

    public Builder tauFloor(double value) {
      tauFloor = value;
      return this;
    }

    public Builder magnitude(Magnitude value) {
      magnitude = value;
      return this;
    }

    public Builder layout(SynapseLayout value) {
      layout = value;
      return this;
    }

    public Builder recomputation(Recomputation value) {
      recomputation = value;
      return this;
    }

    public NetworkOptions build() {
      return new NetworkOptions(precision, surrogate, smoothSpikes, tauFloor, magnitude, layout, recomputation);
    }
  }
}
