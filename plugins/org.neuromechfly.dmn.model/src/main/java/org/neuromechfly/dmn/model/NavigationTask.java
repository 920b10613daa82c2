package org.neuromechfly.dmn.model;

import java.util.Objects;

/**
 * Odour navigation in a 2-D arena: the fly starts in a disc and should reach the odour source.
 *
 * @param arenaWidth arena extent along x
 * @param arenaHeight arena extent along y
 * @param source odour source position
 * @param plume the odour plume
 * @param wind the wind, or {@code null} for still air
 * @param startCentre centre of the start region
 * @param startRadius radius of the start region
 * @param steps simulation steps per episode
 * @param dt time step
 * @param motorDelay sensorimotor delay
 * @param odourSensors population that senses odour, or {@code null} for the population of cell type ORN
 * @param windSensors population that senses the wind, or {@code null} when the fly does not sense it
 * @param forward DN cells whose rate drives forward speed
 * @param turn DN cells whose rate drives turning
 * @param maxSpeed top forward speed
 * @param maxTurnRate top turning rate
 * @param speedFloor fraction of the top speed the fly always walks at (0: the DNs do all the walking)
 * @param successRadius closest approach to the source that counts as reaching it
 * @param blankTrials fraction of training episodes without odour (clean air), in which the fly is not
 *     asked to reach the source and only the cost of moving counts
 * @param gradientPath how far gradients flow through the world
 */
public record NavigationTask(
    Quantity arenaWidth,
    Quantity arenaHeight,
    Point source,
    OdourPlume plume,
    Wind wind,
    Point startCentre,
    Quantity startRadius,
    int steps,
    Quantity dt,
    Quantity motorDelay,
    String odourSensors,
    String windSensors,
    PopulationSlice forward,
    PopulationSlice turn,
    Quantity maxSpeed,
    Quantity maxTurnRate,
    double speedFloor,
    Quantity successRadius,
    double blankTrials,
    GradientPath gradientPath)
    implements TaskSpec {

  public NavigationTask {
    Objects.requireNonNull(arenaWidth, "arenaWidth");
    Objects.requireNonNull(arenaHeight, "arenaHeight");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(plume, "plume");
    Objects.requireNonNull(startCentre, "startCentre");
    Objects.requireNonNull(startRadius, "startRadius");
    Objects.requireNonNull(dt, "dt");
    Objects.requireNonNull(motorDelay, "motorDelay");
    Objects.requireNonNull(forward, "forward");
    Objects.requireNonNull(turn, "turn");
    Objects.requireNonNull(maxSpeed, "maxSpeed");
    Objects.requireNonNull(maxTurnRate, "maxTurnRate");
    Objects.requireNonNull(successRadius, "successRadius");
    Objects.requireNonNull(gradientPath, "gradientPath");
    if (!(blankTrials >= 0 && blankTrials < 1)) {
      throw new IllegalArgumentException("the fraction of blank trials must be in [0, 1): " + blankTrials);
    }
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a task (tests, command-line overrides, calibration episodes). */
  public static final class Builder {
    private Quantity arenaWidth;
    private Quantity arenaHeight;
    private Point source;
    private OdourPlume plume;
    private Wind wind;
    private Point startCentre;
    private Quantity startRadius;
    private int steps;
    private Quantity dt;
    private Quantity motorDelay;
    private String odourSensors;
    private String windSensors;
    private PopulationSlice forward;
    private PopulationSlice turn;
    private Quantity maxSpeed;
    private Quantity maxTurnRate;
    private double speedFloor;
    private Quantity successRadius;
    private double blankTrials;
    private GradientPath gradientPath;

    private Builder(NavigationTask t) {
      arenaWidth = t.arenaWidth;
      arenaHeight = t.arenaHeight;
      source = t.source;
      plume = t.plume;
      wind = t.wind;
      startCentre = t.startCentre;
      startRadius = t.startRadius;
      steps = t.steps;
      dt = t.dt;
      motorDelay = t.motorDelay;
      odourSensors = t.odourSensors;
      windSensors = t.windSensors;
      forward = t.forward;
      turn = t.turn;
      maxSpeed = t.maxSpeed;
      maxTurnRate = t.maxTurnRate;
      speedFloor = t.speedFloor;
      successRadius = t.successRadius;
      blankTrials = t.blankTrials;
      gradientPath = t.gradientPath;
    }

    public Builder source(Point value) {
      source = value;
      return this;
    }

    public Builder plume(OdourPlume value) {
      plume = value;
      return this;
    }

    public Builder wind(Wind value) {
      wind = value;
      return this;
    }

    public Builder start(Point centre, Quantity radius) {
      startCentre = centre;
      startRadius = radius;
      return this;
    }

    public Builder steps(int value) {
      steps = value;
      return this;
    }

    public Builder motorDelay(Quantity value) {
      motorDelay = value;
      return this;
    }

    public Builder windSensors(String population) {
      windSensors = population;
      return this;
    }

    public Builder odourSensors(String population) {
      odourSensors = population;
      return this;
    }

    public Builder motor(PopulationSlice forwardCells, PopulationSlice turnCells) {
      forward = forwardCells;
      turn = turnCells;
      return this;
    }

    public Builder successRadius(Quantity value) {
      successRadius = value;
      return this;
    }

    public Builder maxSpeed(Quantity value) {
      maxSpeed = value;
      return this;
    }

    public Builder speedFloor(double value) {
      speedFloor = value;
      return this;
    }

    public Builder blankTrials(double value) {
      blankTrials = value;
      return this;
    }

    public Builder gradientPath(GradientPath value) {
      gradientPath = value;
      return this;
    }

    public NavigationTask build() {
      return new NavigationTask(arenaWidth, arenaHeight, source, plume, wind, startCentre, startRadius, steps, dt,
          motorDelay, odourSensors, windSensors, forward, turn, maxSpeed, maxTurnRate, speedFloor, successRadius,
          blankTrials, gradientPath);
    }
  }
}
