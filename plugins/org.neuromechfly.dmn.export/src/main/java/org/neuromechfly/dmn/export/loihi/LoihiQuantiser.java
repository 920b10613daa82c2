package org.neuromechfly.dmn.export.loihi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuromechfly.dmn.engine.loihi.Loihi2FixedPoint;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.ExportException;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;
import org.neuromechfly.dmn.model.export.Loihi2Constraints;
import org.neuromechfly.dmn.model.export.NetxLayout;

/**
 * A circuit as a lava-dl netx bundle: the spike source and the layers of its {@link NetxLayout}, each
 * mapped onto Loihi 2's integers by {@link Loihi2FixedPoint} — the mapping training in Loihi mode uses,
 * so a model trained with {@code target loihi2} is written exactly as it was trained. Weights are even
 * integers in −256..254 (an 8-bit mantissa with exponent 1, as slayer writes them, so that lava-dl's
 * {@code optimize_weight_bits} derives at most 8 weight bits).
 *
 * <p>A model trained in float gets approximations, each a warning (refused when strict where noted):
 * subtractive reset becomes reset to 0, a graded unit a spiking cell with its threshold, a refractory
 * period is dropped (strict: refused), and cells of one layer with different time constants share the
 * median (only with {@link LoihiOptions.TauPolicy#MEDIAN}). What no bundle can hold is refused
 * ({@link Loihi2Constraints#structure}).
 */
public final class LoihiQuantiser {
  private static final ExportTarget T = ExportTarget.LOIHI2_NETX;

  private LoihiQuantiser() {}

  public static NetxNetwork quantise(CircuitParameters c, LoihiOptions o) {
    NetxLayout layout = NetxLayout.of(c.spec());
    for (Loihi2Constraints.Violation v : Loihi2Constraints.structure(c.spec())) {
      throw new ExportException(T, v.feature(), v.message());
    }
    List<String> warnings = new ArrayList<>();
    Map<String, NetxLayer.Slice> where = new LinkedHashMap<>();
    List<NetxLayer.Slice> sources = new ArrayList<>();
    int channel = 0;
    for (String s : layout.sources()) {
      NetxLayer.Slice slice = new NetxLayer.Slice(s, channel, c.population(s).count());
      sources.add(slice);
      where.put(s, slice);
      channel += slice.count();
    }
    List<NetxLayer> layers = new ArrayList<>();
    int inFeatures = channel;
    for (NetxLayout.Layer layer : layout.layers()) {
      NetxLayer built = layer(c, layer, inFeatures, where, o, warnings);
      layers.add(built);
      inFeatures = built.size();
    }
    int tSample = c.spec().task() == null ? Math.max(1, o.reportSteps()) : c.spec().task().steps();
    return new NetxNetwork(c.spec().name(), c.dt(), tSample, sources, layers, warnings);
  }

