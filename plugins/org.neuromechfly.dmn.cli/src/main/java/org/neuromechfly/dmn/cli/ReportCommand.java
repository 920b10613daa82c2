package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.analysis.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn report RUN_DIR}: the run folder as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write RUN_DIR/report.html: summary, behaviour, losses, trajectories, model, rasters and the"
        + " analyses and recordings the folder holds, figures embedded (opens offline).")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder of dmn train")
  Path runDir;

  @Override
  public Integer call() {
    Path report = RunReport.write(runDir);
    spec.commandLine().getOut().println("report: " + report);
    return 0;
  }
}
