package org.neuromechfly.dmn.model.export;

/** The formats a circuit can be exported to, with the name used in messages. */
public enum ExportTarget {
  NIR("NIR"),
  LOIHI2_NETX("Loihi 2 (lava-dl netx)");

  private final String displayName;

  ExportTarget(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
