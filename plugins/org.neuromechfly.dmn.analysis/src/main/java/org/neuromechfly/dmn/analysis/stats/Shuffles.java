package org.neuromechfly.dmn.analysis.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Null distributions for a statistic of edge values against synapse counts.
 *
 * <p>The degree-preserving shuffle keeps the connectome's mask (so every neuron keeps its partners,
 * in-degree and out-degree) and permutes the synapse counts among the input edges of each
 * postsynaptic neuron, so every neuron also keeps its total input and the distribution of its input
 * counts; what it breaks is which presynaptic partner has how many synapses. A learned weight that
 * only followed a cell's overall drive matches the shuffles as well as the real counts; one that
 * knows its own partner's count beats them. (Rewiring the mask itself, as a Maslov–Sneppen shuffle
 * does, would move counts onto pairs that have no trained weight to compare with.)
 */
public final class Shuffles {
  private Shuffles() {}

  /** A statistic of (values, counts), e.g. {@link org.neuromechfly.dmn.engine.stats.Correlation#spearman}. */
  @FunctionalInterface
  public interface Statistic {
    double of(double[] values, double[] counts);
  }

  /**
   * Summary of a statistic against its null.
   *
   * @param observed the statistic on the real counts
   * @param nullMean mean over the shuffles
   * @param nullLow 2.5th percentile of the shuffles
   * @param nullHigh 97.5th percentile of the shuffles
   * @param p one-sided p-value, (1 + #shuffles ≥ observed) / (1 + shuffles)
   * @param shuffles number of shuffles
   */
  public record Test(double observed, double nullMean, double nullLow, double nullHigh, double p, int shuffles) {
    /** How far above the null mean the observed value lies. */
    public double excess() {
      return observed - nullMean;
    }
  }

  /**
   * Tests {@code statistic(values, counts)} against {@code shuffles} degree-preserving shuffles of the
   * counts.
   *
   * @param values one value per edge (e.g. learned magnitude)
   * @param counts synapse count per edge, same order
   * @param target postsynaptic cell of each edge (groups within which counts are permuted)
   * @param shuffles how many
   * @param seed seeds the permutations (same seed, same null)
   */
  public static Test test(double[] values, double[] counts, int[] target, Statistic statistic, int shuffles, long seed) {
    double observed = statistic.of(values, counts);
    double[] nulls = nullDistribution(values, counts, target, statistic, shuffles, seed);
    return summarise(observed, nulls);
  }

  /** The statistic on each of {@code shuffles} shuffles. */
  public static double[] nullDistribution(double[] values, double[] counts, int[] target, Statistic statistic,
      int shuffles, long seed) {
    int[][] groups = groups(target);
    SplittableRandom random = new SplittableRandom(seed);
    double[] shuffled = counts.clone();
    double[] nulls = new double[shuffles];
    for (int s = 0; s < shuffles; s++) {
      for (int[] g : groups) {
        for (int i = g.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double swap = shuffled[g[i]];
          shuffled[g[i]] = shuffled[g[j]];
          shuffled[g[j]] = swap;
        }
      }
      nulls[s] = statistic.of(values, shuffled);
    }
    return nulls;
  }

  /** Mean, 95 % interval and one-sided p of {@code observed} against {@code nulls} (NaNs left out). */
  public static Test summarise(double observed, double[] nulls) {
    double[] finite = Arrays.stream(nulls).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0 || !Double.isFinite(observed)) {
      return new Test(observed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, finite.length);
    }
    double mean = Arrays.stream(finite).average().orElse(Double.NaN);
    long atLeast = Arrays.stream(finite).filter(v -> v >= observed).count();
    return new Test(observed, mean, percentile(finite, 0.025), percentile(finite, 0.975),
        (1.0 + atLeast) / (1.0 + finite.length), finite.length);
  }

  /** Bootstrap 95 % interval of a statistic over edges resampled with replacement. */
  public static double[] bootstrapInterval(double[] values, double[] counts, Statistic statistic, int resamples,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = values.length;
    double[] v = new double[n];
    double[] c = new double[n];
    double[] stats = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        int k = random.nextInt(n);
        v[i] = values[k];
        c[i] = counts[k];
      }
      stats[r] = statistic.of(v, c);
    }
    double[] finite = Arrays.stream(stats).filter(Double::isFinite).sorted().toArray();
    return finite.length == 0 ? new double[] {Double.NaN, Double.NaN}
        : new double[] {percentile(finite, 0.025), percentile(finite, 0.975)};
  }

  /** Linear-interpolated percentile of sorted values. */
  static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static int[][] groups(int[] target) {
    int max = Arrays.stream(target).max().orElse(-1);
    int[] size = new int[max + 1];
    for (int t : target) {
      size[t]++;
    }
    int[][] groups = new int[max + 1][];
    for (int t = 0; t <= max; t++) {
      groups[t] = new int[size[t]];
    }
    int[] fill = new int[max + 1];
    for (int e = 0; e < target.length; e++) {
      groups[target[e]][fill[target[e]]++] = e;
    }
    return groups;
  }
}
