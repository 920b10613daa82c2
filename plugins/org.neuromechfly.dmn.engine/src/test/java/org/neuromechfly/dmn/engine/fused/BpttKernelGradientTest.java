package org.neuromechfly.dmn.engine.fused;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.engine.Parameter;
import org.neuromechfly.dmn.engine.Precision;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * The whole closed loop — LIF populations, synapses, odour world, all losses — differentiated by the
 * fused kernel and by central finite differences in float64, with the spike replaced by its smooth
 * surrogate so that the loss is differentiable.
 */
class BpttKernelGradientTest {

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource({
    "SIGMOID, DENSE, FULL, ABS",
    "ARCTAN, SPARSE, FULL, SOFTPLUS",
    "FAST_SIGMOID, SPARSE, MOTOR_ONLY, ABS",
  })
  void matchesFiniteDifferences(SurrogateKind kind, SynapseLayout.Kind layout, GradientPath path, Magnitude magnitude) {
    CircuitSpec spec = TinyCircuit.spec(40, path);
    NetworkOptions options = new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(kind, 4.0), true,
        1e-3, magnitude, new SynapseLayout(layout, 0.5, 0));
    Network network = new Network(spec, TinyCircuit.wiring(spec, 7, 0.3, 1.5), 1e-3, options);
    NavigationTask task = (NavigationTask) spec.task();
    OdourWorld world = new OdourWorld(spec, task, WorldSettings.defaults().withOrnGain(30), 2);
    world.setStarts(StartPositions.draw(task, 2, 3), 11);
    BpttKernel kernel = new BpttKernel(network, task.steps(), 2);
    // with the sensing path detached, the true reference is the loss under the recorded inputs
    Environment env = path == GradientPath.MOTOR_ONLY ? new ReplayedSensing(world) : world;
    GradientCheck check = new GradientCheck(network, kernel, env, new ActivityTerms(network, spec.losses()));
    List<double[]> analytic = check.analytic();
    List<Parameter> params = network.parameters().all();
    double worst = 0;
    StringBuilder report = new StringBuilder();
    for (int k = 0; k < params.size(); k++) {
      Parameter p = params.get(k);
      double diff = 0;
      double norm = 0;
      for (int i = 0; i < p.size(); i += Math.max(1, p.size() / 6)) {
        double a = analytic.get(k)[i];
        double f = check.numeric(p, i, 1e-5);
        diff += (a - f) * (a - f);
        norm += f * f;
      }
      double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-9);
      report.append(String.format("%-22s |g| %.3e rel %.2e%n", p.name(), Math.sqrt(norm), rel));
      if (Math.sqrt(norm) > 1e-9) {
        worst = Math.max(worst, rel);
      }
    }
    System.out.println(kind + " " + layout + " " + path + "\n" + report + "worst " + worst);
    assertTrue(worst < 1e-6, "worst relative error " + worst + "\n" + report);
  }
}
