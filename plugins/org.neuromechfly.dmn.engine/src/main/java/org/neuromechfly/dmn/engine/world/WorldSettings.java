package org.neuromechfly.dmn.engine.world;

/**
 * How the odour world turns stimuli into input currents and spikes into walking, where the task (the
 * language) says nothing: the transduction constants of the sensors and the motor readout, and the
 * shape of the navigation loss. Their defaults made navigation learnable in the PyTorch prototype
 * (NAVIGATION_NOTES.md) and are documented in the engine README. Lengths in metres, times in seconds.
 *
 * @param ornGain gain g of the adapting odour input g·(φ − a)
 * @param halfSaturation c0 in φ = log(1 + c/c0), concentration relative to the source peak
 * @param adaptationTau time constant of the running average a. 10 ms by default: the common-mode
 *     signal of walking through the plume grows as speed × τ, and with the prototype's 300 ms it was
 *     ~40× the left–right contrast at 250 mm/s, so spiking ORNs saturated or fell silent on both sides
 *     together and the contrast was lost; at 10 ms the two are comparable
 * @param antennaLateral lateral offset of each antenna from the body axis
 * @param antennaForward forward offset of the antennae
 * @param windGain input of a wind-sensing cell to wind from its preferred direction at saturating speed
 * @param forwardGain k_f in v = v_max·(floor + (1 − floor)·tanh(k_f·rate))
 * @param turnGain k_t in ω = ω_max·tanh(k_t·(rate_left − rate_right))
 * @param rateTau time constant of the DN rate filter
 * @param goalBonus weight of the reward for time inside the goal radius
 * @param awayPenalty weight of the penalty for increasing the distance
 * @param finalDistance weight of the distance at the end of the episode
 * @param turbulenceStd standard deviation of log-concentration fluctuations (turbulent plume)
 * @param turbulenceTau correlation time of the fluctuations
 */
public record WorldSettings(
    double ornGain,
    double halfSaturation,
    double adaptationTau,
    double antennaLateral,
    double antennaForward,
    double windGain,
    double forwardGain,
    double turnGain,
    double rateTau,
    double goalBonus,
    double awayPenalty,
    double finalDistance,
    double turbulenceStd,
    double turbulenceTau) {

  public static WorldSettings defaults() {
    return new WorldSettings(10.0, 1e-4, 0.01, 1.5e-3, 1.0e-3, 2.0, 20.0, 20.0, 0.01, 0.5, 0.1, 0.0, 0.5, 0.1);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a {@link WorldSettings}. */
  public static final class Builder {
    private double ornGain;
    private double halfSaturation;
    private double adaptationTau;
    private double antennaLateral;
    private double antennaForward;
    private double windGain;
    private double forwardGain;
    private double turnGain;
    private double rateTau;
    private double goalBonus;
    private double awayPenalty;
    private double finalDistance;
    private double turbulenceStd;
    private double turbulenceTau;

    private Builder(WorldSettings s) {
      ornGain = s.ornGain;
      halfSaturation = s.halfSaturation;
      adaptationTau = s.adaptationTau;
      antennaLateral = s.antennaLateral;
      antennaForward = s.antennaForward;
      windGain = s.windGain;
      forwardGain = s.forwardGain;
      turnGain = s.turnGain;
      rateTau = s.rateTau;
      goalBonus = s.goalBonus;
      awayPenalty = s.awayPenalty;
      finalDistance = s.finalDistance;
      turbulenceStd = s.turbulenceStd;
      turbulenceTau = s.turbulenceTau;
    }

    public Builder ornGain(double value) {
      ornGain = value;
      return this;
    }

    public Builder halfSaturation(double value) {
      halfSaturation = value;
      return this;
    }

    public Builder adaptationTau(double value) {
      adaptationTau = value;
      return this;
    }

    public Builder antennaLateral(double value) {
      antennaLateral = value;
      return this;
    }

    public Builder antennaForward(double value) {
      antennaForward = value;
      return this;
    }

    public Builder windGain(double value) {
      windGain = value;
      return this;
    }

    public Builder forwardGain(double value) {
      forwardGain = value;
      return this;
    }

    public Builder turnGain(double value) {
      turnGain = value;
      return this;
    }

    public Builder rateTau(double value) {
      rateTau = value;
      return this;
    }

    public Builder goalBonus(double value) {
      goalBonus = value;
      return this;
    }

    public Builder awayPenalty(double value) {
      awayPenalty = value;
      return this;
    }

    public Builder finalDistance(double value) {
      finalDistance = value;
      return this;
    }

    public Builder turbulenceStd(double value) {
      turbulenceStd = value;
      return this;
    }

    public Builder turbulenceTau(double value) {
      turbulenceTau = value;
      return this;
    }

    public WorldSettings build() {
      return new WorldSettings(ornGain, halfSaturation, adaptationTau, antennaLateral, antennaForward, windGain,
          forwardGain, turnGain, rateTau, goalBonus, awayPenalty, finalDistance, turbulenceStd, turbulenceTau);
    }
  }
}
