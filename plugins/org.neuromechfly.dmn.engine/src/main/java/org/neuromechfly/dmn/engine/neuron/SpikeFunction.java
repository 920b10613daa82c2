package org.neuromechfly.dmn.engine.neuron;

import java.util.Objects;

/**
 * What a spiking cell emits: the Heaviside step (training and simulation), or the smooth surrogate
 * itself ({@code smooth = true}, test-only) so that the whole network becomes differentiable and its
 * backward pass can be checked against finite differences.
 *
 * @param surrogate the surrogate used backward (and forward in smooth mode)
 * @param smooth whether the forward pass uses the surrogate instead of the step
 */
public record SpikeFunction(SurrogateSpike surrogate, boolean smooth) {

  public SpikeFunction {
    Objects.requireNonNull(surrogate, "surrogate");
  }

  /** Forward value for the membrane distance to threshold {@code x = v − θ}. */
  public double value(double x) {
    return smooth ? surrogate.smooth(x) : SurrogateSpike.step(x);
  }

  /** Backward derivative for {@code x = v − θ}. */
  public double derivative(double x) {
    return surrogate.derivative(x);
  }
}
