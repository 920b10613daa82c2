package org.neuromechfly.dmn.engine.loss;

/**
 * Movement cost: {@code w · mean_{b,t} [(v/v_max)² + (ω/ω_max)²]}. The turning part is the small
 * turning penalty that, with a speed floor, stopped the prototype from circling.
 */
public final class EnergyLoss {
  private final double weight;
  private final double vMax;
  private final double wMax;

  public EnergyLoss(double weight, double maxSpeed, double maxTurnRate) {
    this.weight = weight;
    this.vMax = maxSpeed;
    this.wMax = maxTurnRate;
  }

  /**
   * @param speed {@code [B][T]} m/s
   * @param turn {@code [B][T]} rad/s
   * @param gSpeed receives d L / d speed (overwritten)
   * @param gTurn receives d L / d turn (overwritten)
   * @return the weighted loss
   */
  public double evaluate(double[][] speed, double[][] turn, double[][] gSpeed, double[][] gTurn) {
    int batch = speed.length;
    int steps = speed[0].length;
    double per = weight / batch / steps;
    double total = 0;
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < steps; t++) {
        double u = speed[b][t] / vMax;
        double w = turn[b][t] / wMax;
        total += per * (u * u + w * w);
        gSpeed[b][t] = per * 2 * u / vMax;
        gTurn[b][t] = per * 2 * w / wMax;
      }
    }
    return total;
  }
}
