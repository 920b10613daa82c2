package org.neuromechfly.dmn.model;

import java.util.Objects;

/**
 * Odour navigation in a 2-D arena: the fly starts in a disc and should reach the odour source.
 *
 * @param arenaWidth arena extent along x
 * @param arenaHeight arena extent along y
 * @param source odour source position
 * @param plume plume model
 * @param plumeSigma plume width (Gaussian standard deviation)
 * @param startCentre centre of the start region
 * @param startRadius radius of the start region
 * @param steps simulation steps per episode
 * @param dt time step
 * @param motorDelay sensorimotor delay
 * @param forward DN cells whose rate drives forward speed
 * @param turn DN cells whose rate drives turning
 * @param maxSpeed top forward speed
 * @param gradientPath how far gradients flow through the world
 */
public record NavigationTask(
    Quantity arenaWidth,
    Quantity arenaHeight,
    Point source,
    PlumeModel plume,
    Quantity plumeSigma,
    Point startCentre,
    Quantity startRadius,
    int steps,
    Quantity dt,
    Quantity motorDelay,
    PopulationSlice forward,
    PopulationSlice turn,
    Quantity maxSpeed,
    GradientPath gradientPath)
    implements TaskSpec {

  public NavigationTask {
    Objects.requireNonNull(arenaWidth, "arenaWidth");
    Objects.requireNonNull(arenaHeight, "arenaHeight");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(plume, "plume");
    Objects.requireNonNull(plumeSigma, "plumeSigma");
    Objects.requireNonNull(startCentre, "startCentre");
    Objects.requireNonNull(startRadius, "startRadius");
    Objects.requireNonNull(dt, "dt");
    Objects.requireNonNull(motorDelay, "motorDelay");
    Objects.requireNonNull(forward, "forward");
    Objects.requireNonNull(turn, "turn");
    Objects.requireNonNull(maxSpeed, "maxSpeed");
    Objects.requireNonNull(gradientPath, "gradientPath");
  }
}
