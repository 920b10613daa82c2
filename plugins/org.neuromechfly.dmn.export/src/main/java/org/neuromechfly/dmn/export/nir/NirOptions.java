package org.neuromechfly.dmn.export.nir;

import java.util.Objects;

/**
 * Choices of a NIR export.
 *
 * @param convention how r, v_leak and the weights carry the input gain (which importer it targets)
 * @param tauMapping which τ is written (exact or matched to forward-Euler importers)
 * @param strict refuse features NIR cannot express (refractory periods) instead of dropping them
 */
public record NirOptions(NirConvention convention, TauMapping tauMapping, boolean strict) {
  public NirOptions {
    Objects.requireNonNull(convention, "convention");
    Objects.requireNonNull(tauMapping, "tauMapping");
  }

  /** Norse/Sinabs convention, exact τ, strict. */
  public static NirOptions defaults() {
    return new NirOptions(NirConvention.NORSE_SINABS, TauMapping.EXACT, true);
  }

  public static NirOptions of(NirConvention convention) {
    return new NirOptions(convention, TauMapping.EXACT, true);
  }

  public NirOptions withTauMapping(TauMapping m) {
    return new NirOptions(convention, m, strict);
  }

  public NirOptions lenient() {
    return new NirOptions(convention, tauMapping, false);
  }
}
