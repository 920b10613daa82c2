package org.neuromechfly.dmn.analysis.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neuromechfly.dmn.analysis.run.AnalysisException;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.engine.stats.Correlation;
import org.neuromechfly.dmn.analysis.stats.Shuffles;
import org.neuromechfly.dmn.analysis.CellTypeGroups;
import org.neuromechfly.dmn.connectome.graph.EdgeList;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.connectome.wiring.ProjectionWiring;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Projection;

/**
 * Learned weights against the connectome's synapse counts, for every trained projection that has
 * counts: Spearman and Pearson correlation of the learned weight magnitudes with the counts, beside
 * the same statistic for the untrained initial weights, each tested against degree-preserving
 * shuffles of the counts ({@link Shuffles}); the same per pair of cell types (KC subtypes pooled into
 * their classes γ, α/β, α′/β′).
 */
public final class WeightsAnalysis {
  /** Smallest number of edges for a cell-type pair to get a row, unless the analysis is told otherwise. */
  public static final int MIN_PAIR_EDGES = 20;

  private final int shuffles;
  private final int pairShuffles;
  private final long seed;
  private final int minPairEdges;

  /**
   * @param shuffles shuffles per projection (the null and its interval)
   * @param pairShuffles shuffles per cell-type pair
   * @param seed seeds shuffles and bootstrap (same seed, same report)
   */
  public WeightsAnalysis(int shuffles, int pairShuffles, long seed) {
    this(shuffles, pairShuffles, seed, MIN_PAIR_EDGES);
  }

  /**
   * @param minPairEdges smallest number of edges for a cell-type pair to get a row (a correlation over
   *     fewer edges says little; small circuits may ask for less)
   */
  public WeightsAnalysis(int shuffles, int pairShuffles, long seed, int minPairEdges) {
    if (minPairEdges < 3) {
      throw new IllegalArgumentException("a cell-type pair needs at least 3 edges for a correlation, not " + minPairEdges);
    }
    this.shuffles = shuffles;
    this.pairShuffles = pairShuffles;
    this.seed = seed;
    this.minPairEdges = minPairEdges;
  }

  /** One statistic of learned and of untrained weights, each against the shuffles. */
  public record Statistic(
      double learned, double learnedLow, double learnedHigh, Shuffles.Test learnedTest, double untrained,
      Shuffles.Test untrainedTest) {}

  /** One projection's (or one cell-type pair's) row. */
  public record Row(
      String projection, String preType, String postType, int edges, double synapses, double meanLearned,
      double meanUntrained, Statistic spearman, Statistic pearson) {}

  /** The values one row is computed from, edge by edge. */
  public record EdgeValues(
      String projection, double[] counts, double[] untrained, double[] learned, int[] target, String[] preGroup,
      String[] postGroup) {}

  /**
   * The analysis of a run.
   *
   * @param projections one row per analysed projection
   * @param pairs one row per cell-type pair with at least the minimum number of edges ({@value #MIN_PAIR_EDGES} unless told otherwise)
   * @param skipped projections not analysed, with why
   * @param edges the per-edge values of each analysed projection (for plots)
   */
  public record Result(List<Row> projections, List<Row> pairs, Map<String, String> skipped, List<EdgeValues> edges) {}

  /**
   * Analyses {@code only} (a projection label such as {@code PN -> KC}) or, when null, every trained
   * projection with synapse counts.
   *
   * @throws AnalysisException when {@code only} names no projection, or one without counts or training
   */
  public Result analyse(TrainedRun run, String only) {
    List<Row> rows = new ArrayList<>();
    List<Row> pairs = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    List<EdgeValues> values = new ArrayList<>();
    boolean found = false;
    for (ProjectionWiring wiring : run.wiring().projections()) {
      String label = wiring.label();
      if (only != null && !only.equals(label)) {
        continue;
      }
      found = true;
      Optional<String> why = whyNot(wiring);
      if (why.isPresent()) {
        if (only != null) {
          throw new AnalysisException("projection " + label + " " + why.get()
              + "; analyse one of " + analysable(run) + ".");
        }
        skipped.put(label, why.get());
        continue;
      }
      EdgeValues v = edgeValues(run, wiring);
      values.add(v);
      long projectionSeed = seed ^ label.hashCode();
      rows.add(row(label, "all", "all", v.counts, v.untrained, v.learned, v.target, shuffles, projectionSeed));
      pairs.addAll(pairRows(v, projectionSeed));
    }
    if (only != null && !found) {
      throw new AnalysisException("circuit " + run.spec().name() + " has no projection '" + only + "'; it has "
          + run.wiring().projections().stream().map(ProjectionWiring::label).toList() + ".");
    }
    return new Result(rows, pairs, skipped, values);
  }

  private static List<String> analysable(TrainedRun run) {
    return run.wiring().projections().stream().filter(w -> whyNot(w).isEmpty()).map(ProjectionWiring::label).toList();
  }

