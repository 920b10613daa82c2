package org.neuromechfly.dmn.export.loihi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.ExportException;
import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;
import org.neuromechfly.dmn.model.export.TargetCapabilities;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * Maps the engine's float LIF onto Loihi's integer CUBA neuron (Lava's bit-accurate LIF):
 *
 * <pre>
 *   u ← u·(4096 − iDecay)/4096 + (a ≪ 6)          a = Σ w·s   (integer weights)
 *   v ← v·(4096 − vDecay)/4096 + u + (bias_mant ≪ 6)
 *   spike if v > vThMant ≪ 6, then v ← 0
 * </pre>
 *
 * Per layer, voltages are scaled by S integer units per normalised unit. The engine's
 * {@code v = β·u + (1−β)·(I + bias)} then maps exactly (up to rounding) with {@code vDecay = 4096·(1−β)},
 * {@code iDecay = 4096} (no synaptic current) or {@code 4096·(1−α)}, and weights
 * {@code w = W·d·S/64} where {@code d = vDecay/4096}. Per-cell thresholds θ_i are folded into the
 * incoming weights and bias by {@code c_i = θ_layer/θ_i} (exact: the dynamics are linear below
 * threshold). Weights are even integers in [−256, 254] (8-bit mantissa, exponent 1, as slayer writes);
 * S is the largest scale keeping weights, bias (13-bit) and voltages (4× threshold within 24 bits) in range.
 */
public final class LoihiQuantiser {
  static final int MAX_UV = (1 << 23) - 1;
  static final int MAX_VTH = (1 << 17) - 1;
  static final int MAX_BIAS = (1 << 12) - 1;
  static final int MAX_DECAY = 4095;
  private static final ExportTarget T = ExportTarget.LOIHI2_NETX;

  private LoihiQuantiser() {}

  public static NetxNetwork quantise(CircuitParameters c, LoihiOptions o) {
    LayerChain chain = LayerChain.of(c);
    List<String> warnings = new ArrayList<>();
    List<NetxLayer> layers = new ArrayList<>();
    double dt = c.dt();
    double inputCurrent = inputCurrent(chain.populations().get(0), dt, o);
    for (int l = 0; l < chain.populations().size(); l++) {
      PopulationParameters p = chain.populations().get(l);
      layers.add(layer(l, p, chain.feedForward().get(l), chain.recurrent().get(l), dt, o, inputCurrent, warnings));
    }
    int tSample = c.spec().task() == null ? Math.max(1, o.reportSteps()) : c.spec().task().steps();
    return new NetxNetwork(c.spec().name(), dt, tSample, inputCurrent, layers, warnings);
  }

  /** The options' input current, or (0 = auto) the current that lifts a resting cell to 1.5 × θ in one event. */
  static double inputCurrent(PopulationParameters input, double dt, LoihiOptions o) {
    if (o.inputCurrent() > 0) {
      return o.inputCurrent();
    }
    double theta = Arrays.stream(input.threshold()).max().orElse(1);
    double[] tau = input.tauMem().clone();
    Arrays.sort(tau);
    return 1.5 * theta / -Math.expm1(-dt / tau[tau.length / 2]);
  }

  private static NetxLayer layer(int index, PopulationParameters p, ProjectionWeights ff, ProjectionWeights rec,
      double dt, LoihiOptions o, double inputCurrent, List<String> warnings) {
    var model = p.population().neuron();
    String name = p.name();
    if (model.graded()) {
      throw new ExportException(T, ExportFeature.GRADED_UNITS, "population " + name
          + " is graded; the CUBA neurons of a netx layer spike. Make it spiking or export to NIR.");
    }
    if (model.refractory().si() > 0) {
      String msg = "population " + name + " has a refractory period of " + model.refractory()
          + "; netx's CUBA LIF has none";
      if (o.strict()) {
        throw new ExportException(T, ExportFeature.REFRACTORY_PERIOD, msg + ". Set refractory 0 ms or export leniently.");
      }
      warnings.add("dropped: " + msg);
    }
    if (model.resetMode() == ResetMode.SUBTRACT) {
      warnings.add("approximated: population " + name + " resets by subtraction; Lava's LIF resets v to 0");
    } else if (model.reset() != 0) {
      String msg = "population " + name + " resets to " + model.reset() + "; Lava's LIF resets v to 0";
      if (o.strict()) {
        throw new ExportException(T, ExportFeature.SUBTRACTIVE_RESET, msg);
      }
      warnings.add("approximated: " + msg);
    }
    double tau = uniform(p.tauMem(), name, "tau_mem", o, warnings);
    Double tauSyn = p.tauSyn() == null ? null : uniform(p.tauSyn(), name, "tau_syn", o, warnings);
    int vDecay = decay(tau, dt, o);
    int iDecay = tauSyn == null ? 4096 : Math.max(1, decay(tauSyn, dt, o));
    double d = vDecay / 4096.0;
    int n = p.count();
    double thetaLayer = 0;
    for (double th : p.threshold()) {
      if (!(th > 0)) {
        throw new ExportException(T, ExportFeature.PER_NEURON_THRESHOLD, "population " + name
            + " has a non-positive threshold " + th + "; Loihi's threshold is unsigned");
      }
      thetaLayer = Math.max(thetaLayer, th);
    }
    double[] fold = new double[n];
    for (int i = 0; i < n; i++) {
      fold[i] = thetaLayer / p.threshold()[i];
    }
    double[] bias = new double[n];
    for (int i = 0; i < n; i++) {
      bias[i] = fold[i] * d * p.bias()[i];
    }
    if (index == 0) {
      boolean uniformFold = Arrays.stream(fold).allMatch(f -> Math.abs(f - 1) < 1e-12);
      boolean uniformBias = Arrays.stream(bias).allMatch(b -> Math.abs(b - bias[0]) < 1e-12);
      if (!uniformFold || !uniformBias) {
        String msg = "input population " + name + " has per-cell " + (uniformFold ? "biases" : "thresholds")
            + "; netx's input layer has one scalar transform weight and bias";
        if (o.strict()) {
          throw new ExportException(T, uniformFold ? ExportFeature.BIAS : ExportFeature.PER_NEURON_THRESHOLD,
              msg + ". Export leniently to average them.");
        }
        warnings.add("approximated: " + msg + " (averaged)");
        double mean = Arrays.stream(bias).average().orElse(0);
        Arrays.fill(bias, mean);
        Arrays.fill(fold, 1.0);
        thetaLayer = Arrays.stream(p.threshold()).average().orElse(thetaLayer);
      }
    }
    double[][] w = ff == null ? null : scaled(ff.dense(), fold, d);
    double[][] r = rec == null ? null : scaled(rec.dense(), fold, d);
    double maxW = Math.max(maxAbs(w), maxAbs(r));
    double maxB = Arrays.stream(bias).map(Math::abs).max().orElse(0);
    double s = (1 << 21) / thetaLayer; // voltages up to 4x threshold stay within 24 bits
    if (maxW > 0) {
      s = Math.min(s, 254.0 * 64 / maxW);
    }
    if (maxB > 0) {
      s = Math.min(s, MAX_BIAS * 64.0 / maxB);
    }
    int inputWeight = 0;
    if (index == 0) {
      double x = inputCurrent * d;
      s = Math.min(s, 32767.0 * 64 / x);
      inputWeight = (int) Math.round(x * s / 64);
      if (inputWeight == 0) {
        throw new ExportException(T, ExportFeature.WEIGHT_PRECISION, "input layer " + name
            + ": an input event of current " + inputCurrent + " rounds to 0");
      }
    }
    int vth = (int) Math.round(thetaLayer * s / 64);
    if (vth < 1 || vth > MAX_VTH) {
      throw new ExportException(T, ExportFeature.PER_NEURON_THRESHOLD, "population " + name + ": vThMant " + vth
          + " outside 1.." + MAX_VTH);
    }
    int[] biasMant = new int[n];
    for (int i = 0; i < n; i++) {
      biasMant[i] = (int) Math.round(bias[i] * s / 64);
    }
    int[][] wq = quantiseWeights(w, s);
    int[][] rq = quantiseWeights(r, s);
    int extraDelay = ff == null ? 0 : ff.delaySteps() - 1;
    if (extraDelay > TargetCapabilities.NETX_MAX_DELAY) {
      throw new ExportException(T, ExportFeature.SYNAPTIC_DELAY, "projection " + ff.label() + " has a delay of "
          + ff.delaySteps() + " steps; netx allows at most " + (TargetCapabilities.NETX_MAX_DELAY + 1));
    }
    if (rec != null && rec.delaySteps() != 1) {
      throw new ExportException(T, ExportFeature.SYNAPTIC_DELAY, "recurrent projection " + rec.label()
          + " has a delay of " + rec.delaySteps() + " steps; netx's weight_rec acts after one step");
    }
    int[] bits = wq == null ? new int[] {0, 0} : optimizeWeightBits(concat(wq, rq));
    String type = index == 0 ? "input" : rq != null ? "dense_rec" : "dense";
    if (index == 0 && rec != null) {
      throw new ExportException(T, ExportFeature.RECURRENT_PROJECTION, "input population " + name
          + " projects onto itself; netx's input layer has no recurrence");
    }
    return new NetxLayer(index, type, name, n, ff == null ? 0 : ff.sourceCount(), wq, rq, extraDelay, inputWeight,
        biasMant, iDecay, vDecay, vth, s, fold, bits[0], bits[1]);
  }

  private static double uniform(double[] values, String pop, String what, LoihiOptions o, List<String> warnings) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    if (max - min <= 1e-9 * max) {
      return values[0];
    }
    String msg = "population " + pop + " has per-cell " + what + " (" + min * 1e3 + " .. " + max * 1e3
        + " ms); a netx layer has one decay";
    if (o.tauPolicy() == LoihiOptions.TauPolicy.REJECT) {
      throw new ExportException(T, ExportFeature.PER_NEURON_TAU, msg + ". Export with the MEDIAN tau policy to "
          + "use the median (the quantisation report shows the effect).");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    warnings.add("approximated: " + msg + "; using the median " + median * 1e3 + " ms");
    return median;
  }

  /** The 12-bit decay for τ: round(4096·(1 − e^(−dt/τ))) or slayer's round(4096·dt/τ). */
  public static int decay(double tau, double dt, LoihiOptions o) {
    double f = o.decayRounding() == LoihiOptions.DecayRounding.SLAYER ? dt / tau : -Math.expm1(-dt / tau);
    return (int) Math.min(MAX_DECAY, Math.max(0, Math.round(4096 * f)));
  }

  private static double[][] scaled(double[][] w, double[] fold, double d) {
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[i].length; j++) {
        w[i][j] *= fold[i] * d;
      }
    }
    return w;
  }

  private static double maxAbs(double[][] w) {
    double m = 0;
    if (w != null) {
      for (double[] row : w) {
        for (double x : row) {
          m = Math.max(m, Math.abs(x));
        }
      }
    }
    return m;
  }

  /** Even integers in [−256, 254]: an 8-bit mantissa with exponent 1, as slayer quantises. */
  static int[][] quantiseWeights(double[][] w, double s) {
    if (w == null) {
      return null;
    }
    int[][] q = new int[w.length][];
    for (int i = 0; i < w.length; i++) {
      q[i] = new int[w[i].length];
      for (int j = 0; j < w[i].length; j++) {
        long m = Math.round(w[i][j] * s / 128);
        q[i][j] = (int) (2 * Math.max(-128, Math.min(127, m)));
      }
    }
    return q;
  }

  private static int[][] concat(int[][] a, int[][] b) {
    if (b == null) {
      return a;
    }
    int[][] out = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new int[a[i].length + b[i].length];
      System.arraycopy(a[i], 0, out[i], 0, a[i].length);
      System.arraycopy(b[i], 0, out[i], a[i].length, b[i].length);
    }
    return out;
  }

  /**
   * {num_weight_bits, weight_exponent} as lava-dl netx's {@code optimize_weight_bits} derives them for a
   * layer's integer weights (the recurrent block included). Loihi needs num_weight_bits ≤ 8.
   */
  public static int[] optimizeWeightBits(int[][] weight) {
    int max = Integer.MIN_VALUE;
    int min = Integer.MAX_VALUE;
    for (int[] row : weight) {
      for (int x : row) {
        max = Math.max(max, x);
        min = Math.min(min, x);
      }
    }
    if (max == Integer.MIN_VALUE || (max == 0 && min == 0)) {
      return new int[] {0, 0};
    }
    boolean signed;
    double scale;
    if (max < 0) {
      signed = false;
      scale = -256.0 / min;
    } else if (min >= 0) {
      signed = false;
      scale = 255.0 / max;
    } else {
      signed = true;
      scale = Math.min(127.0 / max, -128.0 / min);
    }
    int scaleBits = (int) Math.floor(Math.log(scale) / Math.log(2)) + (signed ? 1 : 0);
    int n = 8;
    while (n > 0) {
      boolean exact = true;
      for (int[] row : weight) {
        for (int x : row) {
          if (x % (1 << n) != 0) {
            exact = false;
            break;
          }
        }
        if (!exact) {
          break;
        }
      }
      if (exact) {
        break;
      }
      n--;
    }
    n -= signed ? 1 : 0;
    return new int[] {8 - scaleBits - n, -scaleBits};
  }
}
