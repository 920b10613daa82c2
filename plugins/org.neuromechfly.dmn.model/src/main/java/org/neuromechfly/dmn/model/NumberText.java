package org.neuromechfly.dmn.model;

import java.math.BigDecimal;

/** Shortest stable text for a number: integers without ".0", others as plain decimals. */
public final class NumberText {
  private NumberText() {}

  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String text = BigDecimal.valueOf(value).stripTrailingZeros().toString();
    return text.contains("E") ? Double.toString(value) : text;
  }
}
