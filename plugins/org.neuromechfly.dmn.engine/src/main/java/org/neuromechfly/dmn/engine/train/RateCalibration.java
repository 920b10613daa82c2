package org.neuromechfly.dmn.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;

/**
 * Data-driven initialisation (in the spirit of LSUV): before training, each population in
 * declaration order is brought to a target mean firing rate on short closed-loop episodes, by
 * bisection on one number — the common scale of its excitatory input projections or, for a
 * population without excitatory input (sensory cells, DNs driven only by inhibition), its bias.
 * Initial rates set by hand-picked weights were either saturated (~200 Hz) or silent, and in both
 * regimes surrogate gradients vanish; moderate rates are what let the contrast signal and the
 * gradient pass through five layers. The targets are the populations' {@code initial rate} settings.
 */
public final class RateCalibration {
  private static final int STEPS = 300;
  private static final int ITERATIONS = 14;
  /** Where the searches stop: a population's bias, and the factor on its excitatory inputs. */
  private static final double BIAS_LOW = -5;
  private static final double BIAS_HIGH = 10;
  private static final double FACTOR_LOW = 1e-3;
  private static final double FACTOR_HIGH = 1e3;

  private RateCalibration() {}

  /**
   * Calibrates {@code network} in place and returns, per population, what was set: {@code scale:<pop>}
   * (factor on the declared magnitudes of its excitatory inputs) or {@code bias:<pop>}, and the rate
   * reached, {@code hz:<pop>}.
   *
   * @param targets target mean rate in Hz per population name; populations not named are left alone
   */
  public static Map<String, Double> calibrate(
      Network network, CircuitSpec spec, WorldSettings world, Map<String, Double> targets, long seed) {
    NavigationTask full = (NavigationTask) spec.task();
    NavigationTask task = full.toBuilder().steps(STEPS).build();
    int batch = 8;
    OdourWorld env = new OdourWorld(spec, task, world, batch, List.of()); // rates only: no task loss
    env.setStarts(StartPositions.draw(task, batch, seed), seed);
    // short episodes, and rate() reads the whole record
    BpttKernel kernel = new BpttKernel(network, STEPS, batch, Recomputation.none());
    Map<String, Double> out = new LinkedHashMap<>();
    List<LifPopulation> pops = network.populations();
    for (int p = 0; p < pops.size(); p++) {
      Double target = targets.get(pops.get(p).name());
      if (target == null) {
        continue;
      }
      List<Synapses> excitatory = new ArrayList<>();
      for (Synapses s : network.synapses()) {
        if (s.targetPopulation() == p && s.edges().sign() > 0 && s.sourcePopulation() != p) {
          excitatory.add(s);
        }
      }
      final int pop = p;
      if (!excitatory.isEmpty()) {
        List<Double> original = excitatory.stream().map(s -> s.gain().value()[0]).toList();
        double lo = Math.log(FACTOR_LOW);
        double hi = Math.log(FACTOR_HIGH);
        for (int i = 0; i < ITERATIONS; i++) {
          double mid = (lo + hi) / 2;
          apply(network, excitatory, original, Math.exp(mid));
          if (rate(kernel, env, pop, network.dt()) > target) {
            hi = mid;
          } else {
            lo = mid;
          }
        }
        double f = Math.exp((lo + hi) / 2);
        apply(network, excitatory, original, f);
        out.put("scale:" + pops.get(p).name(), f);
      } else {
        Parameter bias = network.parameters().get(pops.get(p).name() + ".bias")
            .orElseThrow(() -> new IllegalArgumentException("no bias for " + pop));
        double lo = BIAS_LOW;
        double hi = BIAS_HIGH;
        for (int i = 0; i < ITERATIONS; i++) {
          double mid = (lo + hi) / 2;
          java.util.Arrays.fill(bias.value(), mid);
          network.prepare();
          if (rate(kernel, env, pop, network.dt()) > target) {
            hi = mid;
          } else {
            lo = mid;
          }
        }
        java.util.Arrays.fill(bias.value(), (lo + hi) / 2);
        network.prepare();
        out.put("bias:" + pops.get(p).name(), (lo + hi) / 2);
      }
      out.put("hz:" + pops.get(p).name(), rate(kernel, env, p, network.dt()));
    }
    return out;
  }

  private static void apply(Network network, List<Synapses> syn, List<Double> original, double f) {
    for (int i = 0; i < syn.size(); i++) {
      syn.get(i).scaleFrom(original.get(i), f);
    }
    network.prepare();
  }

  private static double rate(BpttKernel kernel, OdourWorld env, int p, double dt) {
    kernel.forward(env, ActivityObjective.NONE);
    NetworkActivity a = kernel.activity();
    var trace = a.state(p).outputTrace();
    double sum = 0;
    for (int i = 0; i < trace.length(); i++) {
      sum += trace.get(i);
    }
    return sum / trace.length() / dt;
  }

  /** Reached rates further than this (relative) from the target are reported as missed. */
  static final double MISSED = 0.25;

  /**
   * The populations the calibration could not bring within {@value #MISSED} (relative) of their target,
   * one sentence each with what limited it: the end of the bias or input-factor search it reached, where a
   * population whose own drive (the world's, for sensory cells) already exceeds its
   * target at the limit keeps firing faster. Empty when every target was met.
   */
  public static List<String> missed(Map<String, Double> calibration, Map<String, Double> targets) {
    List<String> notes = new ArrayList<>();
    targets.forEach((population, target) -> {
      Double hz = calibration.get("hz:" + population);
      if (hz == null || Math.abs(hz - target) <= MISSED * target) {
        return;
      }
      Double bias = calibration.get("bias:" + population);
      String knob = bias != null
          ? String.format(java.util.Locale.ROOT, "its bias reached %.3g, the end of the search [%s, %s]", bias, plain(BIAS_LOW),
              plain(BIAS_HIGH))
          : String.format(java.util.Locale.ROOT, "its input factor reached x%.3g of [%s, %s]", calibration.get("scale:" + population),
              plain(FACTOR_LOW), plain(FACTOR_HIGH));
      notes.add(String.format(java.util.Locale.ROOT,
          "%s fires at %.1f Hz, not the %.1f Hz its 'initial rate' asks: %s, and %s", population, hz, target, knob,
          hz > target ? "its drive alone makes it fire faster (lower the drive or the target)"
              : "its input cannot make it fire that fast (raise its input weights or lower the target)"));
    });
    return notes;
  }

  private static String plain(double bound) {
    return java.math.BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
  }

  /**
   * The result of {@link #calibrate} for people, in population order: {@code "ORN bias 0.131 -> 50.2 Hz,
   * PN input x20.8 -> 40.0 Hz, ..."}.
   */
  public static String describe(Map<String, Double> calibration) {
    List<String> parts = new ArrayList<>();
    calibration.forEach((key, value) -> {
      int colon = key.indexOf(':');
      String kind = key.substring(0, colon);
      String population = key.substring(colon + 1);
      Double hz = calibration.get("hz:" + population);
      String reached = hz == null ? "" : String.format(java.util.Locale.ROOT, " -> %.1f Hz", hz);
      if (kind.equals("scale")) {
        parts.add(String.format(java.util.Locale.ROOT, "%s input x%.3g%s", population, value, reached));
      } else if (kind.equals("bias")) {
        parts.add(String.format(java.util.Locale.ROOT, "%s bias %.3g%s", population, value, reached));
      }
    });
    return String.join(", ", parts);
  }
}
