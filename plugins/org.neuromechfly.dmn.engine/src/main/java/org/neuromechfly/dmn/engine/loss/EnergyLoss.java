package org.neuromechfly.dmn.engine.loss;

import org.neuromechfly.dmn.engine.world.PathGradient;
import org.neuromechfly.dmn.engine.world.PathLoss;
import org.neuromechfly.dmn.engine.world.Trajectory;

/**
 * Movement cost: {@code w · mean_{b,t} [(v/v_max)² + (ω/ω_max)²]}. The turning part is the small
 * turning penalty that, with a speed floor, stopped the prototype from circling.
 */
public final class EnergyLoss implements PathLoss {
  private final double weight;
  private final double vMax;
  private final double wMax;

  public EnergyLoss(double weight, double maxSpeed, double maxTurnRate) {
    this.weight = weight;
    this.vMax = maxSpeed;
    this.wMax = maxTurnRate;
  }

  @Override
  public String name() {
    return "energy";
  }

  @Override
  public double evaluate(Trajectory path, PathGradient gradient) {
    double[][] speed = path.speed();
    double[][] turn = path.turn();
    double[][] gSpeed = gradient.speed();
    double[][] gTurn = gradient.turn();
    int batch = speed.length;
    int steps = speed[0].length;
    double per = weight / batch / steps;
    double total = 0;
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < steps; t++) {
        double u = speed[b][t] / vMax;
        double w = turn[b][t] / wMax;
        total += per * (u * u + w * w);
        gSpeed[b][t] += per * 2 * u / vMax;
        gTurn[b][t] += per * 2 * w / wMax;
      }
    }
    return total;
  }
}
