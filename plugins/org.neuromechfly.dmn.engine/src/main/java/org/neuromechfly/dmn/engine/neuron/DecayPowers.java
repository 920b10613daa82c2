package org.neuromechfly.dmn.engine.neuron;

/**
 * β^k and α^k, the decays of k quiet steps, looked up instead of computed for a population whose cells
 * share their time constants (a whole-brain model's one population does): {@link QuietCell#advance}
 * needs both every time a spike reaches a cold cell, and {@link Math#pow} was most of an event-driven
 * trial's time. The table holds {@link Math#pow}'s own results, so looking up gives the same bits.
 */
public final class DecayPowers {
  private final double beta;
  private final double alpha;
  private final double[] betaPowers;
  private final double[] alphaPowers;

  private DecayPowers(double beta, double alpha, int steps) {
    this.beta = beta;
    this.alpha = alpha;
    betaPowers = new double[steps + 1];
    alphaPowers = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      betaPowers[k] = Math.pow(beta, k);
      alphaPowers[k] = Math.pow(alpha, k);
    }
  }

  /**
   * Tables up to {@code steps} quiet steps when every cell of {@code c} has the same decays, else null
   * (cells with their own time constants compute their powers).
   */
  public static DecayPowers of(LifCells c, int steps) {
    for (int n = 1; n < c.cells; n++) {
      if (c.beta[n] != c.beta[0] || c.alpha[n] != c.alpha[0]) {
        return null;
      }
    }
    return c.cells == 0 ? null : new DecayPowers(c.beta[0], c.alpha[0], steps);
  }

  /** Quiet steps the tables cover. */
  public int steps() {
    return betaPowers.length - 1;
  }

  double beta(int k) {
    return k < betaPowers.length ? betaPowers[k] : Math.pow(beta, k);
  }

  double alpha(int k) {
    return k < alphaPowers.length ? alphaPowers[k] : Math.pow(alpha, k);
  }
}
