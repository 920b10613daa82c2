package org.neuromechfly.dmn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.TrainOptions;
import org.neuromechfly.dmn.engine.TrainingResult;
import org.neuromechfly.dmn.engine.TrainingRun;
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
      "${COMPLETION-CANDIDATES}; the model's 'engine' setting by default.",
      "fused: the hand-written BPTT kernel.",
      "samediff: the same model and gradients through ND4J SameDiff, one graph of a sensorimotor-delay"
          + " chunk run chunk by chunk with exact BPTT across chunks. Very slow: the example takes ~20 s per"
          + " episode against ~1 s on an idle 2-core machine, minutes when it is busy. No refractory"
          + " periods. See the engine README."})
  ExecutionEngine engine;

  @Mixin DataDirOption dataDir;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "batch shards trained in parallel (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--no-progress", description = "no progress bar (for logs)")
  boolean noProgress;

  @Option(names = "--emit-samediff", paramLabel = "FILE", description = "save the model's SameDiff training graph (FlatBuffers) and exit without training")
  Path sameDiffGraph;

  @Option(names = "--samediff-window", paramLabel = "STEPS", defaultValue = "50", description = "time steps unrolled in the saved graph (default: ${DEFAULT-VALUE}; the graph grows with it)")
  int sameDiffWindow;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    DataDirectory data = dataDir.directory();
    var circuit = new ModelWorkspace(data).compileOrFail(file, err, "not trained");
    requireMemory(circuit);
    out.println("wiring " + circuit.name() + " (" + circuit.neuronCount() + " neurons)");
    out.flush();
    CircuitWiring wiring = CircuitWiringBuilder.build(circuit, data);
    out.printf(Locale.ROOT, "  %,d synapses in %d projections%n", wiring.edgeCount(), wiring.projections().size());
    if (sameDiffGraph != null) {
      out.println("building the SameDiff training graph over " + sameDiffWindow + " steps...");
      out.flush();
      org.neuromechfly.dmn.engine.samediff.TrainingGraphExport.save(wiring, sameDiffWindow, circuit.training().batch(), sameDiffGraph);
      out.println("wrote " + sameDiffGraph);
      out.flush();
      return 0;
    }
    Path runDir = resume != null ? (outDir == null ? resume : outDir) : chooseRunDir(circuit.name());
    if (resume != null && !Files.isRegularFile(resume.resolve("checkpoint.json"))) {
      throw new UserError(resume + ": no checkpoint.json to resume from");
    }
    TrainOptions options = TrainOptions.of(runDir)
        .withEpisodes(episodes)
        .withResume(resume)
        .withEngine(engine)
        .withThreads(threads)
        .withProgressBar(!noProgress);
    out.println("training into " + options.outDir());
    out.flush();
    TrainingResult result = TrainingRun.train(wiring, options, new ConsoleTrainingListener(out, noProgress));
    out.printf(Locale.ROOT, "done: %d episodes, %.2f s/episode, final loss %.4f%n", result.episodes(), result.secondsPerEpisode(), result.finalLoss());
    out.printf(Locale.ROOT, "held-out success %.1f %% -> %.1f %% (closest approach %.1f mm)%n",
        100 * result.successBefore(), 100 * result.successAfter(), 1000 * result.closestApproachAfter());
    out.println("run folder: " + result.runDir() + " (summary.txt, history.csv, loss.png, checkpoint.json)");
    out.flush();
    return 0;
  }

  /** Refuses, before anything is allocated, a model whose training this Java VM cannot hold. */
  private void requireMemory(org.neuromechfly.dmn.model.CircuitSpec circuit) {
    var footprint = TrainingFootprint.of(circuit, threads);
    long available = TrainingFootprint.availableHeap();
    if (!footprint.arraysFit() || !footprint.fitsIn(available)) {
      throw new UserError(file + ": not trained: training needs about " + TrainingFootprint.size(footprint.bytes())
          + " of memory (largest array: " + footprint.largestArrayOwner() + "), but this Java VM may use "
          + TrainingFootprint.size(available) + ". Reduce the batch or the steps, or give Java more memory (e.g. DMN_JAVA_OPTS=-Xmx32g).");
    }
  }

  /** A fresh run folder: never overwrite an earlier run's results. */
  private Path chooseRunDir(String name) throws java.io.IOException {
    if (outDir != null) {
      Path parent = outDir.toAbsolutePath().normalize().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UserError("the folder " + parent + " does not exist; create it first (dmn creates only the run folder itself)");
      }
      try (var entries = Files.list(outDir)) {
        if (entries.findAny().isPresent()) {
          throw new UserError(Files.isRegularFile(outDir.resolve("checkpoint.json"))
              ? outDir + " already holds a run; use --resume " + outDir + " to continue it, or another --out"
              : outDir + " is not empty; a new run needs an empty or new folder: choose another --out, or leave --out out"
                  + " for a fresh runs/<circuit>-N folder");
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // a new folder: fine
      }
      return outDir;
    }
    Path base = Path.of("runs", name);
    Path candidate = base;
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = Path.of("runs", name + "-" + i);
    }
    return candidate;
  }
}
