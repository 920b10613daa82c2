package org.neuromechfly.dmn.engine.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * The spike nonlinearity as SameDiff ops: the Heaviside step forward and the surrogate's derivative
 * backward, built from SameDiff's stop-gradient (a custom gradient by subclassing an op silently
 * yields zeros, ARCHITECTURE.md).
 */
final class SpikeOps {
  private SpikeOps() {}

  /**
   * {@code step(x) + (g − stopGradient(g))} with g the surrogate's smooth function less its constant:
   * forward exactly the step (g − g is exactly 0), backward g′, the kernel's surrogate derivative.
   * With {@code smooth} (test-only) the smooth function itself.
   */
  static SDVariable spike(SameDiff sd, SDVariable x, SurrogateSpike surrogate, boolean smooth) {
    SDVariable g = shape(sd, x, surrogate);
    if (smooth) {
      return surrogate.kind() == SurrogateKind.SIGMOID ? g : g.add(0.5);
    }
    return sd.math.step(x, 0.0).add(g.sub(stopGradient(sd, g)));
  }

  static SDVariable stopGradient(SameDiff sd, SDVariable x) {
    return new StopGradient(sd, x).outputVariable();
  }

  /**
   * The surrogate's smooth function up to an additive constant (see {@link SurrogateSpike}): σ(βx),
   * x / (1 + β|x|), atan(πβx/2)/π.
   */
  private static SDVariable shape(SameDiff sd, SDVariable x, SurrogateSpike s) {
    double b = s.slope();
    return switch (s.kind()) {
      case SIGMOID -> sd.nn.sigmoid(x.mul(b));
      case FAST_SIGMOID -> x.div(sd.math.abs(x).mul(b).add(1.0));
      case ARCTAN -> sd.math.atan(x.mul(Math.PI * b / 2)).div(Math.PI);
    };
  }
}
