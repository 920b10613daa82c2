package org.neuromechfly.dmn.engine.world;

/**
 * The odour world's choices that the IR's {@code NavigationTask} leaves open, with defaults that made
 * navigation learnable in the PyTorch prototype (NAVIGATION_NOTES.md). Lengths in metres, times in
 * seconds.
 *
 * @param sensoryPopulation population receiving the ORN input, or {@code null} for the population of
 *     cell type ORN (else the first population without inputs)
 * @param ornGain gain g of the adapting input g·(φ − a)
 * @param halfSaturation c0 in φ = log(1 + c/c0), concentration relative to the source peak
 * @param adaptationTau time constant of the running average a. 10 ms by default: the common-mode
 *     signal of walking through the plume grows as speed × τ, and with the prototype's 300 ms it was
 *     ~40× the left–right contrast at 250 mm/s, so spiking ORNs saturated or fell silent on both sides
 *     together and the contrast was lost; at 10 ms the two are comparable
 * @param antennaLateral lateral offset of each antenna from the body axis
 * @param antennaForward forward offset of the antennae
 * @param maxTurnRate ω_max, rad/s
 * @param speedFloor fraction of v_max the fly always walks at (the network modulates above it)
 * @param forwardGain k_f in v = v_max·(floor + (1 − floor)·tanh(k_f·rate))
 * @param turnGain k_t in ω = ω_max·tanh(k_t·(rate_left − rate_right))
 * @param rateTau time constant of the DN rate filter
 * @param goalBonus weight of the reward for time inside the goal radius
 * @param awayPenalty weight of the penalty for increasing the distance
 * @param finalDistance weight of the distance at the end of the episode
 * @param turbulenceStd standard deviation of log-concentration fluctuations (turbulent plume)
 * @param turbulenceTau correlation time of the fluctuations
 * @param successRadius closest approach that counts as success
 */
public record WorldSettings(
    String sensoryPopulation,
    double ornGain,
    double halfSaturation,
    double adaptationTau,
    double antennaLateral,
    double antennaForward,
    double maxTurnRate,
    double speedFloor,
    double forwardGain,
    double turnGain,
    double rateTau,
    double goalBonus,
    double awayPenalty,
    double finalDistance,
    double turbulenceStd,
    double turbulenceTau,
    double successRadius) {

  public static WorldSettings defaults() {
    return new WorldSettings(
        null, 10.0, 1e-4, 0.01, 1.5e-3, 1.0e-3, 8.0, 0.8, 20.0, 20.0, 0.01, 0.5, 0.1, 0.0, 0.5, 0.1,
        0.015);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a {@link WorldSettings}. */
  public static final class Builder {
    private String sensoryPopulation;
    private double ornGain;
    private double halfSaturation;
    private double adaptationTau;
    private double antennaLateral;
    private double antennaForward;
    private double maxTurnRate;
    private double speedFloor;
    private double forwardGain;
    private double turnGain;
    private double rateTau;
    private double goalBonus;
    private double awayPenalty;
    private double finalDistance;
    private double turbulenceStd;
    private double turbulenceTau;
    private double successRadius;

    private Builder(WorldSettings s) {
      sensoryPopulation = s.sensoryPopulation;
      ornGain = s.ornGain;
      halfSaturation = s.halfSaturation;
      adaptationTau = s.adaptationTau;
      antennaLateral = s.antennaLateral;
      antennaForward = s.antennaForward;
      maxTurnRate = s.maxTurnRate;
      speedFloor = s.speedFloor;
      forwardGain = s.forwardGain;
      turnGain = s.turnGain;
      rateTau = s.rateTau;
      goalBonus = s.goalBonus;
      awayPenalty = s.awayPenalty;
      finalDistance = s.finalDistance;
      turbulenceStd = s.turbulenceStd;
      turbulenceTau = s.turbulenceTau;
      successRadius = s.successRadius;
    }

    public Builder sensoryPopulation(String value) {
      sensoryPopulation = value;
      return this;
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

    public Builder maxTurnRate(double value) {
      maxTurnRate = value;
      return this;
    }

    public Builder speedFloor(double value) {
      speedFloor = value;
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

    public Builder successRadius(double value) {
      successRadius = value;
      return this;
    }

    public WorldSettings build() {
      return new WorldSettings(sensoryPopulation, ornGain, halfSaturation, adaptationTau, antennaLateral,
          antennaForward, maxTurnRate, speedFloor, forwardGain, turnGain, rateTau, goalBonus, awayPenalty,
          finalDistance, turbulenceStd, turbulenceTau, successRadius);
    }
  }
}
