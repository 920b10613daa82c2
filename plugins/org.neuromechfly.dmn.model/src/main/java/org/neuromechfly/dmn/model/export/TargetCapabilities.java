package org.neuromechfly.dmn.model.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each export target supports, as data: the exporters consult it before refusing a feature, and
 * the editor's validator can warn while the model is typed ("Loihi 2: weights beyond 8 bits are
 * quantised"). Values come from the NIR spec and lava-dl netx / Lava's bit-accurate LIF (see
 * {@code shared/design/EXPORT_FORMATS.md}).
 */
public final class TargetCapabilities {
  /** Largest extra axonal delay netx accepts, in steps (lava-dl clamps delays above 62). */
  public static final int NETX_MAX_DELAY = 62;
  /** Weight mantissa bits on Loihi 2 (shared exponent per layer). */
  public static final int LOIHI_WEIGHT_BITS = 8;

  private static final Map<ExportTarget, Map<ExportFeature, Capability>> TABLE = build();

  private TargetCapabilities() {}

  /** The cell for a target and a feature (every pair is defined). */
  public static Capability of(ExportTarget target, ExportFeature feature) {
    return TABLE.get(target).get(feature);
  }

  public static SupportLevel level(ExportTarget target, ExportFeature feature) {
    return of(target, feature).level();
  }

  /** Every cell, targets then features in declaration order. */
  public static List<Capability> all() {
    List<Capability> all = new ArrayList<>();
    TABLE.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  private static Map<ExportTarget, Map<ExportFeature, Capability>> build() {
    Map<ExportTarget, Map<ExportFeature, Capability>> t = new EnumMap<>(ExportTarget.class);
    for (ExportTarget target : ExportTarget.values()) {
      t.put(target, new EnumMap<>(ExportFeature.class));
    }
    ExportTarget n = ExportTarget.NIR;
    put(t, n, ExportFeature.PER_NEURON_THRESHOLD, SupportLevel.FULL, null, "v_threshold is a 1-D array per node");
    put(t, n, ExportFeature.PER_NEURON_TAU, SupportLevel.FULL, null, "tau, tau_mem, tau_syn are 1-D arrays, in seconds");
    put(t, n, ExportFeature.SYNAPTIC_DELAY, SupportLevel.FULL, null, "a Delay node after the projection's Linear node");
    put(t, n, ExportFeature.RECURRENT_PROJECTION, SupportLevel.FULL, null, "recurrent edges in the graph");
    put(t, n, ExportFeature.LOOP_BETWEEN_POPULATIONS, SupportLevel.FULL, null, "NIR graphs may contain cycles");
    put(t, n, ExportFeature.BRANCHING, SupportLevel.FULL, null, "any graph");
    put(t, n, ExportFeature.WEIGHT_PRECISION, SupportLevel.FULL, 64, "float64 weights, (out, in)");
    put(t, n, ExportFeature.GRADED_UNITS, SupportLevel.APPROXIMATED, null,
        "written as an LI node: NIR has no rectification, so max(0, v) becomes v");
    put(t, n, ExportFeature.CURRENT_BASED_SYNAPSES, SupportLevel.FULL, null, "CubaLIF with w_in = 1/(1 - exp(-dt/tau_syn))");
    put(t, n, ExportFeature.SUBTRACTIVE_RESET, SupportLevel.APPROXIMATED, null,
        "NIR LIF resets to v_reset; the population list is kept in metadata for our importer");
    put(t, n, ExportFeature.REFRACTORY_PERIOD, SupportLevel.UNSUPPORTED, null, "NIR LIF has no refractory period");
    put(t, n, ExportFeature.BIAS, SupportLevel.FULL, null, "v_leak (r = 1) or an Affine bias (snnTorch convention)");
    put(t, n, ExportFeature.MODULATORY_PROJECTION, SupportLevel.APPROXIMATED, null,
        "no fast drive: left out of the graph, as in the engine");
    put(t, n, ExportFeature.LAYER_TIME_CONSTANTS, SupportLevel.FULL, null, "every population is a node of its own");
    put(t, n, ExportFeature.SPIKE_SOURCE, SupportLevel.FULL, null, "Input nodes feed any population");
    ExportTarget l = ExportTarget.LOIHI2_NETX;
    put(t, l, ExportFeature.PER_NEURON_THRESHOLD, SupportLevel.FULL, null,
        "one vThMant per layer; per-neuron thresholds are folded exactly into the incoming weights");
    put(t, l, ExportFeature.PER_NEURON_TAU, SupportLevel.UNSUPPORTED, null,
        "one iDecay/vDecay per layer (export with the MEDIAN tau policy to approximate)");
    put(t, l, ExportFeature.SYNAPTIC_DELAY, SupportLevel.FULL, NETX_MAX_DELAY,
        "netx 'delay' per synapse of a dense layer, < 63 steps beyond the hop; none within or into a dense_rec layer");
    put(t, l, ExportFeature.RECURRENT_PROJECTION, SupportLevel.FULL, null, "dense_rec layer with weight_rec");
    put(t, l, ExportFeature.LOOP_BETWEEN_POPULATIONS, SupportLevel.FULL, null,
        "populations on a loop share one dense_rec layer, whose recurrent weights act after one step as in the engine");
    put(t, l, ExportFeature.BRANCHING, SupportLevel.FULL, null,
        "netx layers form a chain: stages that a projection skips are merged into one dense_rec layer");
    put(t, l, ExportFeature.WEIGHT_PRECISION, SupportLevel.APPROXIMATED, LOIHI_WEIGHT_BITS,
        "8-bit weight mantissa with a shared exponent per layer");
    put(t, l, ExportFeature.GRADED_UNITS, SupportLevel.APPROXIMATED, null,
        "the CUBA neurons of a layer spike: a graded unit is exported as a spiking cell with its threshold"
            + " (the quantisation report measures the cost); train with target loihi2 to learn it spiking");
    put(t, l, ExportFeature.CURRENT_BASED_SYNAPSES, SupportLevel.APPROXIMATED, 12, "iDecay, 12-bit");
    put(t, l, ExportFeature.SUBTRACTIVE_RESET, SupportLevel.APPROXIMATED, null,
        "Lava's LIF resets v to 0; the quantisation report measures the effect");
    put(t, l, ExportFeature.REFRACTORY_PERIOD, SupportLevel.UNSUPPORTED, null, "the CUBA LIF of netx has none");
    put(t, l, ExportFeature.BIAS, SupportLevel.APPROXIMATED, 13, "bias_mant, 13-bit signed, exponent 6");
    put(t, l, ExportFeature.MODULATORY_PROJECTION, SupportLevel.APPROXIMATED, null,
        "no fast drive: left out, as in the engine");
    put(t, l, ExportFeature.LAYER_TIME_CONSTANTS, SupportLevel.UNSUPPORTED, null,
        "one iDecay/vDecay per layer, and populations joined by loops or skipping projections share a layer");
    put(t, l, ExportFeature.SPIKE_SOURCE, SupportLevel.UNSUPPORTED, null,
        "the bundle's input is the spikes of populations no projection reaches (one channel per cell)");
    return t;
  }

  private static void put(
      Map<ExportTarget, Map<ExportFeature, Capability>> t,
      ExportTarget target,
      ExportFeature feature,
      SupportLevel level,
      Integer limit,
      String note) {
    t.get(target).put(feature, new Capability(target, feature, level, limit, note));
  }
}
