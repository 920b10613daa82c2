package org.neuromechfly.dmn.engine.samediff;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * One LIF step of every population at once, as SameDiff ops on {@code [B, N]} rows with the
 * populations side by side (N = all cells): the op count per step does not grow with the number of
 * populations, which matters because SameDiff's cost is mostly per op. Per-population behaviour
 * enters through per-cell rows — decays, thresholds, biases — and constant masks (graded output,
 * reset mode), arranged so that every masked term is an exact zero: the forward values are
 * bit-for-bit those of the fused engine's {@link org.neuromechfly.dmn.engine.neuron.LifStep} with the
 * step for the spike. Refractoriness is, as there, a mask applied after the ordinary step
 * ({@link org.neuromechfly.dmn.engine.neuron.Refractoriness}): a counter per cell, passed between
 * chunks as state, clamps a refractory cell to its reset value with no output, and the clamp is a
 * constant for the gradient (stop-gradient). This is the SameDiff engine's only implementation of
 * the LIF update.
 */
final class SideBySideLif {
  private final SameDiff sd;
  private final NetworkOptions options;
  private final SDVariable beta;
  private final SDVariable leak;
  private final SDVariable bias;
  private final SDVariable theta;
  /** Synaptic decay (0 for populations without synaptic current), or {@code null} when none has one. */
  private final SDVariable alpha;
  private final boolean anySpiking;
  private final boolean mixed;
  private final SDVariable spikingMask;
  private final SDVariable gradedMask;
  /** θ on subtracting cells, 0 elsewhere; {@code null} when no cell subtracts. */
  private final SDVariable thetaSubtract;
  /** 1 on reset-to-value cells, and their reset values; {@code null} when no cell resets to a value. */
  private final SDVariable toValueMask;
  private final SDVariable resetValue;
  /** Refractory period in steps per cell (0 where none), or {@code null} when no population has one. */
  private final SDVariable refractorySteps;
  /** Reset value of every cell, for the refractory clamp; {@code null} without refractoriness. */
  private final SDVariable clampValue;

  SideBySideLif(SameDiff sd, NetworkVariables vars, List<LifPopulation> pops, NetworkOptions options, DataType type) {
    this.sd = sd;
    this.options = options;
    int cells = pops.stream().mapToInt(LifPopulation::cells).sum();
    beta = rows(pops.stream().map(vars::beta).toList());
    leak = beta.rsub(1.0);
    bias = rows(pops.stream().map(vars::bias).toList());
    theta = rows(pops.stream().map(vars::threshold).toList());
    List<SDVariable> alphas = new ArrayList<>();
    boolean anySynaptic = false;
    for (LifPopulation p : pops) {
      SDVariable a = vars.alpha(p);
      anySynaptic |= a != null;
      // a population without synaptic current gets α = 0: syn = 0·syn + I = I exactly
      alphas.add(a != null ? a : sd.constant(Nd4j.zeros(type, 1, p.cells())));
    }
    alpha = anySynaptic ? rows(alphas) : null;
    double[] spiking = new double[cells];
    double[] subtract = new double[cells];
    double[] toValue = new double[cells];
    double[] reset = new double[cells];
    double[] refractory = new double[cells];
    double[] clamp = new double[cells];
    boolean anyRefractory = false;
    int n = 0;
    boolean anySubtract = false;
    boolean anyToValue = false;
    boolean anyGraded = false;
    for (LifPopulation p : pops) {
      for (int c = 0; c < p.cells(); c++, n++) {
        clamp[n] = p.resetValue();
        if (!p.graded() && p.refractorySteps() > 0) {
          refractory[n] = p.refractorySteps();
          anyRefractory = true;
        }
        if (p.graded()) {
          anyGraded = true;
        } else if (p.resetMode() == ResetMode.SUBTRACT) {
          spiking[n] = 1;
          subtract[n] = 1;
          anySubtract = true;
        } else {
          spiking[n] = 1;
          toValue[n] = 1;
          reset[n] = p.resetValue();
          anyToValue = true;
        }
      }
    }
    anySpiking = anySubtract || anyToValue;
    mixed = anySpiking && anyGraded;
    double[] graded = new double[cells];
    for (int c = 0; c < cells; c++) {
      graded[c] = 1 - spiking[c];
    }
    spikingMask = mixed ? constant(spiking, type) : null;
    gradedMask = mixed ? constant(graded, type) : null;
    thetaSubtract = anySubtract ? theta.mul(constant(subtract, type)) : null;
    toValueMask = anyToValue ? constant(toValue, type) : null;
    resetValue = anyToValue ? constant(reset, type) : null;
    refractorySteps = anyRefractory ? constant(refractory, type) : null;
    clampValue = anyRefractory ? constant(clamp, type) : null;
  }

