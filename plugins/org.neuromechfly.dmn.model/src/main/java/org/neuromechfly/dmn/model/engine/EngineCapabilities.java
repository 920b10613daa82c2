package org.neuromechfly.dmn.model.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.export.SupportLevel;

/**
 * What each training engine can run, as data — the engines' counterpart of
 * {@link org.neuromechfly.dmn.model.export.TargetCapabilities}. The validator consults it while the
 * model is typed (the engine the training block names), and the engine consults the same cells before
 * training (for an engine chosen on the command line), so both say the same thing.
 */
public final class EngineCapabilities {
  /**
   * Largest dense weight matrix (sources × targets) of one projection in the SameDiff graph: it holds
   * the raw magnitudes, the mask and the weights at this size, and adds a gradient of it per step.
   */
  public static final long SAMEDIFF_MAX_DENSE_ENTRIES = 20_000_000L;

  private static final Map<ExecutionEngine, Map<EngineFeature, EngineCapability>> TABLE = build();

  private EngineCapabilities() {}

  /** The cell for an engine and a feature (every pair is defined). */
  public static EngineCapability of(ExecutionEngine engine, EngineFeature feature) {
    return TABLE.get(engine).get(feature);
  }

  /** Every cell, engines then features in declaration order. */
  public static List<EngineCapability> all() {
    List<EngineCapability> all = new ArrayList<>();
    TABLE.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /** The engine's name as the language writes it ({@code fused}, {@code samediff}). */
  public static String displayName(ExecutionEngine engine) {
    return engine.name().toLowerCase(Locale.ROOT);
  }

  private static Map<ExecutionEngine, Map<EngineFeature, EngineCapability>> build() {
    Map<ExecutionEngine, Map<EngineFeature, EngineCapability>> t = new EnumMap<>(ExecutionEngine.class);
    for (ExecutionEngine e : ExecutionEngine.values()) {
      t.put(e, new EnumMap<>(EngineFeature.class));
    }
    ExecutionEngine f = ExecutionEngine.FUSED;
    put(t, f, EngineFeature.REFRACTORY_PERIOD, SupportLevel.FULL, null, "a mask over the LIF step, constant for the gradient");
    put(t, f, EngineFeature.GRADED_UNITS, SupportLevel.FULL, null, "max(0, v) output");
    put(t, f, EngineFeature.CURRENT_BASED_SYNAPSES, SupportLevel.FULL, null, "a synaptic current per cell");
    put(t, f, EngineFeature.SYNAPTIC_DELAY, SupportLevel.FULL, null, "whole steps, at least one");
    put(t, f, EngineFeature.PROJECTION_SIZE, SupportLevel.FULL, null,
        "sparse projections stay edge lists, dense ones are masked matrices");
    put(t, f, EngineFeature.TRUNCATED_BPTT, SupportLevel.FULL, null,
        "the state entering each window (network and world) is a constant of its gradient");
    put(t, f, EngineFeature.REFRACTORY_FREEZE, SupportLevel.FULL, null,
        "input dropped and the synaptic current cleared from the spike to the step after the period, as"
            + " Brian2 and 'dmn simulate' do, both constants for the gradient; the membrane is held at the reset"
            + " value, so cells must reset to a value (reset to), not subtract");
    put(t, f, EngineFeature.PER_NEURON_SIGNS, SupportLevel.FULL, null, "a sign per edge, fixed by the data");
    put(t, f, EngineFeature.HARDWARE_TARGET, SupportLevel.FULL, null,
        "LifStep's Loihi mode: Loihi's integer arithmetic forward, straight-through gradients backward");
    ExecutionEngine s = ExecutionEngine.SAMEDIFF;
    put(t, s, EngineFeature.REFRACTORY_PERIOD, SupportLevel.FULL, null,
        "a counter passed between chunks, the clamp a stop-gradient mask");
    put(t, s, EngineFeature.GRADED_UNITS, SupportLevel.FULL, null, "max(0, v) output");
    put(t, s, EngineFeature.CURRENT_BASED_SYNAPSES, SupportLevel.FULL, null, "a synaptic current per cell");
    put(t, s, EngineFeature.SYNAPTIC_DELAY, SupportLevel.FULL, null,
        "delays longer than a chunk reach back through the carried output history");
    put(t, s, EngineFeature.PROJECTION_SIZE, SupportLevel.FULL, SAMEDIFF_MAX_DENSE_ENTRIES,
        "every projection is a dense masked matrix in the graph; train larger circuits with the fused engine,"
            + " which keeps sparse projections as edge lists");
    put(t, s, EngineFeature.TRUNCATED_BPTT, SupportLevel.FULL, null,
        "chunks divide the window; the carried state's adjoint is zero at window starts");
    put(t, s, EngineFeature.REFRACTORY_FREEZE, SupportLevel.UNSUPPORTED, null,
        "the SameDiff graph clamps refractory cells; train with refractory_mode clamp or simulate with 'dmn simulate'");
    put(t, s, EngineFeature.PER_NEURON_SIGNS, SupportLevel.UNSUPPORTED, null,
        "the graph scales each projection by one sign; train with the fused engine");
    put(t, s, EngineFeature.HARDWARE_TARGET, SupportLevel.UNSUPPORTED, null,
        "its graph computes in float; train for Loihi 2 with the fused engine (engine fused)");
    return t;
  }

  private static void put(Map<ExecutionEngine, Map<EngineFeature, EngineCapability>> t, ExecutionEngine engine,
      EngineFeature feature, SupportLevel level, Long limit, String note) {
    t.get(engine).put(feature, new EngineCapability(engine, feature, level, limit, note));
  }
}
