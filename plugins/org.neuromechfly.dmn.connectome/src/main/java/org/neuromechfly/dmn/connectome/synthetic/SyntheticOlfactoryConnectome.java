package org.neuromechfly.dmn.connectome.synthetic;

import static org.neuromechfly.dmn.connectome.synthetic.OlfactoryStatistics.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.ConnectomeBuilder;
import org.neuromechfly.dmn.connectome.importer.Neuron;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * A seeded, statistically faithful stand-in for one hemisphere's olfactory pathway, used when a model
 * names no connectome data: ORNs and uPNs per glomerulus, random PN→KC wiring with the hemibrain's
 * number of distinct inputs per KC, KC→MBON by compartment and the APL loop. Every statistic and its
 * source is in {@link OlfactoryStatistics} and the module README.
 *
 * <p>Neurons get ids 1, 2, ... in the order ORN, uPN, KC, APL, MBON, and types the importers' regexes
 * can select: {@code ORN_G07}, {@code G07_uPN}, {@code KCg}/{@code KCab}/{@code KCapbp}, {@code APL},
 * {@code MBON_g1}. Rois: {@code AL}, {@code CA}, the compartment names and {@code MB} (APL). The same
 * seed and parameters give the same connectome, array for array.
 */
public final class SyntheticOlfactoryConnectome {

  /**
   * What to generate.
   *
   * @param glomeruli number of glomeruli
   * @param kenyonCells number of KCs
   * @param mbons number of MBONs, spread round-robin over the 15 compartments
   */
  public record Parameters(int glomeruli, int kenyonCells, int mbons) {
    public Parameters {
      if (glomeruli < 1 || kenyonCells < 1 || mbons < 1) {
        throw new IllegalArgumentException("glomeruli, kenyonCells and mbons must be >= 1");
      }
    }

    /** One hemisphere: 51 glomeruli, 2,000 KCs, 34 MBONs. */
    public static Parameters defaults() {
      return new Parameters(GLOMERULI, KENYON_CELLS, MBONS);
    }
  }

  private static final String RIGHT = "right";

  private final SplittableRandom random;
  private final Parameters parameters;
  private final ConnectomeBuilder builder;
  private final int file;
  private long nextId = 1;

  private SyntheticOlfactoryConnectome(long seed, Parameters parameters) {
    this.random = new SplittableRandom(seed);
    this.parameters = parameters;
    this.builder = new ConnectomeBuilder("synthetic-olfactory(seed " + seed + ")");
    this.file = builder.file(Path.of("synthetic"));
  }

  /** One hemisphere with default parameters. */
  public static Connectome generate(long seed) {
    return generate(seed, Parameters.defaults());
  }

  /** A connectome with the given sizes; the same arguments always give the same result. */
  public static Connectome generate(long seed, Parameters parameters) {
    return new SyntheticOlfactoryConnectome(seed, parameters).build();
  }

  private Connectome build() {
    int g = parameters.glomeruli();
    int[][] orns = new int[g][];
    int[][] upns = new int[g][];
    for (int k = 0; k < g; k++) {
      orns[k] = neurons(ornCount(), "ORN_" + glomerulus(k), "ORN", Transmitter.ACETYLCHOLINE);
    }
    for (int k = 0; k < g; k++) {
      upns[k] = neurons(upnCount(), glomerulus(k) + "_uPN", "uPN", Transmitter.ACETYLCHOLINE);
    }
    int n = parameters.kenyonCells();
    int gamma = (int) Math.round(n * KC_GAMMA_FRACTION);
    int alphaBeta = (int) Math.round(n * KC_ALPHA_BETA_FRACTION);
    int[] kcG = neurons(gamma, "KCg", "KC", Transmitter.ACETYLCHOLINE);
    int[] kcAB = neurons(alphaBeta, "KCab", "KC", Transmitter.ACETYLCHOLINE);
    int[] kcAPBP = neurons(n - gamma - alphaBeta, "KCapbp", "KC", Transmitter.ACETYLCHOLINE);
    int apl = neurons(1, "APL", "APL", Transmitter.GABA)[0];
    String[] compartments = compartments();
    int[] mbons = new int[parameters.mbons()];
    for (int j = 0; j < mbons.length; j++) {
      String compartment = compartments[j % compartments.length];
      mbons[j] = neurons(1, "MBON_" + compartment, "MBON", Transmitter.GLUTAMATE)[0];
    }

    for (int k = 0; k < g; k++) {
      for (int orn : orns[k]) {
        for (int upn : upns[k]) {
          row(orn, upn, "AL", 1);
        }
      }
    }
    int[] allPns = Arrays.stream(upns).flatMapToInt(Arrays::stream).toArray();
    wirePnToKc(allPns, kcG, PN_INPUTS_GAMMA);
    wirePnToKc(allPns, kcAB, PN_INPUTS_ALPHA_BETA);
    wirePnToKc(allPns, kcAPBP, PN_INPUTS_ALPHA_PRIME_BETA_PRIME);
    for (int j = 0; j < mbons.length; j++) {
      String compartment = compartments[j % compartments.length];
      for (int kc : kcsOf(compartment, kcG, kcAB, kcAPBP)) {
        if (random.nextDouble() < KC_MBON_CONNECT_PROBABILITY) {
          row(kc, mbons[j], compartment, synapses(KC_MBON_SYNAPSES_LOG_MEAN, KC_MBON_SYNAPSES_LOG_SD));
        }
      }
    }
    for (int[] kcs : new int[][] {kcG, kcAB, kcAPBP}) {
      for (int kc : kcs) {
        row(kc, apl, "MB", synapses(KC_APL_SYNAPSES_LOG_MEAN, KC_APL_SYNAPSES_LOG_SD));
        // APL→KC counts are not in the data used here; the KC→APL fit stands in for them.
        row(apl, kc, "MB", synapses(KC_APL_SYNAPSES_LOG_MEAN, KC_APL_SYNAPSES_LOG_SD));
      }
    }
    return builder.build();
  }

