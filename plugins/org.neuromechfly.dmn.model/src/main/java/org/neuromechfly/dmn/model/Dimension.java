package org.neuromechfly.dmn.model;

/** Physical dimension of a quantity; unit checks compare dimensions, never unit names. */
public enum Dimension {
  TIME("time"),
  LENGTH("length"),
  FREQUENCY("frequency"),
  SPEED("speed"),
  ANGLE("angle"),
  ANGULAR_SPEED("angular speed"),
  VOLTAGE("voltage"),
  DIFFUSIVITY("diffusivity (area per time)"),
  RATIO("ratio");

  private final String description;

  Dimension(String description) {
    this.description = description;
  }

  /** Human wording for diagnostics ("expected a time"). */
  public String description() {
    return description;
  }
}
