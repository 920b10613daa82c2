package org.neuromechfly.dmn.engine.neuron;

/**
 * {@link LifStep#forward} repeated over steps without input, in closed form, for one cell that does
 * not spike meanwhile: event-driven simulation leaves such a cell alone and brings it up to date only
 * when input arrives. With α = e^(−dt/τ_syn), β = e^(−dt/τ_mem), bias b, and u, s the membrane after
 * reset and the synaptic current after some step, k quiet steps later
 *
 * <pre>
 *   s_k = α^k s
 *   u_k = b + β^k (u − b − C) + C α^k,     C = (1 − β) α s / (α − β)
 * </pre>
 *
 * (without a synaptic current: s = 0 and C = 0; for α = β the steps are taken one by one). Both are
 * sums of two exponentials in k, so u_k has at most one extremum, which {@link #canCross} uses to
 * decide whether the cell could reach threshold before any further input.
 */
public final class QuietCell {
  private QuietCell() {}

  /** Relative distance under which α and β count as equal (the closed form divides by α − β). */
  private static final double DEGENERATE = 1e-9;

  /**
   * How far under the threshold the quick bound of {@link #canCross} must stay to decide alone, so
   * that rounding in the bound can never disagree with the exact test (whose own errors are ~1e-16).
   */
  private static final double BOUND_SLACK = 1e-12;

  /**
   * Advances cell {@code n} by {@code k} quiet steps: {@code u[at]} and {@code synaptic[at]} (ignored
   * without a synaptic current) are updated in place.
   */
  public static void advance(LifCells c, int n, int k, double[] u, double[] synaptic, int at) {
    advance(c, n, k, u, synaptic, at, null);
  }

  /**
   * {@link #advance(LifCells, int, int, double[], double[], int)} with the decays' powers looked up
   * in {@code powers} (the population's, or null to compute them).
   */
  public static void advance(LifCells c, int n, int k, double[] u, double[] synaptic, int at, DecayPowers powers) {
    if (k <= 0) {
      return;
    }
    double beta = c.beta[n];
    double bias = c.bias[n];
    double s = c.synaptic ? synaptic[at] : 0;
    double alpha = c.synaptic ? c.alpha[n] : 0;
    if (s != 0 && Math.abs(alpha - beta) < DEGENERATE * beta) {
      for (int i = 0; i < k; i++) {
        s = LifStep.decayed(alpha, s, 0);
        u[at] = LifStep.integrated(beta, u[at], c.leak[n], s, bias);
      }
      synaptic[at] = s;
      return;
    }
    double bk = powers != null ? powers.beta(k) : Math.pow(beta, k);
    if (s == 0) {
      u[at] = bias + bk * (u[at] - bias);
      return;
    }
    double ak = powers != null ? powers.alpha(k) : Math.pow(alpha, k);
    double cc = c.leak[n] * alpha * s / (alpha - beta);
    u[at] = bias + bk * (u[at] - bias - cc) + cc * ak;
    synaptic[at] = ak * s;
  }

  /**
   * Whether cell {@code n}, left without input from membrane {@code u} (after reset) and synaptic
   * current {@code s}, could exceed its threshold minus {@code margin} at some later step. Exact up
   * to rounding: the maximum over whole steps of a two-exponential is at the step before or after
   * its continuous extremum, or at the first step.
   */
  public static boolean canCross(LifCells c, int n, double u, double s, double margin) {
    double theta = c.theta[n] - margin;
    double beta = c.beta[n];
    double bias = c.bias[n];
    if (bias > theta) {
      return true; // tonic: it fires without input
    }
    if (!c.synaptic || s <= 0) {
      // u relaxes monotonically to the bias, and an inhibitory current only pushes it down
      return first(c, n, u, s) > theta;
    }
    double alpha = c.alpha[n];
    if (Math.abs(alpha - beta) < DEGENERATE * beta) {
      return true; // rare; let the caller step it exactly
    }
    double cc = c.leak[n] * alpha * s / (alpha - beta);
    double a = u - bias - cc; // u_k = bias + a β^k + cc α^k
    // α^k, β^k ≤ 1, so no step exceeds bias + max(a, 0) + max(cc, 0): most cells a spike reaches
    // stay far enough below threshold for this bound to settle it without logarithms and powers
    if (bias + Math.max(a, 0) + Math.max(cc, 0) < theta - BOUND_SLACK) {
      return false;
    }
    double best = first(c, n, u, s);
    // d/dk: a ln β β^k + cc ln α α^k = 0  →  (β/α)^k = −cc ln α / (a ln β)
    double ratio = -cc * Math.log(alpha) / (a * Math.log(beta));
    if (a != 0 && ratio > 0) {
      double k = Math.log(ratio) / Math.log(beta / alpha);
      if (k > 1 && k < 1e7) {
        long lo = (long) Math.floor(k);
        best = Math.max(best, bias + a * Math.pow(beta, lo) + cc * Math.pow(alpha, lo));
        best = Math.max(best, bias + a * Math.pow(beta, lo + 1) + cc * Math.pow(alpha, lo + 1));
      }
    }
    return best > theta;
  }

  /** The membrane one quiet step later. */
  private static double first(LifCells c, int n, double u, double s) {
    double drive = c.synaptic ? LifStep.decayed(c.alpha[n], s, 0) : 0;
    return LifStep.integrated(c.beta[n], u, c.leak[n], drive, c.bias[n]);
  }
}