  /** Whether some population has a refractory period (and so the state carries a counter). */
  boolean refractory() {
    return refractorySteps != null;
  }

  /** Whether some population has a synaptic current (and so the state carries one). */
  boolean synaptic() {
    return alpha != null;
  }

  /**
   * One step.
   *
   * @param membrane membrane after the previous step's reset {@code [B, N]}
   * @param current synaptic current of the previous step, or {@code null} without synaptic currents
   * @param input this step's input current (synaptic plus external), without the bias
   * @param left steps of refractoriness left per cell, or {@code null} without refractoriness
   */
  Step advance(SDVariable membrane, SDVariable current, SDVariable input, SDVariable left) {
    SDVariable drive = input;
    if (alpha != null) {
      current = current.mul(alpha).add(input);
      drive = current;
    }
    SDVariable v = membrane.mul(beta).add(drive.add(bias).mul(leak));
    SDVariable out;
    if (!anySpiking) {
      out = sd.nn.relu(v, 0.0);
    } else {
      SDVariable s = SpikeOps.spike(sd, v.sub(theta), options.surrogate(), options.smoothSpikes());
      out = mixed ? s.mul(spikingMask).add(sd.nn.relu(v, 0.0).mul(gradedMask)) : s;
    }
    // u = v·(1 − s) + reset·s on reset-to-value cells, v − θ·s on subtracting ones, v on graded ones
    SDVariable after = v;
    if (toValueMask != null) {
      after = v.mul(out.mul(toValueMask).rsub(1.0)).add(out.mul(resetValue));
    }
    if (thetaSubtract != null) {
      after = after.sub(out.mul(thetaSubtract));
    }
    if (refractorySteps == null) {
      return new Step(out, after, current, null);
    }
    // the mask pass: clamped where steps are left; a threshold crossing starts a new period
    SDVariable clamped = SpikeOps.stopGradient(sd, sd.math.step(left, 0.0));
    SDVariable free = clamped.rsub(1.0);
    SDVariable crossed = SpikeOps.stopGradient(sd, sd.math.step(v.sub(theta), 0.0));
    SDVariable nextLeft = left.sub(1.0).mul(clamped).add(crossed.mul(refractorySteps).mul(free));
    return new Step(out.mul(free), after.mul(free).add(clampValue.mul(clamped)), current, nextLeft);
  }

  /**
   * A step's output, membrane after reset, synaptic current ({@code null} without) and refractory
   * counter ({@code null} without).
   */
  record Step(SDVariable output, SDVariable membrane, SDVariable current, SDVariable refractoryLeft) {}

  /** Per-population rows {@code [1, N_p]} side by side, {@code [1, N]}. */
  private SDVariable rows(List<SDVariable> perPopulation) {
    return perPopulation.size() == 1 ? perPopulation.get(0) : sd.concat(1, perPopulation.toArray(new SDVariable[0]));
  }

  private SDVariable constant(double[] row, DataType type) {
    return sd.constant(Nd4j.createFromArray(row).reshape(1, row.length).castTo(type));
  }
}
