package org.neuromechfly.dmn.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Fast neurotransmitters and the synaptic sign each implies (Dale's law). Glutamate is inhibitory in
 * the fly central brain via GluClα (Liu &amp; Wilson 2013); dopamine, serotonin and octopamine modulate
 * rather than drive, so they carry no fast sign.
 */
public enum Transmitter {
  ACETYLCHOLINE(Sign.EXCITATORY, "ACh", "ach", "acetylcholine"),
  GABA(Sign.INHIBITORY, "GABA", "gaba"),
  GLUTAMATE(Sign.INHIBITORY, "Glu", "glu", "glut", "glutamate"),
  DOPAMINE(Sign.MODULATORY, "DA", "da", "dopamine"),
  SEROTONIN(Sign.MODULATORY, "5-HT", "ser", "serotonin", "5HT"),
  OCTOPAMINE(Sign.MODULATORY, "OA", "oct", "octopamine");

  private final Sign sign;
  private final String symbol;
  private final String[] aliases;

  Transmitter(Sign sign, String symbol, String... aliases) {
    this.sign = sign;
    this.symbol = symbol;
    this.aliases = aliases;
  }

  public Sign sign() {
    return sign;
  }

  public String symbol() {
    return symbol;
  }

  /** Parses the spellings used by FlyWire (ACH, GABA, GLUT), neuPrint and papers, case-insensitively. */
  public static Optional<Transmitter> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            tr ->
                tr.symbol.toLowerCase(Locale.ROOT).equals(t)
                    || Arrays.stream(tr.aliases).anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(t)))
        .findFirst();
  }
}