  private static NetxLayer layer(CircuitParameters c, NetxLayout.Layer layer, int inFeatures,
      Map<String, NetxLayer.Slice> where, LoihiOptions o, List<String> warnings) {
    List<PopulationParameters> pops = layer.populations().stream().map(c::population).toList();
    List<NetxLayer.Slice> slices = new ArrayList<>();
    int n = 0;
    for (PopulationParameters p : pops) {
      approximations(p, o, warnings);
      NetxLayer.Slice slice = new NetxLayer.Slice(p.name(), n, p.count());
      slices.add(slice);
      where.put(p.name(), slice);
      n += p.count();
    }
    double[] theta = new double[n];
    double[] bias = new double[n];
    double[] tau = new double[n];
    for (int i = 0; i < pops.size(); i++) {
      PopulationParameters p = pops.get(i);
      System.arraycopy(p.threshold(), 0, theta, slices.get(i).offset(), p.count());
      System.arraycopy(p.bias(), 0, bias, slices.get(i).offset(), p.count());
      System.arraycopy(p.tauMem(), 0, tau, slices.get(i).offset(), p.count());
    }
    String name = Loihi2Constraints.describe(layer);
    double tauMem = shared(tau, name, "tau_mem", pops, o, warnings);
    double tauSyn = synapticTau(pops, name, o, warnings);
    List<ProjectionWeights> incoming = c.projections().stream().filter(w -> layer.populations().contains(w.target()))
        .toList();
    double[] maxIncoming = new double[n];
    double maxWeight = 0;
    for (ProjectionWeights w : incoming) {
      int off = where.get(w.target()).offset();
      for (int t = 0; t < w.targetCount(); t++) {
        for (int e = w.rowPtr()[t]; e < w.rowPtr()[t + 1]; e++) {
          maxIncoming[off + t] = Math.max(maxIncoming[off + t], Math.abs(w.weights()[e]));
          maxWeight = Math.max(maxWeight, Math.abs(w.weights()[e]));
        }
      }
    }
    Loihi2FixedPoint.Layer q = Loihi2FixedPoint.layer(c.dt(), tauMem, tauSyn, theta, bias, maxIncoming,
        o.decayRounding());
    if (q.raisedThresholds() > 0) {
      String msg = q.raisedThresholds() + " cells of " + name + " have thresholds that are not positive or below"
          + " 1/4096 of the layer's highest; Loihi's threshold mantissa is unsigned and shared by the layer";
      if (o.strict()) {
        throw new ExportException(T, ExportFeature.PER_NEURON_THRESHOLD, msg + ". Export leniently to raise them.");
      }
      warnings.add("approximated: " + msg + " (raised)");
    }
    if (q.clippedBiases() > 0) {
      warnings.add("approximated: " + q.clippedBiases() + " biases of " + name + " exceed 13 bits and were clipped");
    }
    int[][] weight = new int[n][inFeatures];
    int[][] rec = layer.recurrent() ? new int[n][n] : null;
    int[][] delay = null;
    double sq = 0;
    double worst = 0;
    int edges = 0;
    int clipped = 0;
    for (ProjectionWeights w : incoming) {
      boolean within = layer.populations().contains(w.source());
      int[][] into = within ? rec : weight;
      int rowOff = where.get(w.target()).offset();
      int colOff = where.get(w.source()).offset();
      if (w.delaySteps() > 1 && delay == null) {
        delay = new int[n][inFeatures];
      }
      for (int t = 0; t < w.targetCount(); t++) {
        int row = rowOff + t;
        for (int e = w.rowPtr()[t]; e < w.rowPtr()[t + 1]; e++) {
          int col = colOff + w.sourceIndex()[e];
          int integer = q.weight(row, w.weights()[e]);
          into[row][col] = integer;
          if (w.delaySteps() > 1) {
            delay[row][col] = w.delaySteps() - 1;
          }
          double err = Math.abs(q.value(row, integer) - w.weights()[e]) / maxWeight;
          clipped += q.clips(row, w.weights()[e]) ? 1 : 0;
          sq += err * err;
          worst = Math.max(worst, err);
          edges++;
        }
      }
    }
    if (clipped > 0) {
      warnings.add("approximated: " + clipped + " weights of " + name + " exceed the 8-bit mantissa and were clipped");
    }
    double thresholdError = 0;
    double biasError = 0;
    for (int i = 0; i < n; i++) {
      thresholdError = Math.max(thresholdError, Math.abs(q.threshold(i) - theta[i]) / Math.abs(theta[i]));
      biasError = Math.max(biasError, Math.abs(q.bias(i) - bias[i]));
    }
    var quantisation = new NetxLayer.Quantisation(edges == 0 ? 0 : Math.sqrt(sq / edges), worst, thresholdError,
        biasError, clipped, q.clippedBiases(), q.raisedThresholds());
    int[] bits = optimizeWeightBits(concat(weight, rec));
    return new NetxLayer(layer.index(), rec == null ? "dense" : "dense_rec", slices, inFeatures, weight, rec, delay,
        q.cells(), bits[0], bits[1], quantisation);
  }

