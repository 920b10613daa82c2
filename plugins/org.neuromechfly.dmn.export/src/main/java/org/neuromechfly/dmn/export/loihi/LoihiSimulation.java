package org.neuromechfly.dmn.export.loihi;

import java.util.List;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * Runs a layer chain twice on the same input spike trains: in the engine's float arithmetic (per-cell
 * τ, θ, bias, reset mode, refractory clamp) and in Loihi's integer CUBA arithmetic on the quantised
 * values (24-bit u that wraps, 24-bit v that saturates, 12-bit decays, truncating shifts, reset to 0),
 * as Lava's bit-accurate LIF model computes it. Both use the same schedule: layer l at step t sees layer
 * l−1's spikes from step t − delay and its own from t − 1; the input layer sees input events of step t.
 */
public final class LoihiSimulation {
  private LoihiSimulation() {}

  /** Spike rasters {@code [layer][t][cell]} of both runs, plus integer state extremes per layer. */
  public record Result(boolean[][][] floatSpikes, boolean[][][] loihiSpikes, long[] maxAbsU, long[] maxAbsV,
      int[] uWraps, int[] vClips) {}

  /** Bernoulli input events {@code [t][cell]}. */
  public static boolean[][] inputEvents(int steps, int cells, double probability, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean[][] x = new boolean[steps][cells];
    for (boolean[] row : x) {
      for (int i = 0; i < cells; i++) {
        row[i] = random.nextDouble() < probability;
      }
    }
    return x;
  }

  public static Result run(CircuitParameters c, NetxNetwork net, boolean[][] input) {
    double inputCurrent = net.inputCurrent();
    LayerChain chain = LayerChain.of(c);
    int layers = net.layers().size();
    int steps = input.length;
    boolean[][][] fs = new boolean[layers][steps][];
    boolean[][][] ls = new boolean[layers][steps][];
    long[] maxU = new long[layers];
    long[] maxV = new long[layers];
    int[] wraps = new int[layers];
    int[] clips = new int[layers];
    FloatLayer[] fl = new FloatLayer[layers];
    for (int l = 0; l < layers; l++) {
      fl[l] = new FloatLayer(chain.populations().get(l), chain.feedForward().get(l), chain.recurrent().get(l), c.dt());
    }
    long[][] u = new long[layers][];
    long[][] v = new long[layers][];
    for (int l = 0; l < layers; l++) {
      u[l] = new long[net.layers().get(l).size()];
      v[l] = new long[net.layers().get(l).size()];
    }
    for (int t = 0; t < steps; t++) {
      for (int l = 0; l < layers; l++) {
        NetxLayer q = net.layers().get(l);
        int delay = q.delay() + 1;
        boolean[] pre = l == 0 ? input[t] : t - delay >= 0 ? fs[l - 1][t - delay] : null;
        boolean[] own = t > 0 ? fs[l][t - 1] : null;
        fs[l][t] = fl[l].step(pre, own, l == 0 ? inputCurrent : 0);
        boolean[] preQ = l == 0 ? input[t] : t - delay >= 0 ? ls[l - 1][t - delay] : null;
        boolean[] ownQ = t > 0 ? ls[l][t - 1] : null;
        ls[l][t] = loihiStep(q, preQ, ownQ, u[l], v[l], l, maxU, maxV, wraps, clips);
      }
    }
    return new Result(fs, ls, maxU, maxV, wraps, clips);
  }

  private static boolean[] loihiStep(NetxLayer q, boolean[] pre, boolean[] own, long[] u, long[] v, int l,
      long[] maxU, long[] maxV, int[] wraps, int[] clips) {
    int n = q.size();
    boolean[] s = new boolean[n];
    long max = 1L << 23;
    for (int i = 0; i < n; i++) {
      long a = 0;
      if (q.index() == 0) {
        a = pre != null && pre[i] ? q.inputWeight() : 0;
      } else {
        if (pre != null) {
          int[] row = q.weight()[i];
          for (int j = 0; j < row.length; j++) {
            if (pre[j]) {
              a += row[j];
            }
          }
        }
        if (own != null && q.weightRec() != null) {
          int[] row = q.weightRec()[i];
          for (int j = 0; j < row.length; j++) {
            if (own[j]) {
              a += row[j];
            }
          }
        }
      }
      long cur = decay(u[i], q.iDecay()) + (a << 6);
      if (cur > max) {
        cur -= 2 * max;
        wraps[l]++;
      } else if (cur <= -max) {
        cur += 2 * max;
        wraps[l]++;
      }
      u[i] = cur;
      long volt = decay(v[i], q.vDecay()) + u[i] + ((long) q.biasMant()[i] << 6);
      if (volt > max - 1 || volt < -max + 1) {
        clips[l]++;
        volt = Math.max(-max + 1, Math.min(max - 1, volt));
      }
      maxU[l] = Math.max(maxU[l], Math.abs(u[i]));
      maxV[l] = Math.max(maxV[l], Math.abs(volt));
      if (volt > ((long) q.vThMant() << 6)) {
        s[i] = true;
        volt = 0;
      }
      v[i] = volt;
    }
    return s;
  }

