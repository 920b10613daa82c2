package org.neuromechfly.dmn.export.loihi;

import org.neuromechfly.dmn.engine.loihi.Loihi2FixedPoint.DecayRounding;

/**
 * Choices of a Loihi 2 (lava-dl netx) export.
 *
 * @param strict refuse approximations that change behaviour beyond quantisation (refractory periods
 *     dropped, a reset value other than 0, thresholds raised to fit the layer) instead of warning
 * @param tauPolicy what to do when the cells of one layer have different time constants
 * @param decayRounding how decays are computed from τ
 * @param inputCurrent without a task: the current (engine units) one input event brings to a spike-source
 *     cell in the report's simulation; 0 chooses the current that lifts a resting cell to 1.5 × threshold
 * @param reportSteps without a task: steps of the report's simulation (0: no simulation, no agreement)
 * @param inputProbability without a task: probability per step and spike-source cell of an input event
 * @param seed seed of those input events
 * @param heldOutStarts with a navigation task: held-out starts (the trainer's) the report runs, each for
 *     a whole episode; 0 for no simulation
 */
public record LoihiOptions(
    boolean strict,
    TauPolicy tauPolicy,
    DecayRounding decayRounding,
    double inputCurrent,
    int reportSteps,
    double inputProbability,
    long seed,
    int heldOutStarts) {

  /** Cells of one layer with different time constants: netx has one iDecay/vDecay per layer. */
  public enum TauPolicy {
    /** Fail, naming the populations. */
    REJECT,
    /** Use the median τ of the layer's cells (the report measures the effect). */
    MEDIAN
  }

  public LoihiOptions {
    if (!(inputCurrent >= 0) || reportSteps < 0 || !(inputProbability >= 0 && inputProbability <= 1)
        || heldOutStarts < 0) {
      throw new IllegalArgumentException(
          "inputCurrent >= 0, reportSteps >= 0, 0 <= inputProbability <= 1 and heldOutStarts >= 0 required");
    }
  }

  public static LoihiOptions defaults() {
    return new LoihiOptions(true, TauPolicy.REJECT, DecayRounding.ENGINE_EXACT, 0, 1000, 0.05, 7, 16);
  }

  public LoihiOptions lenient() {
    return new LoihiOptions(false, TauPolicy.MEDIAN, decayRounding, inputCurrent, reportSteps, inputProbability, seed,
        heldOutStarts);
  }

  public LoihiOptions withInput(double current, double probability) {
    return new LoihiOptions(strict, tauPolicy, decayRounding, current, reportSteps, probability, seed, heldOutStarts);
  }

  public LoihiOptions withReportSteps(int steps) {
    return new LoihiOptions(strict, tauPolicy, decayRounding, inputCurrent, steps, inputProbability, seed, heldOutStarts);
  }

  public LoihiOptions withDecayRounding(DecayRounding r) {
    return new LoihiOptions(strict, tauPolicy, r, inputCurrent, reportSteps, inputProbability, seed, heldOutStarts);
  }

  public LoihiOptions withHeldOutStarts(int starts) {
    return new LoihiOptions(strict, tauPolicy, decayRounding, inputCurrent, reportSteps, inputProbability, seed, starts);
  }
}
