package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.sweep.SparkSweep;
import org.neuromechfly.dmn.sweep.SweepFolder;
import org.neuromechfly.dmn.sweep.SweepOptions;
import org.neuromechfly.dmn.sweep.SweepPlan;
import org.neuromechfly.dmn.sweep.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmn sweep FILE}: trains the model once per combination of the values of its sweep (the
 * model's {@code sweep} block, {@code --set}, {@code --seeds}) as Spark tasks, embedded ({@code local[*]})
 * or on a cluster, and writes one table and one report over all runs.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = {
    "Train a sweep or ensemble of runs of a model on Apache Spark (embedded, or a cluster with --master):",
    "one run per combination of the values of the model's 'sweep { vary … }' block and of --set/--seeds.",
    "Writes DIR/results.csv, DIR/results.parquet, DIR/report.html and one run folder per run under DIR/runs."})
final class SweepCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the .circuit file (not with --resume)")
  Path file;

  @Option(names = "--set", paramLabel = "SETTING=VALUES", description = {"vary a setting (adds to or replaces the"
      + " model's axis): values as a list or range, e.g. loss.energy=0.01,0.1,1  KC.tau_mem=10ms,20ms",
      "  training.lr=0.001..0.1log3  task.max_speed=20mm/s..40mm/s every 10mm/s"})
  List<String> sets = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "RANGE", description = "vary training.seed, e.g. 1..8 or 1,2,42")
  String seeds;

  @Option(names = "--episodes", paramLabel = "N", description = "override every run's number of episodes")
  Integer episodes;

  @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: sweeps/<circuit>, or sweeps/<circuit>-2, …)")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR", description = "continue the sweep in DIR: finished runs are kept"
      + " (their summaries exist and match the run's hash), interrupted ones continue from their checkpoints")
  Path resume;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default: embedded, every"
      + " core), local[N], or a cluster's spark://HOST:PORT whose workers see this installation and DIR at the same paths")
  String master;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "threads per run (and cores Spark"
      + " reserves per task; default ${DEFAULT-VALUE}); results do not depend on it")
  int threads;

  @Option(names = "--parallel", paramLabel = "N", description = "runs at once in local mode (default: cores / threads)")
  Integer parallel;

  @Option(names = "--max-attempts", paramLabel = "N", description = "attempts per run before it is recorded as"
      + " failed (default: Spark's, 1 in local mode, 4 on a cluster)")
  Integer maxAttempts;

  @Option(names = "--executor-memory", paramLabel = "SIZE", description = "memory per executor on a cluster (default 4g)")
  String executorMemory;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "where connectome sources resolve (default:"
      + " -Ddmn.data.dir, $DMN_DATA_DIR, ../shared/data)")
  Path dataDir;

  @Option(names = "--yes", description = "start a sweep of more than " + org.neuromechfly.dmn.circuit.validation.SweepChecks.LARGE + " runs")
  boolean yes;

  @Option(names = "--dry-run", description = "plan and validate every run, print the plan, train nothing")
  boolean dryRun;

  @Option(names = "--no-progress", description = "no progress bar: a line per finished run and a progress line a minute")
  boolean noProgress;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    SweepFolder folder;
    if (resume != null) {
      if (file != null || !sets.isEmpty() || seeds != null || episodes != null || this.out != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resume continues the sweep planned in "
            + resume + "/" + SweepFolder.PLAN + ": FILE, --set, --seeds, --episodes and --out cannot change it");
      }
      folder = SweepFolder.existing(resume);
      out.println("resuming " + folder + " (" + folder.plan().runs().size() + " runs)");
    } else {
      if (file == null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the .circuit FILE to sweep, or --resume DIR");
      }
      SweepPlan plan = new SweepPlanner(new ModelWorkspace(), err).plan(file, sets, seeds, episodes, yes);
      if (plan == null) {
        return 1;
      }
      out.printf(Locale.ROOT, "%s: %d runs varying %s%n", plan.circuit(), plan.runs().size(),
          String.join(" × ", plan.axes().stream().map(a -> a.setting() + " {" + String.join(", ", a.values()) + "}").toList()));
      if (dryRun) {
        plan.runs().forEach(r -> out.println("  " + r.id() + "  " + r.describe() + "  seed " + r.seed()));
        out.flush();
        return 0;
      }
      folder = this.out != null ? SweepFolder.forNew(this.out, plan) : SweepFolder.fresh(Path.of("sweeps"), plan.circuit());
      plan.write(folder.file(SweepFolder.PLAN));
    }
    DataDirectory data = dataDir == null ? DataDirectory.fromSystemProperty() : DataDirectory.of(dataDir);
    SweepOptions options = new SweepOptions(master, threads, parallel, maxAttempts, data.root(), executorMemory, 60);
    out.println("sweep folder: " + folder + " (Spark " + options.master() + ", " + threads + " thread(s) per run)");
    out.flush();
    SweepResult result;
    try (ConsoleSweepListener console = new ConsoleSweepListener(out, noProgress)) {
      result = SparkSweep.run(folder, options, console);
    }
    out.printf(Locale.ROOT, "done: %d of %d runs completed, %d failed; %s with up to %d run(s) in parallel (%s)%n",
        result.rows().size() - result.failed(), result.rows().size(), result.failed(), SparkSweep.duration(result.seconds()),
        result.slots(), result.master());
    out.println("table: " + folder.file(SweepFolder.CSV) + " and " + folder.file(SweepFolder.PARQUET));
    out.println("report: " + folder.file(SweepFolder.REPORT));
    if (result.failed() > 0) {
      err.println(result.failed() + " run(s) failed (errors in the table and the report); dmn sweep --resume " + folder
          + " trains them again");
    }
    out.flush();
    err.flush();
    return result.failed() == 0 ? 0 : 1;
  }
}
