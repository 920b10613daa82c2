package org.neuromechfly.dmn.connectome.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded whole brain shaped like FlyWire v783, written in the files of the Shiu et al. 2024 model
 * ({@code Completeness_783.csv}, {@code Connectivity_783.csv.gz}), for benchmarks and tests: the real
 * files cannot be shipped (CC BY-NC 4.0). What it reproduces and what it assumes:
 * <ul>
 *   <li>sizes: 139,255 neurons (Dorkenwald et al. 2024, Nature 634:124) and about 15 million
 *       connected pairs (the rows of Shiu et al.'s {@code Connectivity_783.parquet}, issue #15);</li>
 *   <li>broad, correlated in- and out-degrees (Dorkenwald et al. Fig. 3g: R = 0.76 for intrinsic
 *       neurons): each neuron has a log-normal size (σ = 1.2, an assumption) that scales both, with
 *       independent log-normal noise (σ = 0.5) on each, and partners are drawn in proportion to the
 *       partners' in-degree weights (a Chung–Lu graph: no spatial or modular structure);</li>
 *   <li>synapses per connection: most connections have few synapses and a long tail (Fig. 3f);
 *       here ⌊U^(−1/1.35)⌋ capped at 2,000, mean ≈ 3.5, so 15 M connections carry ≈ 50 M synapses
 *       (the paper's 5 × 10⁷);</li>
 *   <li>transmitters (an assumption, not data): 20 % of neurons inhibitory (GABA or glutamate,
 *       {@code Excitatory = -1} as in Shiu et al.'s files), the rest excitatory.</li>
 * </ul>
 * Root ids are {@value #ID_BASE} + 1000·index; the completeness row is the neuron index. The same
 * parameters give the same files byte for byte.
 */
public final class SyntheticBrain {
  /** The first root id. */
  public static final long ID_BASE = 720575940596125868L;
  /** FlyWire v783's proofread neurons. */
  public static final int FLYWIRE_NEURONS = 139_255;
  /** Connected pairs in Shiu et al.'s connectivity table, about. */
  public static final long FLYWIRE_CONNECTIONS = 15_000_000L;

  private static final double SIZE_SIGMA = 1.2;
  private static final double DEGREE_NOISE = 0.5;
  private static final double COUNT_TAIL = 1.35;
  private static final int MAX_SYNAPSES = 2_000;
  private static final double INHIBITORY = 0.2;

  /**
   * What to generate.
   *
   * @param neurons neurons
   * @param connections connected pairs, about (degrees are drawn, so the total varies by ~0.1 %)
   * @param seed the generator's seed
   */
  public record Parameters(int neurons, long connections, long seed) {
    public Parameters {
      if (neurons < 2 || connections < 1 || connections > (long) neurons * (neurons - 1) / 4) {
        throw new IllegalArgumentException("need 2+ neurons and 1 to neurons²/4 connections");
      }
    }

    /** FlyWire v783 sizes. */
    public static Parameters flywire(long seed) {
      return new Parameters(FLYWIRE_NEURONS, FLYWIRE_CONNECTIONS, seed);
    }
  }

  /** What was written: connections, synapses and how many neurons are inhibitory. */
  public record Summary(int neurons, long connections, long synapses, int inhibitory) {}

  private SyntheticBrain() {}

  /** The root id of neuron {@code index}. */
  public static long id(int index) {
    return ID_BASE + 1000L * index;
  }

  /** Writes the two Shiu files into {@code folder} (created if needed). */
  public static Summary write(Parameters p, Path folder) {
    try {
      Files.createDirectories(folder);
      SplittableRandom random = new SplittableRandom(p.seed());
      int n = p.neurons();
      double[] out = new double[n];
      double[] in = new double[n];
      boolean[] inhibitory = new boolean[n];
      int inhibitoryCount = 0;
      for (int i = 0; i < n; i++) {
        double size = SIZE_SIGMA * gaussian(random);
        out[i] = Math.exp(size + DEGREE_NOISE * gaussian(random));
        in[i] = Math.exp(size + DEGREE_NOISE * gaussian(random));
        inhibitory[i] = random.nextDouble() < INHIBITORY;
        inhibitoryCount += inhibitory[i] ? 1 : 0;
      }
      double outSum = Arrays.stream(out).sum();
      Alias targets = new Alias(in);
      try (Writer w = Files.newBufferedWriter(folder.resolve("Completeness_783.csv"), StandardCharsets.UTF_8)) {
        w.write(",Completed\n");
        for (int i = 0; i < n; i++) {
          w.write(Long.toString(id(i)));
          w.write(",True\n");
        }
      }
      long connections = 0;
      long synapses = 0;
      try (Writer w = new BufferedWriter(new OutputStreamWriter(
          new GZIPOutputStream(Files.newOutputStream(folder.resolve("Connectivity_783.csv.gz")), 1 << 16),
          StandardCharsets.UTF_8), 1 << 16)) {
        w.write("Presynaptic_ID,Postsynaptic_ID,Presynaptic_Index,Postsynaptic_Index,Connectivity,Excitatory,"
            + "Excitatory x Connectivity\n");
        int[] row = new int[16];
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < n; i++) {
          int degree = (int) Math.min(n - 1, poisson(random, p.connections() * out[i] / outSum));
          if (row.length < degree) {
            row = new int[Math.max(degree, row.length * 2)];
          }
          int filled = 0;
          int tries = 0;
          while (filled < degree && tries < 20 * degree + 100) {
            tries++;
            int t = targets.sample(random);
            if (t == i) {
              continue;
            }
            row[filled++] = t;
            if (filled == degree) {
              Arrays.sort(row, 0, filled);
              filled = unique(row, filled);
            }
          }
          // out of tries (a degree near the brain's size): the draws since the last pass are not yet unique
          Arrays.sort(row, 0, filled);
          filled = unique(row, filled);
          int sign = inhibitory[i] ? -1 : 1;
          for (int k = 0; k < filled; k++) {
            int count = (int) Math.min(MAX_SYNAPSES, Math.floor(Math.pow(1 - random.nextDouble(), -1 / COUNT_TAIL)));
            line.setLength(0);
            line.append(id(i)).append(',').append(id(row[k])).append(',').append(i).append(',').append(row[k])
                .append(',').append(count).append(',').append(sign).append(',').append(sign * count).append('\n');
            w.append(line);
            synapses += count;
          }
          connections += filled;
        }
      }
      return new Summary(n, connections, synapses, inhibitoryCount);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int unique(int[] a, int n) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || a[m - 1] != a[i]) {
        a[m++] = a[i];
      }
    }
    return m;
  }

  private static double gaussian(SplittableRandom r) {
    // Box–Muller over nextDouble, so the stream cannot change with the JDK
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static long poisson(SplittableRandom r, double mean) {
    if (mean < 30) {
      double l = Math.exp(-mean);
      long k = 0;
      double prod = r.nextDouble();
      while (prod > l) {
        k++;
        prod *= r.nextDouble();
      }
      return k;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
  }

  /** Walker's alias table: draws index i with probability w[i] / Σw in constant time. */
  private static final class Alias {
    private final double[] probability;
    private final int[] alias;

    Alias(double[] w) {
      int n = w.length;
      probability = new double[n];
      alias = new int[n];
      double sum = Arrays.stream(w).sum();
      double[] scaled = new double[n];
      int[] small = new int[n];
      int[] large = new int[n];
      int ns = 0;
      int nl = 0;
      for (int i = 0; i < n; i++) {
        scaled[i] = w[i] * n / sum;
        if (scaled[i] < 1) {
          small[ns++] = i;
        } else {
          large[nl++] = i;
        }
      }
      while (ns > 0 && nl > 0) {
        int s = small[--ns];
        int l = large[--nl];
        probability[s] = scaled[s];
        alias[s] = l;
        scaled[l] = scaled[l] + scaled[s] - 1;
        if (scaled[l] < 1) {
          small[ns++] = l;
        } else {
          large[nl++] = l;
        }
      }
      while (nl > 0) {
        probability[large[--nl]] = 1;
      }
      while (ns > 0) {
        probability[small[--ns]] = 1;
      }
    }

    int sample(SplittableRandom r) {
      int i = r.nextInt(probability.length);
      return r.nextDouble() < probability[i] ? i : alias[i];
    }
  }
}
