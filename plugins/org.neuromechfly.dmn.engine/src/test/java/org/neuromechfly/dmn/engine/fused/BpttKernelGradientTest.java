package org.neuromechfly.dmn.engine.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.ReplayedSensing;
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
    double worst = worstRelativeError(spec, kind, layout, path, magnitude, 30, null);
    assertTrue(worst < 1e-6, "worst relative error " + worst);
  }

  /**
   * Refractory periods on the PN, KC and DN cells: the clamp is a mask over the ordinary step that
   * the backward pass treats as a constant, which is exact as long as a perturbation of 1e-5 flips no
   * threshold crossing — true here, and the clamp must have been active.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "FAST_SIGMOID, FULL",
    "SIGMOID, MOTOR_ONLY",
  })
  void refractoryCellsMatchFiniteDifferences(SurrogateKind kind, GradientPath path) {
    CircuitSpec spec = TinyCircuit.withRefractory(TinyCircuit.spec(40, path), Map.of("PN", 3.0, "KC", 2.0, "DN", 2.0));
    long[] clamped = new long[1];
    double worst = worstRelativeError(spec, kind, SynapseLayout.Kind.SPARSE, path, Magnitude.ABS, 30, clamped);
    assertTrue(clamped[0] > 20, "refractoriness should clamp cells, clamped " + clamped[0]);
    assertTrue(worst < 1e-6, "worst relative error " + worst);
  }

  /**
   * The whole world differentiated end to end: odour from puffs carried by a 150 mm/s wind (their
   * analytic concentration gradient at both antennae), and a wind-sensing population whose input
   * depends on the heading — every parameter against central finite differences.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"FULL", "MOTOR_ONLY"})
  void windAndPuffsMatchFiniteDifferences(GradientPath path) {
    CircuitSpec spec = TinyCircuit.withWindAndPuffs(TinyCircuit.spec(40, path), 150);
    double worst = worstRelativeError(spec, SurrogateKind.FAST_SIGMOID, SynapseLayout.Kind.DENSE, path, Magnitude.ABS,
        30, null);
    assertTrue(worst < 1e-6, "worst relative error " + worst);
  }

  /**
   * The backward pass re-running segments of 7 steps from checkpoints (segment recomputation), with
   * refractory cells, a 5-step delay, puffs in a wind and a wind-sensing population: against central
   * finite differences, like the whole record.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"FULL", "MOTOR_ONLY"})
  void recomputedSegmentsMatchFiniteDifferences(GradientPath path) {
    CircuitSpec spec = TinyCircuit.withWindAndPuffs(TinyCircuit.withRefractory(
        TinyCircuit.withDelay(TinyCircuit.spec(40, path), "KC -> MBON", 5), Map.of("PN", 3.0, "DN", 2.0)), 150);
    double worst = worstRelativeError(spec, SurrogateKind.FAST_SIGMOID, SynapseLayout.Kind.SPARSE, path, Magnitude.ABS,
        30, null, Recomputation.segments(7));
    assertTrue(worst < 1e-6, "worst relative error " + worst);
  }

  private static double worstRelativeError(CircuitSpec spec, SurrogateKind kind, SynapseLayout.Kind layout,
      GradientPath path, Magnitude magnitude, double ornGain, long[] clamped) {
    return worstRelativeError(spec, kind, layout, path, magnitude, ornGain, clamped, Recomputation.none());
  }

  private static double worstRelativeError(CircuitSpec spec, SurrogateKind kind, SynapseLayout.Kind layout,
      GradientPath path, Magnitude magnitude, double ornGain, long[] clamped, Recomputation recomputation) {
    NetworkOptions options = new NetworkOptions(Precision.FLOAT64, new SurrogateSpike(kind, 4.0), true,
        1e-3, magnitude, new SynapseLayout(layout, 0.5, 0), recomputation);
    Network network = new Network(spec, TinyCircuit.wiring(spec, 7, 0.3, 1.5), 1e-3, options);
    NavigationTask task = (NavigationTask) spec.task();
    OdourWorld world = new OdourWorld(spec, task, WorldSettings.defaults().toBuilder().ornGain(ornGain).build(), 2, PathLosses.of(spec, task, WorldSettings.defaults().toBuilder().ornGain(ornGain).build()));
    world.setStarts(StartPositions.draw(task, 2, 3), 11);
    BpttKernel kernel = new BpttKernel(network, task.steps(), 2);
    assertEquals(recomputation.segmentSteps(), kernel.segmentSteps());
    // with the sensing path detached, the true reference is the loss under the recorded inputs
    Environment env = path == GradientPath.MOTOR_ONLY ? new ReplayedSensing(world) : world;
    GradientCheck check = new GradientCheck(network, kernel, env, new ActivityTerms(network, spec.losses()));
    List<double[]> analytic = check.analytic();
    if (clamped != null) {
      for (int p = 0; p < network.populations().size(); p++) {
        clamped[0] += kernel.activity().state(p).clampedCount();
      }
    }
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
    System.out.println(kind + " " + layout + " " + path + (clamped != null ? " refractory, clamped " + clamped[0] : "")
        + "\n" + report + "worst " + worst);
    return worst;
  }
}