  /** What changes when a float-trained population goes on chip: warnings, or refusals when strict. */
  private static void approximations(PopulationParameters p, LoihiOptions o, List<String> warnings) {
    var model = p.population().neuron();
    String name = p.name();
    if (model.graded()) {
      warnings.add("approximated: population " + name + " is graded; exported as a spiking cell with threshold "
          + NumberText.format(model.threshold()) + " (Loihi's CUBA neurons in a netx layer spike)");
    }
    if (model.refractory().si() > 0) {
      String msg = "population " + name + " has a refractory period of " + model.refractory()
          + "; netx's CUBA LIF has none";
      if (o.strict()) {
        throw new ExportException(T, ExportFeature.REFRACTORY_PERIOD, msg + ". Set refractory 0 ms or export leniently.");
      }
      warnings.add("dropped: " + msg);
    }
    if (model.graded()) {
      return;
    }
    if (model.resetMode() == ResetMode.SUBTRACT) {
      warnings.add("approximated: population " + name + " resets by subtraction; Lava's LIF resets v to 0"
          + " (train with target loihi2 to learn with Loihi's reset)");
    } else if (model.reset() != 0) {
      String msg = "population " + name + " resets to " + model.reset() + "; Lava's LIF resets v to 0";
      if (o.strict()) {
        throw new ExportException(T, ExportFeature.SUBTRACTIVE_RESET, msg);
      }
      warnings.add("approximated: " + msg);
    }
  }

  /** The one time constant of a layer's cells, or the median by policy. */
  private static double shared(double[] values, String layer, String what, List<PopulationParameters> pops,
      LoihiOptions o, List<String> warnings) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    if (max - min <= 1e-9 * max) {
      return values[0];
    }
    StringBuilder per = new StringBuilder();
    for (PopulationParameters p : pops) {
      double[] own = what.equals("tau_mem") ? p.tauMem() : p.tauSyn();
      per.append(per.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(range(own));
    }
    boolean withinOne = pops.size() == 1;
    String msg = layer + " has one " + (what.equals("tau_mem") ? "voltage" : "current") + " decay, but its cells have "
        + what + " " + per;
    if (o.tauPolicy() == LoihiOptions.TauPolicy.REJECT) {
      throw new ExportException(T, withinOne ? ExportFeature.PER_NEURON_TAU : ExportFeature.LAYER_TIME_CONSTANTS,
          msg + ". Train with target loihi2 (which keeps them equal), or export leniently to use the median.");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    warnings.add("approximated: " + msg + "; using the median " + ms(median));
    return median;
  }

  private static double synapticTau(List<PopulationParameters> pops, String layer, LoihiOptions o,
      List<String> warnings) {
    long with = pops.stream().filter(p -> p.tauSyn() != null).count();
    if (with == 0) {
      return 0;
    }
    if (with < pops.size()) {
      throw new ExportException(T, ExportFeature.LAYER_TIME_CONSTANTS, layer + " has one current decay, but "
          + pops.stream().filter(p -> p.tauSyn() == null).map(PopulationParameters::name).toList()
          + " have no synaptic current and " + pops.stream().filter(p -> p.tauSyn() != null)
              .map(PopulationParameters::name).toList() + " have one: give them all the same tau_syn, or none.");
    }
    double[] all = pops.stream().flatMapToDouble(p -> Arrays.stream(p.tauSyn())).toArray();
    return shared(all, layer, "tau_syn", pops, o, warnings);
  }

  private static String range(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    return max - min <= 1e-9 * max ? ms(min) : ms(min) + " .. " + ms(max);
  }

  private static String ms(double seconds) {
    return String.format(Locale.ROOT, "%.4g ms", seconds * 1e3);
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
