package org.neuromechfly.dmn.analysis;

import java.util.Locale;

/** CSV cells the analyses write: numbers in six significant digits (empty when not finite), quoted text. */
public final class Csv {
  private Csv() {}

  public static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }

  public static String text(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
