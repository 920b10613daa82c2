package org.neuromechfly.dmn.model;

/**
 * Text from user input made safe to show in a one-line diagnostic: control characters (a newline,
 * carriage return, form feed or NUL typed into a string) are written as escapes, so that every
 * diagnostic stays one line that editors and CI can parse, and long values are cut short, so that a
 * message identifies a value without echoing a whole file.
 */
public final class PrintableText {
  private PrintableText() {}

  /** The text with every control or line-separator character escaped ({@code \n}, {@code \u0000}, …). */
  public static String oneLine(String text) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\f' -> b.append("\\f");
        default -> b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  /**
   * At most {@code max} characters of the text, {@linkplain #oneLine on one line}; a longer text is
   * cut and says how long it was.
   */
  public static String excerpt(String text, int max) {
    if (text == null) {
      return "null";
    }
    if (text.length() <= max) {
      return oneLine(text);
    }
    return oneLine(text.substring(0, max)) + "… (" + text.length() + " characters)";
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
  }
}
