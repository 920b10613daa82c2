package org.neuromechfly.dmn.export;

import java.util.Arrays;
import java.util.Objects;
import org.neuromechfly.dmn.model.Population;

/**
 * Physical neuron parameters of one population, one value per cell (shared values are expanded), in
 * the engine's discretisation ({@code LifPopulation}): {@code v = β·u + (1−β)·(I + bias)} with
 * {@code β = exp(−dt/τ_mem)}, synaptic current {@code syn = α·syn + I} with {@code α = exp(−dt/τ_syn)}.
 *
 * @param population the IR population (count, reset mode, reset value, graded, refractory)
 * @param tauMem membrane time constants, seconds
 * @param tauSyn synaptic time constants, seconds, or {@code null} without synaptic current
 * @param threshold thresholds, normalised
 * @param bias constant input currents, normalised
 */
public record PopulationParameters(
    Population population, double[] tauMem, double[] tauSyn, double[] threshold, double[] bias) {

  public PopulationParameters {
    Objects.requireNonNull(population, "population");
    int n = population.count();
    check("tau_mem", tauMem, n, population);
    check("threshold", threshold, n, population);
    check("bias", bias, n, population);
    if (tauSyn != null) {
      check("tau_syn", tauSyn, n, population);
    }
  }

  private static void check(String what, double[] values, int n, Population p) {
    Objects.requireNonNull(values, what);
    if (values.length != n) {
      throw new IllegalArgumentException(
          "population " + p.name() + ": " + values.length + " values of " + what + " for " + n + " cells");
    }
  }

  /** The parameters the IR declares, before any training. */
  public static PopulationParameters initial(Population p) {
    int n = p.count();
    var m = p.neuron();
    double[] tauSyn = m.tauSyn() == null || m.tauSyn().si() <= 0 ? null : filled(n, m.tauSyn().si());
    return new PopulationParameters(p, filled(n, m.tauMem().si()), tauSyn, filled(n, m.threshold()),
        filled(n, m.bias()));
  }

  /** n copies of a value (per-cell arrays of a shared parameter). */
  public static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }

  public String name() {
    return population.name();
  }

  public int count() {
    return population.count();
  }

  /** β per cell for a step {@code dt}. */
  public double[] beta(double dt) {
    return Arrays.stream(tauMem).map(t -> Math.exp(-dt / t)).toArray();
  }

  /** α per cell for a step {@code dt}, or {@code null} without synaptic current. */
  public double[] alpha(double dt) {
    return tauSyn == null ? null : Arrays.stream(tauSyn).map(t -> Math.exp(-dt / t)).toArray();
  }
}
