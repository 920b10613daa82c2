package org.neuromechfly.dmn.export.nir;

/** Which τ is written, given the engine's per-step decay {@code β = exp(−dt/τ)}. */
public enum TauMapping {
  /**
   * The trained τ in seconds. Exact for importers that discretise NIR's ODE with a zero-order hold
   * ({@code β = exp(−dt/τ)}), as the engine does.
   */
  EXACT,
  /**
   * {@code τ' = dt / (1 − exp(−dt/τ))}: forward-Euler importers ({@code β = 1 − dt/τ'}: Norse, snnTorch)
   * then reproduce the engine's β exactly. τ' exceeds τ by about dt/2.
   */
  EULER_MATCHED;

  /** The τ to write for a trained τ (seconds) and step dt (seconds). */
  public double write(double tau, double dt) {
    return this == EXACT ? tau : dt / -Math.expm1(-dt / tau);
  }

  /** The trained τ from a written τ' (inverse of {@link #write}). */
  public double read(double written, double dt) {
    if (this == EXACT) {
      return written;
    }
    if (!(written > dt)) {
      throw new IllegalArgumentException("Euler-matched tau " + written + " s must exceed dt " + dt + " s");
    }
    return -dt / Math.log1p(-dt / written);
  }

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