  /** x·(4096 − decay) ≫ 12 with the sign kept (Lava truncates toward zero). */
  static long decay(long x, int decay) {
    long p = x * (4096 - decay);
    return Long.signum(p) * (Math.abs(p) >> 12);
  }

  /** The engine's float LIF for one layer. */
  private static final class FloatLayer {
    final PopulationParameters p;
    final double[][] w;
    final double[][] r;
    final double[] beta;
    final double[] alpha;
    final double[] syn;
    final double[] mem;
    final int[] refractoryLeft;
    final int refractorySteps;

    FloatLayer(PopulationParameters p, ProjectionWeights ff, ProjectionWeights rec, double dt) {
      this.p = p;
      this.w = ff == null ? null : ff.dense();
      this.r = rec == null ? null : rec.dense();
      this.beta = p.beta(dt);
      this.alpha = p.alpha(dt);
      this.syn = new double[p.count()];
      this.mem = new double[p.count()];
      this.refractoryLeft = new int[p.count()];
      this.refractorySteps = (int) Math.round(p.population().neuron().refractory().si() / dt);
    }

    boolean[] step(boolean[] pre, boolean[] own, double inputCurrent) {
      var model = p.population().neuron();
      int n = p.count();
      boolean[] s = new boolean[n];
      for (int i = 0; i < n; i++) {
        double in = 0;
        if (w == null) {
          in = pre != null && pre[i] ? inputCurrent : 0;
        } else if (pre != null) {
          for (int j = 0; j < pre.length; j++) {
            if (pre[j]) {
              in += w[i][j];
            }
          }
        }
        if (r != null && own != null) {
          for (int j = 0; j < own.length; j++) {
            if (own[j]) {
              in += r[i][j];
            }
          }
        }
        if (alpha != null) {
          syn[i] = alpha[i] * syn[i] + in;
          in = syn[i];
        }
        if (refractoryLeft[i] > 0) {
          refractoryLeft[i]--;
          mem[i] = model.reset();
          continue;
        }
        double vv = beta[i] * mem[i] + (1 - beta[i]) * (in + p.bias()[i]);
        double th = p.threshold()[i];
        if (vv > th) {
          s[i] = true;
          mem[i] = model.resetMode() == ResetMode.SUBTRACT ? vv - th : model.reset();
          refractoryLeft[i] = refractorySteps;
        } else {
          mem[i] = vv;
        }
      }
      return s;
    }
  }

  /** Agreement of two rasters {@code [t][cell]}. */
  public record Agreement(String population, long floatSpikes, long loihiSpikes, double matchedWithinOneStep,
      double rateCorrelation) {}

  /**
   * Spike-train agreement: the fraction of spikes matched one-to-one within ±1 step
   * ({@code 2·matched / (n_float + n_loihi)}, 1 when both are silent) and the Pearson correlation of
   * per-cell spike counts (1 when both are identical constants).
   */
  public static Agreement agreement(String population, boolean[][] a, boolean[][] b) {
    int steps = a.length;
    int n = steps == 0 ? 0 : a[0].length;
    long na = 0;
    long nb = 0;
    long matched = 0;
    double[] ca = new double[n];
    double[] cb = new double[n];
    for (int i = 0; i < n; i++) {
      boolean[] used = new boolean[steps];
      for (int t = 0; t < steps; t++) {
        if (b[t][i]) {
          nb++;
          cb[i]++;
        }
      }
      for (int t = 0; t < steps; t++) {
        if (!a[t][i]) {
          continue;
        }
        na++;
        ca[i]++;
        for (int dt : new int[] {0, -1, 1}) {
          int k = t + dt;
          if (k >= 0 && k < steps && b[k][i] && !used[k]) {
            used[k] = true;
            matched++;
            break;
          }
        }
      }
    }
    double match = na + nb == 0 ? 1.0 : 2.0 * matched / (na + nb);
    return new Agreement(population, na, nb, match, correlation(ca, cb));
  }

  static double correlation(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0) {
      return java.util.Arrays.equals(x, y) ? 1.0 : 0.0;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** Per-layer agreement of a run. */
  public static List<Agreement> agreements(NetxNetwork net, Result r) {
    return net.layers().stream()
        .map(l -> agreement(l.population(), r.floatSpikes()[l.index()], r.loihiSpikes()[l.index()])).toList();
  }
}
