package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Leaky integrate-and-fire parameters of a population. Voltages are in normalised membrane units
 * (rest 0, typical threshold 1), as in the surrogate-gradient literature; times are quantities.
 *
 * @param tauMem membrane time constant
 * @param tauSyn synaptic time constant, or {@code null} for instantaneous (delta) synapses
 * @param threshold spike threshold, normalised
 * @param reset reset value for {@link ResetMode#ZERO}, normalised
 * @param refractory refractory period (zero for none)
 * @param resetMode subtractive or to-value reset
 * @param graded non-spiking unit that passes its membrane potential on (e.g. APL)
 * @param bias constant input current, normalised
 * @param refractoryMode what the refractory period does, or {@code null} for {@link RefractoryMode#CLAMP}
 *     (left out of the IR's JSON, so models that do not state it keep their bytes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeuronModel(
    Quantity tauMem,
    Quantity tauSyn,
    double threshold,
    double reset,
    Quantity refractory,
    ResetMode resetMode,
    boolean graded,
    double bias,
    RefractoryMode refractoryMode) {

  public NeuronModel {
    Objects.requireNonNull(tauMem, "tauMem");
    Objects.requireNonNull(refractory, "refractory");
    Objects.requireNonNull(resetMode, "resetMode");
    refractoryMode = refractoryMode == RefractoryMode.CLAMP ? null : refractoryMode;
  }

  /** A model whose refractory period clamps ({@link RefractoryMode#CLAMP}). */
  public NeuronModel(Quantity tauMem, Quantity tauSyn, double threshold, double reset, Quantity refractory,
      ResetMode resetMode, boolean graded, double bias) {
    this(tauMem, tauSyn, threshold, reset, refractory, resetMode, graded, bias, null);
  }

  /** What the refractory period does ({@link RefractoryMode#CLAMP} when the model does not say). */
  public RefractoryMode refractoryBehaviour() {
    return refractoryMode == null ? RefractoryMode.CLAMP : refractoryMode;
  }

  /** Defaults of the Shiu et al. (2024) whole-brain model, in normalised units. */
  public static NeuronModel defaults() {
    return new NeuronModel(
        Quantity.of(20, Unit.MILLISECOND),
        null,
        1.0,
        0.0,
        Quantity.of(0, Unit.MILLISECOND),
        ResetMode.SUBTRACT,
        false,
        0.0,
        null);
  }
}
