package org.neuromechfly.dmn.engine.fused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.world.Environment;

/** Central finite differences of a network's total loss against its BPTT gradient. */
final class GradientCheck {
  private final Network network;
  private final BpttKernel kernel;
  private final Environment env;
  private final ActivityObjective objective;

  GradientCheck(Network network, BpttKernel kernel, Environment env, ActivityObjective objective) {
    this.network = network;
    this.kernel = kernel;
    this.env = env;
    this.objective = objective;
  }

  double loss() {
    Map<String, Double> parts = kernel.forward(env, objective);
    return parts.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Analytic gradients of every parameter (copies). */
  List<double[]> analytic() {
    network.parameters().zeroGradients();
    kernel.forward(env, objective);
    kernel.backward(env, objective);
    List<double[]> out = new ArrayList<>();
    for (Parameter p : network.parameters().all()) {
      out.add(p.gradient().clone());
    }
    return out;
  }

  /** Central difference of the loss with respect to one raw value. */
  double numeric(Parameter p, int i, double h) {
    double v = p.value()[i];
    p.value()[i] = v + h;
    network.prepare();
    double up = loss();
    p.value()[i] = v - h;
    network.prepare();
    double down = loss();
    p.value()[i] = v;
    network.prepare();
    return (up - down) / (2 * h);
  }
}
