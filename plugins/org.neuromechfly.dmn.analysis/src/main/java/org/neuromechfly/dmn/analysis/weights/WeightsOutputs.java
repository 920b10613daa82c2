package org.neuromechfly.dmn.analysis.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neuromechfly.dmn.analysis.Csv;
import org.neuromechfly.dmn.analysis.plot.Charts;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.engine.stats.Correlation;
import org.neuromechfly.dmn.analysis.stats.Shuffles;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * Writes a weights analysis into the run folder: {@value RunFolder#WEIGHTS_JSON} (everything, with the
 * method), {@value RunFolder#WEIGHTS_CSV} (one row per projection and per cell-type pair) and one
 * figure per projection ({@code weights-<projection>.png}: learned and untrained magnitudes against
 * synapse counts, and the shuffle null of Spearman's ρ with the observed values).
 */
public final class WeightsOutputs {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What the JSON says the statistics mean. */
  public static final String METHOD = "Spearman and Pearson correlation of learned weight magnitudes (e^gain x |raw|)"
      + " with connectome synapse counts, edge by edge. Controls: the same statistic for the untrained initial"
      + " magnitudes, and a degree-preserving shuffle that keeps the mask and permutes the counts among the input"
      + " edges of each postsynaptic cell (null mean, 2.5-97.5 % interval, one-sided p = (1 + #null >= observed) /"
      + " (1 + shuffles)). The interval of the learned statistic is a bootstrap over edges.";

  private WeightsOutputs() {}

  /** Writes JSON, CSV and figures; returns the files written. */
  public static List<Path> write(TrainedRun run, WeightsAnalysis.Result result, int shuffles, long seed) {
    RunFolder folder = run.folder();
    List<Path> written = new ArrayList<>();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("circuit", run.spec().name());
    json.put("parameters", run.parameterFile().getFileName().toString());
    json.put("shuffles", shuffles);
    json.put("seed", seed);
    json.put("method", METHOD);
    json.put("projections", result.projections());
    json.put("pairs", result.pairs());
    json.put("skipped", result.skipped());
    try {
      written.add(folder.writeText(RunFolder.WEIGHTS_JSON, JSON.writeValueAsString(json) + "\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    written.add(folder.writeText(RunFolder.WEIGHTS_CSV, csv(result)));
    for (WeightsAnalysis.EdgeValues v : result.edges()) {
      WeightsAnalysis.Row row = result.projections().stream().filter(r -> r.projection().equals(v.projection()))
          .findFirst().orElseThrow();
      written.add(figure(folder, v, row, shuffles, seed ^ v.projection().hashCode()));
    }
    return written;
  }

  static String csv(WeightsAnalysis.Result result) {
    StringBuilder b = new StringBuilder("level,projection,pre_type,post_type,edges,synapses,mean_learned,mean_untrained");
    for (String s : new String[] {"spearman", "pearson"}) {
      b.append(',').append(s).append("_learned,").append(s).append("_learned_ci_low,").append(s)
          .append("_learned_ci_high,").append(s).append("_null_mean,").append(s).append("_null_low,").append(s)
          .append("_null_high,").append(s).append("_p,").append(s).append("_untrained,").append(s).append("_untrained_p");
    }
    b.append('\n');
    for (WeightsAnalysis.Row r : result.projections()) {
      line(b, "projection", r);
    }
    for (WeightsAnalysis.Row r : result.pairs()) {
      line(b, "cell_type_pair", r);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String level, WeightsAnalysis.Row r) {
    b.append(level).append(',').append(Csv.text(r.projection())).append(',').append(Csv.text(r.preType())).append(',')
        .append(Csv.text(r.postType())).append(',').append(r.edges()).append(',').append(Csv.num(r.synapses())).append(',')
        .append(Csv.num(r.meanLearned())).append(',').append(Csv.num(r.meanUntrained()));
    for (WeightsAnalysis.Statistic s : new WeightsAnalysis.Statistic[] {r.spearman(), r.pearson()}) {
      b.append(',').append(Csv.num(s.learned())).append(',').append(Csv.num(s.learnedLow())).append(',')
          .append(Csv.num(s.learnedHigh())).append(',').append(Csv.num(s.learnedTest().nullMean())).append(',')
          .append(Csv.num(s.learnedTest().nullLow())).append(',').append(Csv.num(s.learnedTest().nullHigh())).append(',')
          .append(Csv.num(s.learnedTest().p())).append(',').append(Csv.num(s.untrained())).append(',')
          .append(Csv.num(s.untrainedTest().p()));
    }
    b.append('\n');
  }

  private static Path figure(RunFolder folder, WeightsAnalysis.EdgeValues v, WeightsAnalysis.Row row, int shuffles,
      long seed) {
    XYChart scatter = Charts.xy(v.projection() + ": weight magnitude vs synapse count", "synapses per pair",
        "weight magnitude", 760, 560);
    scatter.getStyler().setXAxisLogarithmic(true);
    scatter.getStyler().setMarkerSize(3);
    Charts.dots(scatter, "untrained", v.counts(), v.untrained(), Charts.UNTRAINED);
    Charts.dots(scatter, "learned", v.counts(), v.learned(), Charts.LEARNED);
    // the Spearman shuffles of the analysis: the same seed gives the same null
    double[] countRanks = Correlation.ranks(v.counts());
    double[] nulls = Shuffles.nullDistribution(Correlation.ranks(v.learned()), countRanks, v.target(),
        Correlation::pearson, shuffles, seed);
    double[] span = range(new double[] {range(nulls)[0], range(nulls)[1], row.spearman().learned(), row.spearman().untrained()});
    double low = Math.min(-0.1, span[0] - 0.05);
    double high = Math.max(0.1, span[1] + 0.05);
    XYChart histogram = Charts.xy("Spearman ρ against " + shuffles + " degree-preserving shuffles", "Spearman ρ",
        "shuffles", 560, 560);
    double[][] h = Charts.histogram(nulls, 40, low, high);
    Charts.line(histogram, "shuffled counts", h[0], h[1], Charts.UNTRAINED, 2f);
    double top = range(h[1])[1] * 1.05 + 1;
    vertical(histogram, String.format(Locale.ROOT, "untrained %.3f", row.spearman().untrained()),
        row.spearman().untrained(), top, Charts.REFERENCE);
    vertical(histogram, String.format(Locale.ROOT, "learned %.3f", row.spearman().learned()),
        row.spearman().learned(), top, Charts.LEARNED);
    return Charts.saveRow(folder.plot("weights", v.projection()), scatter, histogram);
  }

  private static void vertical(XYChart chart, String name, double x, double top, java.awt.Color color) {
    if (Double.isFinite(x)) {
      Charts.line(chart, name, new double[] {x, x}, new double[] {0, top}, color, 3f);
    }
  }

  /** Smallest and largest finite value, [0, 0] when there is none. */
  private static double[] range(double[] v) {
    var stats = java.util.Arrays.stream(v).filter(Double::isFinite).summaryStatistics();
    return stats.getCount() == 0 ? new double[] {0, 0} : new double[] {stats.getMin(), stats.getMax()};
  }




  /** Where the figure of a projection goes. */
  public static Path figureOf(RunFolder folder, String projection) {
    return folder.plot("weights", projection);
  }
}
