package org.neuromechfly.dmn.engine.behaviour;

/**
 * A published figure a simulated measure is compared with: a range (or a direction of change), the
 * source and how the source measured it.
 *
 * @param text the published value as the report shows it
 * @param low lower end of the accepted range, or {@code null} (no number to compare with)
 * @param high upper end, or {@code null}
 * @param source citation (paper, figure)
 * @param method how the paper measures it, which the simulation follows
 */
public record Reference(String text, Double low, Double high, String source, String method) {

  static Reference range(String text, double low, double high, String source, String method) {
    return new Reference(text, low, high, source, method);
  }

  static Reference qualitative(String text, String source, String method) {
    return new Reference(text, null, null, source, method);
  }

  static Reference none(String method) {
    return new Reference("no published value found", null, null, "", method);
  }
}
