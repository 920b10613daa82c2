package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.analysis.activity.ActivityAnalysis;
import org.neuromechfly.dmn.analysis.activity.ActivityOutputs;
import org.neuromechfly.dmn.analysis.report.RunReport;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.connectome.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmn analyze activity RUN_DIR}: the trained circuit's activity against the fly's. */
@Command(name = "activity", mixinStandardHelpOptions = true,
    description = {"Runs the trained circuit walking (held-out starts) and under repeated odour pulses (intact and",
        "with APL silenced), and compares rates, KC sparseness, reliability, PN -> KC convergence and the APL effect",
        "per population and KC class with the cited ranges of cell_types.yaml (pass/warn).",
        "Writes activity.json, activity.csv and activity-*.png into RUN_DIR."})
final class AnalyzeActivityCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin AnalyzeCommand.RunOptions run;

  @Option(names = "--starts", paramLabel = "N", defaultValue = "16", description = "held-out starts walked (default: ${DEFAULT-VALUE})")
  int starts;

  @Option(names = "--trials", paramLabel = "N", defaultValue = "8", description = "odour-pulse trials (default: ${DEFAULT-VALUE})")
  int trials;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (starts < 1 || trials < 2) {
      throw new UserError("--starts must be at least 1 and --trials at least 2 (reliability compares trials)");
    }
    TrainedRun trained = run.open();
    out.println("activity of " + trained.spec().name() + " (" + trained.parameterFile().getFileName() + "): " + starts
        + " held-out starts walking, " + trials + " odour-pulse trials");
    out.flush();
    ReferenceData reference = ReferenceData.bundled();
    ActivityAnalysis.Result result = new ActivityAnalysis(reference, starts, trials, trained.spec().training().seed())
        .analyse(trained);
    int pass = 0;
    int warn = 0;
    for (ActivityAnalysis.Row r : result.rows()) {
      String range = r.low() == null ? "" : String.format(Locale.ROOT, "%.3g-%.3g", r.low(), r.high());
      out.printf(Locale.ROOT, "%-5s %-10s %-68s %10.4g %-8s %s%n", r.verdict(), r.cellType(), r.measure(), r.value(),
          r.unit(), range);
      pass += r.verdict() == ActivityAnalysis.Verdict.pass ? 1 : 0;
      warn += r.verdict() == ActivityAnalysis.Verdict.warn ? 1 : 0;
    }
    ActivityOutputs.write(trained, result, reference.kcSparsity());
    out.println(pass + " pass, " + warn + " warn; wrote activity.json, activity.csv and figures; report: "
        + RunReport.write(trained.folder().path()));
    out.flush();
    return 0;
  }
}