  /** Each KC draws 1 + Poisson(mean − 1) distinct PNs uniformly (PN→KC is near random; Caron 2013). */
  private void wirePnToKc(int[] pns, int[] kcs, double meanInputs) {
    int[] pool = pns.clone();
    for (int kc : kcs) {
      int inputs = Math.min(pool.length, 1 + poisson(meanInputs - 1));
      for (int i = 0; i < inputs; i++) {
        int j = i + random.nextInt(pool.length - i);
        int swap = pool[i];
        pool[i] = pool[j];
        pool[j] = swap;
      }
      int[] chosen = Arrays.copyOf(pool, inputs);
      Arrays.sort(chosen);
      for (int pn : chosen) {
        row(pn, kc, "CA", synapses(PN_KC_SYNAPSES_LOG_MEAN, PN_KC_SYNAPSES_LOG_SD));
      }
    }
  }

  private int ornCount() {
    double draw = Math.exp(ORN_PER_GLOMERULUS_LOG_MEAN + ORN_PER_GLOMERULUS_LOG_SD * gaussian());
    return (int) Math.max(1, Math.min(ORN_PER_GLOMERULUS_MAX, Math.round(draw)));
  }

  private int upnCount() {
    int r = random.nextInt(GLOMERULI);
    for (int i = 0; i < UPN_PER_GLOMERULUS_HISTOGRAM.length; i++) {
      r -= UPN_PER_GLOMERULUS_HISTOGRAM[i];
      if (r < 0) {
        return i + 1;
      }
    }
    throw new AssertionError("histogram sums to " + GLOMERULI);
  }

  /** A log-normal synapse count, rounded, at least 1. */
  private float synapses(double logMean, double logSd) {
    return Math.max(1, Math.round(Math.exp(logMean + logSd * gaussian())));
  }

  /** Box–Muller from two uniforms, so draws never depend on the JDK's Gaussian algorithm. */
  private double gaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Knuth's multiplication method; fine for the small means used here. */
  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  private int[] neurons(int count, String type, String cellClass, Transmitter transmitter) {
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      long id = nextId++;
      indices[i] =
          builder.declare(
              new Neuron(id, type, type + "_R", cellClass, "central", RIGHT, transmitter),
              Path.of("synthetic"), id);
    }
    return indices;
  }

  private void row(int pre, int post, String roi, float synapses) {
    builder.row(pre, post, roi, synapses, file, 0);
  }

  private static String glomerulus(int k) {
    return String.format(java.util.Locale.ROOT, "G%02d", k + 1);
  }

  private static String[] compartments() {
    String[] all = new String[15];
    System.arraycopy(GAMMA_COMPARTMENTS, 0, all, 0, 5);
    System.arraycopy(ALPHA_BETA_COMPARTMENTS, 0, all, 5, 5);
    System.arraycopy(ALPHA_PRIME_BETA_PRIME_COMPARTMENTS, 0, all, 10, 5);
    return all;
  }

  private static int[] kcsOf(String compartment, int[] gamma, int[] alphaBeta, int[] alphaPrime) {
    if (Arrays.asList(GAMMA_COMPARTMENTS).contains(compartment)) {
      return gamma;
    }
    return Arrays.asList(ALPHA_BETA_COMPARTMENTS).contains(compartment) ? alphaBeta : alphaPrime;
  }
}
