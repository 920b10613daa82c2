package org.neuromechfly.dmn.export.loihi;

/**
 * Choices of a Loihi 2 (lava-dl netx) export.
 *
 * @param strict refuse approximations that change behaviour beyond quantisation (refractory periods
 *     dropped, per-cell biases of the input layer averaged, a reset value other than 0) instead of
 *     warning about them
 * @param tauPolicy what to do when cells of one population have different time constants
 * @param decayRounding how decays are computed from τ
 * @param inputCurrent the current (normalised) one input event brings to the input layer's cells; 0 chooses
 *     it so that one event lifts a resting input cell to 1.5 × its threshold
 * @param reportSteps steps of the equivalence simulation behind the quantisation report (0: none)
 * @param inputProbability probability per step and input cell of an input event in that simulation
 * @param seed seed of the simulation's input spike trains
 */
public record LoihiOptions(
    boolean strict,
    TauPolicy tauPolicy,
    DecayRounding decayRounding,
    double inputCurrent,
    int reportSteps,
    double inputProbability,
    long seed) {

  /** Per-neuron time constants: netx has one iDecay/vDecay per layer. */
  public enum TauPolicy {
    /** Fail, naming the population. */
    REJECT,
    /** Use the population's median τ (the report measures the effect). */
    MEDIAN
  }

  /** Decay constants from τ. */
  public enum DecayRounding {
    /** {@code round(4096·(1 − exp(−dt/τ)))}: the engine's per-step decay. */
    ENGINE_EXACT,
    /** {@code round(4096·dt/τ)}: what slayer writes (forward Euler). */
    SLAYER
  }

  public LoihiOptions {
    if (!(inputCurrent >= 0) || reportSteps < 0 || inputProbability < 0 || inputProbability > 1) {
      throw new IllegalArgumentException("inputCurrent > 0, reportSteps >= 0, 0 <= inputProbability <= 1 required");
    }
  }

  public static LoihiOptions defaults() {
    return new LoihiOptions(true, TauPolicy.REJECT, DecayRounding.ENGINE_EXACT, 0, 1000, 0.05, 7);
  }

  public LoihiOptions lenient() {
    return new LoihiOptions(false, TauPolicy.MEDIAN, decayRounding, inputCurrent, reportSteps, inputProbability, seed);
  }

  public LoihiOptions withInput(double current, double probability) {
    return new LoihiOptions(strict, tauPolicy, decayRounding, current, reportSteps, probability, seed);
  }

  public LoihiOptions withReportSteps(int steps) {
    return new LoihiOptions(strict, tauPolicy, decayRounding, inputCurrent, steps, inputProbability, seed);
  }

  public LoihiOptions withDecayRounding(DecayRounding r) {
    return new LoihiOptions(strict, tauPolicy, r, inputCurrent, reportSteps, inputProbability, seed);
  }
}
