package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.analysis.report.RunReport;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.analysis.weights.WeightsAnalysis;
import org.neuromechfly.dmn.analysis.weights.WeightsOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmn analyze weights RUN_DIR}: learned weights against synapse counts. */
@Command(name = "weights", mixinStandardHelpOptions = true,
    description = {"Learned weights against connectome synapse counts, per projection and cell-type pair:",
        "Spearman and Pearson correlation, with the untrained weights and degree-preserving shuffles of the counts",
        "as controls. Writes weights.json, weights.csv and weights-<projection>.png into RUN_DIR."})
final class AnalyzeWeightsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin AnalyzeCommand.RunOptions run;

  @Option(names = "--projection", paramLabel = "\"A -> B\"", description = "only this projection")
  String projection;

  @Option(names = "--shuffles", paramLabel = "N", defaultValue = "1000",
      description = "degree-preserving shuffles per projection (default: ${DEFAULT-VALUE}; 200 per cell-type pair)")
  int shuffles;

  @Option(names = "--min-pair-edges", paramLabel = "N", defaultValue = "" + WeightsAnalysis.MIN_PAIR_EDGES,
      description = "cell-type pairs with fewer edges get no row (default: ${DEFAULT-VALUE})")
  int minPairEdges;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "20261207", description = "seeds shuffles and bootstrap")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (shuffles < 10) {
      throw new UserError("--shuffles " + shuffles + " is too few for a 95 % interval; use at least 10 (default 1000)");
    }
    if (minPairEdges < 3) {
      throw new UserError("--min-pair-edges " + minPairEdges + " is too few for a correlation; use at least 3 (default "
          + WeightsAnalysis.MIN_PAIR_EDGES + ")");
    }
    TrainedRun trained = run.open();
    out.println("weights of " + trained.spec().name() + " (" + trained.parameterFile().getFileName() + ") against synapse"
        + " counts, " + shuffles + " degree-preserving shuffles");
    out.flush();
    WeightsAnalysis.Result result = new WeightsAnalysis(shuffles, Math.min(shuffles, 200), seed, minPairEdges)
        .analyse(trained, projection);
    out.printf(Locale.ROOT, "%-16s %7s  %-24s %-26s %-8s %-10s%n", "projection", "edges", "Spearman learned [CI]",
        "shuffled mean [95 %]", "p", "untrained");
    for (WeightsAnalysis.Row r : result.projections()) {
      var s = r.spearman();
      out.printf(Locale.ROOT, "%-16s %7d  %6.3f [%6.3f, %6.3f]    %6.3f [%6.3f, %6.3f]    %-8s %6.3f%n", r.projection(),
          r.edges(), s.learned(), s.learnedLow(), s.learnedHigh(), s.learnedTest().nullMean(), s.learnedTest().nullLow(),
          s.learnedTest().nullHigh(), p(s.learnedTest().p()), s.untrained());
    }
    result.skipped().forEach((label, why) -> out.println("  not analysed: " + label + " " + why));
    WeightsOutputs.write(trained, result, shuffles, seed);
    out.println("wrote weights.json, weights.csv and " + result.edges().size() + " figure(s); report: "
        + RunReport.write(trained.folder().path()));
    out.flush();
    return 0;
  }

  private static String p(double p) {
    return !Double.isFinite(p) ? "-" : p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
