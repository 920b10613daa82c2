package org.neuromechfly.dmn.export.nir;

/**
 * How the engine's discrete LIF ({@code v = β·u + (1−β)·(I + bias)}) is parameterised in NIR's
 * continuous {@code τ·dv/dt = (v_leak − v) + r·I}. Both conventions describe the same ODE; they
 * differ in where the input gain sits, which matters because importers read the numbers differently.
 */
public enum NirConvention {
  /**
   * {@code r = 1}, {@code v_leak = bias}, weights as trained. Norse ({@code LIFBox}: {@code v += dt/τ·
   * (v_leak − v + I)}) and Sinabs import this form.
   */
  NORSE_SINABS,
  /**
   * {@code r = τ/dt}, {@code v_leak = 0}, incoming weights divided by r (i.e. multiplied by
   * {@code dt/τ ≈ 1−β}) and the bias carried by an Affine node ({@code bias/r}). This is what snnTorch
   * writes for {@code Leaky} ({@code τ = dt/(1−β)}, {@code r = τ/dt}) and what its importer expects:
   * {@code mem = β·mem + W·x} with the (1−β) gain inside W.
   */
  SNNTORCH;

  /** The metadata value naming this convention. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
