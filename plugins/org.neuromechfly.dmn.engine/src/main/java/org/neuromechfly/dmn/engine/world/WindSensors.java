package org.neuromechfly.dmn.engine.world;

/**
 * Antennal wind sensing. Wind deflects the antennae, and mechanosensory neurons of Johnston's organ
 * report the deflection (Yorozu et al. 2009, Nature 458:201); downstream, wind direction is encoded
 * by cells tuned to directions around the body, combined from both antennae (Suver et al. 2019,
 * Neuron 102:828; Okubo et al. 2020, Neuron 107:924). Here each cell of the wind-sensing population
 * has a preferred direction: the first half of the population, the left antenna's, covers wind from
 * the left side (front to back), the second half the right side. A cell's input is
 * {@code g · U/(U + U½) · (1 + cos(θ − φ))/2}, θ the direction the wind comes from relative to the
 * heading and φ the cell's preferred direction, so the population tells front from back and left from
 * right and upwind walking is learnable. Smooth in the heading, so the sensing path is differentiable.
 */
final class WindSensors {
  /** Wind speed at which the input is half its maximum, m/s. */
  static final double HALF_SPEED = 0.1;

  private final int cells;
  private final int batch;
  private final double gain;
  private final double from;
  private final double[] preferred;

  /**
   * @param cells size of the wind-sensing population (at least 2)
   * @param speed wind speed, m/s
   * @param from direction the wind comes from, radians counter-clockwise from +x
   */
  WindSensors(int cells, int batch, double gain, double speed, double from) {
    if (cells < 2) {
      throw new IllegalArgumentException("the wind-sensing population needs at least 2 cells (left, right)");
    }
    this.cells = cells;
    this.batch = batch;
    this.gain = gain * speed / (speed + HALF_SPEED);
    this.from = from;
    this.preferred = new double[cells];
    int half = cells / 2;
    int right = cells - half;
    for (int n = 0; n < half; n++) {
      preferred[n] = Math.PI * (n + 0.5) / half; // left side: 0 (front) .. π (back)
    }
    for (int n = 0; n < right; n++) {
      preferred[half + n] = -Math.PI * (n + 0.5) / right; // right side
    }
  }

  /** Writes the input of every cell for headings {@code h} (radians). */
  void sense(double[] h, double[] input) {
    for (int b = 0; b < batch; b++) {
      double theta = from - h[b];
      for (int n = 0; n < cells; n++) {
        input[b * cells + n] = gain * 0.5 * (1 + Math.cos(theta - preferred[n]));
      }
    }
  }

  /** Adds d loss / d heading, from d loss / d input, into {@code gh}. */
  void backward(double[] gradInput, double[] h, double[] gh) {
    for (int b = 0; b < batch; b++) {
      double theta = from - h[b];
      double g = 0;
      for (int n = 0; n < cells; n++) {
        // d input / d heading = g/2 · sin(θ − φ), since dθ/dh = −1
        g += gradInput[b * cells + n] * gain * 0.5 * Math.sin(theta - preferred[n]);
      }
      gh[b] += g;
    }
  }
}
