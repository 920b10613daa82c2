package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmn analyze weights|activity RUN_DIR}: what a trained run means biologically. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyse a trained run against biology; results go into the run folder and its report.",
    subcommands = {AnalyzeWeightsCommand.class, AnalyzeActivityCommand.class})
final class AnalyzeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What both analyses take: the run, its data and which parameters. */
  static final class RunOptions {
    @CommandLine.Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder of dmn train")
    Path runDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "where connectome sources resolve (default: -Ddmn.data.dir, $DMN_DATA_DIR, ../shared/data)")
    Path dataDir;

    @Option(names = "--best", description = "analyse the best held-out checkpoint (best.json) instead of the end of"
        + " training (checkpoint.json)")
    boolean best;

    TrainedRun open() {
      DataDirectory data = dataDir == null ? DataDirectory.fromSystemProperty() : DataDirectory.of(dataDir);
      return TrainedRun.open(runDir, data, best ? TrainedRun.Checkpoint.BEST : TrainedRun.Checkpoint.LAST);
    }
  }
}
