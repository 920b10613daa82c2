package org.neuromechfly.dmn.analysis;

/**
 * Cell types as analyses group them: Kenyon-cell subtypes ({@code KCg-m}, {@code KCab-c},
 * {@code KCa'b'-ap1}, …) pool into the three classes with distinct lobes, development and physiology
 * (γ, α/β, α′/β′; Aso et al. 2009, 2014), every other type stays itself.
 */
public final class CellTypeGroups {
  public static final String KC_GAMMA = "KCγ";
  public static final String KC_ALPHA_BETA = "KCα/β";
  public static final String KC_ALPHA_BETA_PRIME = "KCα′/β′";

  private CellTypeGroups() {}

  /** The group of a cell type ({@code null} stays {@code "untyped"}). */
  public static String group(String type) {
    if (type == null || type.isBlank()) {
      return "untyped";
    }
    if (type.startsWith("KCa'b'") || type.startsWith("KCapbp")) {
      return KC_ALPHA_BETA_PRIME;
    }
    if (type.startsWith("KCab")) {
      return KC_ALPHA_BETA;
    }
    if (type.startsWith("KCg")) {
      return KC_GAMMA;
    }
    return type;
  }

  /** Whether a group is one of the Kenyon-cell classes. */
  public static boolean kenyonClass(String group) {
    return group.equals(KC_GAMMA) || group.equals(KC_ALPHA_BETA) || group.equals(KC_ALPHA_BETA_PRIME);
  }
}
