package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.TrainingResult;
import org.neuromechfly.dmn.engine.TrainingRun;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.TrainingFootprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmn train FILE}: validates, wires (connectome data or the seeded synthetic generator) and
 * trains by BPTT, writing a run folder with checkpoints, history, plots and a summary.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a circuit end to end by backpropagation through time.")
final class TrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the .circuit file")
  Path file;

  @Option(names = "--episodes", paramLabel = "N", description = "override the model's number of episodes")
  Integer episodes;

  @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<circuit>, or runs/<circuit>-2, … if taken)")
  Path outDir;

  @Option(names = "--resume", paramLabel = "DIR", description = "continue the run in DIR from its last checkpoint")
  Path resume;

  @Option(names = "--engine", paramLabel = "ENGINE", description = {
      "${COMPLETION-CANDIDATES}; the model's engine unless given. fused: the hand-written BPTT kernel.",
      "samediff: the same model and gradients through ND4J SameDiff, one graph of a sensorimotor-delay"
          + " chunk run chunk by chunk with exact BPTT across chunks. Very slow: the example takes ~20 s per"
          + " episode against ~1 s on an idle 2-core machine, minutes when it is busy. See the engine README."})
  ExecutionEngine engine;

  @Mixin DataDirOption dataDir;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: every core); the"
      + " batch is always split into the same shards, so results do not depend on it")
  Integer threads;

  @Option(names = "--no-progress", description = "no progress bar (for logs)")
  boolean noProgress;

  @Option(names = "--emit-samediff", paramLabel = "FILE", description = "save the model's SameDiff training graph"
      + " (FlatBuffers: the chunk graph the SameDiff engine trains with, initial parameters) and exit without training")
  Path sameDiffGraph;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    DataDirectory data = dataDir.directory();
    var circuit = new ModelWorkspace(data).compileOrFail(file, err, "not trained");
    requireMemory(circuit);
    if (circuit.sweep() != null) {
      out.println("note: " + file + " declares a sweep of " + circuit.sweep().runCount() + " runs (dmn sweep " + file
          + " trains them); training the model as written");
    }
    // the run folder first: a folder that cannot take the run is refused before minutes of wiring
    RunFolder folder = resume == null
        ? (outDir == null ? RunFolder.fresh(Path.of("runs"), circuit.name()) : RunFolder.empty(newFolder(outDir)))
        : (outDir == null ? RunFolder.resumable(resume) : RunFolder.empty(newFolder(outDir)));
    out.println("wiring " + circuit.name() + " (" + circuit.neuronCount() + " neurons)");
    out.flush();
    CircuitWiring wiring = CircuitWiringBuilder.build(circuit, data);
    out.printf(Locale.ROOT, "  %,d synapses in %d projections%n", wiring.edgeCount(), wiring.projections().size());
    requireMemoryOnceWired(circuit, wiring);
    if (sameDiffGraph != null) {
      out.println("building the SameDiff training graph...");
      out.flush();
      int chunk = org.neuromechfly.dmn.engine.samediff.TrainingGraphExport.save(wiring, sameDiffGraph);
      out.println("wrote " + sameDiffGraph + " (one chunk of " + chunk + " steps; an episode runs it with the state passed on)");
      out.flush();
      return 0;
    }
    TrainOptions.Builder builder = TrainOptions.builder()
        .episodes(episodes)
        .resumeFrom(resume == null ? null : RunFolder.resumable(resume).path())
        .engine(engine);
    if (threads != null) {
      builder.threads(threads);
    }
    TrainOptions options = builder.build();
    out.println("training into " + folder);
    out.flush();
    TrainingResult result;
    try (ConsoleTrainingListener console = new ConsoleTrainingListener(out, noProgress)) {
      result = TrainingRun.train(wiring, folder, options, console);
    }
    out.printf(Locale.ROOT, "done: %d episodes, %.2f s/episode, final loss %.4f%n", result.episodes(), result.secondsPerEpisode(), result.finalLoss());
    out.printf(Locale.ROOT, "held-out success %.1f %% -> %.1f %% (closest approach %.1f mm)%n",
        100 * result.successBefore(), 100 * result.successAfter(), 1000 * result.closestApproachAfter());
    result.measures().forEach((k, v) -> {
      if (k.startsWith("active:")) {
        out.printf(Locale.ROOT, "%s active per 100 ms: %.1f %%%n", k.substring("active:".length()), 100 * v);
      }
    });
    out.println("run folder: " + result.runDir() + " (summary.txt, behaviour.json: the walking of the held-out flies"
        + " beside real flies', trajectories-after.png, history.csv, loss.png, checkpoint.json)");
    out.println("report: " + org.neuromechfly.dmn.analysis.AfterTraining.write(result.runDir(), wiring));
    out.flush();
    return 0;
  }

  /** Refuses, before anything is allocated, a model whose training this Java VM cannot hold. */
  private void requireMemory(CircuitSpec circuit) {
    // every shard holds a copy of the network, however many threads (--threads, or every core) run them
    var footprint = TrainingFootprint.of(circuit, TrainOptions.shardsFor(circuit.training().batch()));
    long available = TrainingFootprint.availableHeap();
    if (!footprint.arraysFit() || !footprint.fitsIn(available)) {
      throw new UserError(file + ": not trained: training needs about " + TrainingFootprint.size(footprint.bytes())
          + " of memory (largest array: " + footprint.largestArrayOwner() + "), but this Java VM may use "
          + TrainingFootprint.size(available) + ". Reduce the batch or the steps, or give Java more memory (e.g. DMN_JAVA_OPTS=-Xmx32g).");
    }
  }

  /**
   * Refuses, once the data is read and before the network is allocated, a model whose connectome
   * projections make it too large: the first estimate could not count their synapses (a whole brain's
   * weights, gradients and moments are over a gigabyte).
   */
  private void requireMemoryOnceWired(CircuitSpec circuit, CircuitWiring wiring) {
    Map<String, Long> synapses = new HashMap<>();
    wiring.projections().forEach(p -> synapses.merge(p.projection().label(), (long) p.edges().edgeCount(), Long::sum));
    var footprint = TrainingFootprint.ofWired(circuit, TrainOptions.shardsFor(circuit.training().batch()), synapses);
    long available = TrainingFootprint.availableHeap();
    if (!footprint.arraysFit() || !footprint.fitsIn(available)) {
      throw new UserError(file + ": not trained: with its " + String.format(Locale.ROOT, "%,d", wiring.edgeCount())
          + " synapses as wired from the data, training needs about " + TrainingFootprint.size(footprint.bytes())
          + " of memory (largest array: " + footprint.largestArrayOwner() + "), but this Java VM may use "
          + TrainingFootprint.size(available) + ". Select fewer neurons or synapses (e.g. a higher min_synapses),"
          + " reduce the batch or the steps, or give Java more memory (e.g. DMN_JAVA_OPTS=-Xmx32g).");
    }
  }

  /** {@code --out DIR}: the run folder is created, but never a chain of missing folders above it. */
  private static Path newFolder(Path dir) {
    Path parent = dir.toAbsolutePath().normalize().getParent();
    if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
      throw new UserError("the folder " + parent + " does not exist; create it first (dmn creates only the run folder itself)");
    }
    return dir;
  }
}