  /** Why a projection cannot be compared with synapse counts, if it cannot. */
  static Optional<String> whyNot(ProjectionWiring wiring) {
    Projection p = wiring.projection();
    if (p.connectivity() instanceof Connectivity.Glomerular g && g.map() != null) {
      return Optional.of("has no connectome synapse counts: it is wired by glomerulus ('glomerular by " + g.map()
          + "'), and the glomerulus tables hold no synapses");
    }
    if (!(p.connectivity() instanceof Connectivity.FromConnectome)) {
      String rule = p.connectivity() instanceof Connectivity.Dense ? "dense"
          : p.connectivity() instanceof Connectivity.RandomFanIn ? "random fan_in"
          : p.connectivity() instanceof Connectivity.OneToOne ? "one_to_one" : "glomerular";
      return Optional.of("has no connectome synapse counts: its wiring comes from the rule '" + rule
          + "', not from a connectome");
    }
    if (!p.learnable()) {
      return Optional.of("is fixed (not trained), so its weights are its initial ones");
    }
    if (wiring.sign() == 0) {
      return Optional.of("is modulatory and has no fast weights");
    }
    return Optional.empty();
  }

  private static EdgeValues edgeValues(TrainedRun run, ProjectionWiring wiring) {
    EdgeList edges = wiring.edges();
    int n = edges.edgeCount();
    String label = wiring.label();
    double[] raw = run.parameters().get("w:" + label);
    double[] gain = run.parameters().get("gain:" + label);
    double scale = gain == null ? 1 : Math.exp(gain[0]);
    double[] counts = new double[n];
    double[] untrained = new double[n];
    double[] learned = new double[n];
    float[] synapses = edges.synapses();
    float[] initial = wiring.initialMagnitudes();
    for (int e = 0; e < n; e++) {
      counts[e] = synapses[e];
      untrained[e] = initial[e];
      learned[e] = scale * Math.abs(raw[e]);
    }
    int[] target = edges.targetIndex();
    int[] source = edges.sourceIndex();
    String[] pre = groups(run, wiring.projection().source(), edges.sourceCount());
    String[] post = groups(run, wiring.projection().target(), edges.targetCount());
    String[] preGroup = new String[n];
    String[] postGroup = new String[n];
    for (int e = 0; e < n; e++) {
      preGroup[e] = pre[source[e]];
      postGroup[e] = post[target[e]];
    }
    return new EdgeValues(label, counts, untrained, learned, target, preGroup, postGroup);
  }

  /** The cell-type group of each cell of a population (its type; KC subtypes pooled into classes). */
  private static String[] groups(TrainedRun run, String population, int cells) {
    String[] g = new String[cells];
    Optional<PopulationCells> known = run.wiring().cells(population);
    for (int i = 0; i < cells; i++) {
      g[i] = known.isPresent() ? CellTypeGroups.group(known.get().types()[i]) : population;
    }
    return g;
  }

  private List<Row> pairRows(EdgeValues v, long projectionSeed) {
    Map<String, List<Integer>> byPair = new TreeMap<>();
    for (int e = 0; e < v.counts.length; e++) {
      byPair.computeIfAbsent(v.preGroup[e] + "\u0000" + v.postGroup[e], k -> new ArrayList<>()).add(e);
    }
    List<Row> rows = new ArrayList<>();
    for (var entry : byPair.entrySet()) {
      List<Integer> idx = entry.getValue();
      if (idx.size() < minPairEdges) {
        continue;
      }
      String[] names = entry.getKey().split("\u0000", -1);
      double[] c = new double[idx.size()];
      double[] u = new double[idx.size()];
      double[] l = new double[idx.size()];
      int[] t = new int[idx.size()];
      for (int i = 0; i < idx.size(); i++) {
        int e = idx.get(i);
        c[i] = v.counts[e];
        u[i] = v.untrained[e];
        l[i] = v.learned[e];
        t[i] = v.target[e];
      }
      rows.add(row(v.projection, names[0], names[1], c, u, l, t, pairShuffles, projectionSeed ^ entry.getKey().hashCode()));
    }
    return rows;
  }

  private static Row row(String projection, String pre, String post, double[] counts, double[] untrained,
      double[] learned, int[] target, int shuffles, long seed) {
    double[] countRanks = Correlation.ranks(counts);
    Statistic spearman = statistic(Correlation.ranks(learned), Correlation.ranks(untrained), countRanks, target,
        shuffles, seed, learned, counts, true);
    Statistic pearson = statistic(learned, untrained, counts, target, shuffles, seed + 1, learned, counts, false);
    return new Row(projection, pre, post, counts.length, sum(counts), mean(learned), mean(untrained), spearman,
        pearson);
  }

  /**
   * Spearman is Pearson on ranks, and permuting counts permutes their ranks, so the shuffles permute
   * the rank vector directly; the bootstrap interval re-ranks each resample.
   */
  private static Statistic statistic(double[] learned, double[] untrained, double[] counts, int[] target,
      int shuffles, long seed, double[] rawLearned, double[] rawCounts, boolean spearman) {
    Shuffles.Statistic pearson = Correlation::pearson;
    Shuffles.Test learnedTest = Shuffles.test(learned, counts, target, pearson, shuffles, seed);
    Shuffles.Test untrainedTest = Shuffles.test(untrained, counts, target, pearson, shuffles, seed);
    double[] ci = Shuffles.bootstrapInterval(rawLearned, rawCounts,
        spearman ? Correlation::spearman : pearson, Math.max(100, shuffles / 5), seed + 7);
    return new Statistic(learnedTest.observed(), ci[0], ci[1], learnedTest, untrainedTest.observed(), untrainedTest);
  }

  private static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : sum(v) / v.length;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
