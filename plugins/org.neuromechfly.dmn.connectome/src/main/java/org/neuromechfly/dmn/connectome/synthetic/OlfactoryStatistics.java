package org.neuromechfly.dmn.connectome.synthetic;

/**
 * Published statistics of the adult fly's olfactory pathway (one hemisphere) that the synthetic
 * generator reproduces and the glomerular rule defaults to. Sources are given per constant and in
 * the module README.
 */
public final class OlfactoryStatistics {

  private OlfactoryStatistics() {}

  /** Olfactory glomeruli with canonical uniglomerular PNs in the hemibrain (Schlegel et al. 2021). */
  public static final int GLOMERULI = 51;

  /**
   * Mean uniglomerular PNs per glomerulus: 130 uPNs over 51 glomeruli, 1 to 8 each
   * (hemibrain_olf_data FIB_uPNs.csv, Schlegel et al. 2021).
   */
  public static final double UPN_PER_GLOMERULUS_MEAN = 2.55;

  /** Fewest and most uPNs of a glomerulus (FIB_uPNs.csv). */
  public static final int UPN_PER_GLOMERULUS_MIN = 1;

  /** Most uPNs of a glomerulus (FIB_uPNs.csv; DA1, VA1v-type large glomeruli). */
  public static final int UPN_PER_GLOMERULUS_MAX = 8;

  /**
   * Mean distinct uPN inputs per KC with at least one synapse (hemibrain v1.2.1, roi CA(R):
   * 6.46; Caron et al. 2013 report ~6–7).
   */
  public static final double PN_INPUTS_PER_KC_MEAN = 6.5;

  /** Kenyon cells per hemisphere (Aso et al. 2009: ~2,000; hemibrain traced 1,919). */
  public static final int KENYON_CELLS = 2000;

  /** KC coding sparsity: 2–10 % of KCs respond to an odour (Honegger 2011; Lin 2014). */
  public static final double KC_SPARSITY_LOW = 0.02;

  /** Upper end of the KC coding sparsity range. */
  public static final double KC_SPARSITY_HIGH = 0.10;

  /**
   * How many of the 51 uPN glomeruli have 1, 2, ... 8 uPNs (index 0 = one uPN): 13, 15, 14, 4, 3, 1,
   * 0, 1 (FIB_uPNs.csv, Schlegel et al. 2021), mean 2.55.
   */
  static final int[] UPN_PER_GLOMERULUS_HISTOGRAM = {13, 15, 14, 4, 3, 1, 0, 1};

  /**
   * Log-normal fit of expected ORNs per glomerulus over the 51 uPN glomeruli (mean 22.1, sd 12.6,
   * max 62.5; AL_gloms_RN_info.csv, Grabe et al. 2016): mean and sd of the log.
   */
  static final double ORN_PER_GLOMERULUS_LOG_MEAN = 3.016;

  static final double ORN_PER_GLOMERULUS_LOG_SD = 0.488;

  /** Largest expected ORN count of a glomerulus (DA1, 62.5; Grabe et al. 2016). */
  static final int ORN_PER_GLOMERULUS_MAX = 63;

  /** hemibrain KC classes (neurons.csv): γ 697, α/β 885, α′/β′ 337 of 1,919. */
  static final double KC_GAMMA_FRACTION = 697.0 / 1919;

  static final double KC_ALPHA_BETA_FRACTION = 885.0 / 1919;

  /**
   * Mean distinct uPN inputs (≥1 synapse) per KC class: the hemibrain class means at ≥3 synapses
   * (γ 7.5, α/β 4.8, α′/β′ 4.4) scaled by 6.46 / 5.65, the overall ratio of ≥1 to ≥3; the weighted
   * mean over classes is 6.5.
   */
  static final double PN_INPUTS_GAMMA = 8.6;

  static final double PN_INPUTS_ALPHA_BETA = 5.5;

  static final double PN_INPUTS_ALPHA_PRIME_BETA_PRIME = 5.0;

  /** Log-normal fit of synapses per uPN→KC pair in CA(R): log mean 2.364, log sd 1.043 (hemibrain). */
  static final double PN_KC_SYNAPSES_LOG_MEAN = 2.364;

  static final double PN_KC_SYNAPSES_LOG_SD = 1.043;

  /** Log-normal fit of synapses per KC→MBON pair (hemibrain KC_to_MBON.csv): 1.908, 1.030. */
  static final double KC_MBON_SYNAPSES_LOG_MEAN = 1.908;

  static final double KC_MBON_SYNAPSES_LOG_SD = 1.030;

  /**
   * Fraction of the KCs of an MBON's main input class that synapse onto it (hemibrain
   * KC_to_MBON.csv, mean over 57 MBONs: 0.71).
   */
  static final double KC_MBON_CONNECT_PROBABILITY = 0.71;

  /** Log-normal fit of synapses per KC→APL pair (hemibrain KC_to_APL.csv): 3.932, 0.275. */
  static final double KC_APL_SYNAPSES_LOG_MEAN = 3.932;

  static final double KC_APL_SYNAPSES_LOG_SD = 0.275;

  /** MBON cells per hemisphere (Aso et al. 2014: 21 types, 34 cells). */
  public static final int MBONS = 34;

  /** The 15 mushroom-body compartments (Aso et al. 2014), grouped by the KC class that fills them. */
  static final String[] GAMMA_COMPARTMENTS = {"g1", "g2", "g3", "g4", "g5"};

  static final String[] ALPHA_BETA_COMPARTMENTS = {"a1", "a2", "a3", "b1", "b2"};

  static final String[] ALPHA_PRIME_BETA_PRIME_COMPARTMENTS = {"a'1", "a'2", "a'3", "b'1", "b'2"};
}
