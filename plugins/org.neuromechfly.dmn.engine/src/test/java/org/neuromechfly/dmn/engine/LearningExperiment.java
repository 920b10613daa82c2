package org.neuromechfly.dmn.engine;

import java.util.Locale;
import java.util.Map;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.train.EpisodeReport;
import org.neuromechfly.dmn.engine.train.Evaluation;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.Trainer;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.SurrogateKind;

/** Trains the olfactory circuit for a wall-clock budget and prints held-out success (a manual experiment). */
public final class LearningExperiment {
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int steps = Integer.parseInt(arg(args, 0, "1000"));
    int episodes = Integer.parseInt(arg(args, 1, "300"));
    boolean lh = Boolean.parseBoolean(arg(args, 2, "true"));
    double lr = Double.parseDouble(arg(args, 3, "1e-2"));
    long seed = Long.parseLong(arg(args, 4, "42"));
    int threads = Integer.parseInt(arg(args, 5, "2"));
    double gain = Double.parseDouble(arg(args, 6, "10"));
    int curriculum = Integer.parseInt(arg(args, 7, "0"));
    double speed = Double.parseDouble(arg(args, 8, "300"));
    CircuitSpec spec = OlfactoryCircuit.spec(steps, 16, episodes, lr, lh, seed, speed);
    TrainOptions options = TrainOptions.builder().episodes(episodes).threads(threads).world(WorldSettings.defaults().toBuilder().ornGain(gain).build())
        .network(NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5))).curriculumEpisodes(curriculum)
        .rateTargets(Map.of()).build();
    long t0 = System.nanoTime();
    try (Trainer trainer = new Trainer(spec, OlfactoryCircuit.wiring(spec, seed), options, Engines.of(ExecutionEngine.FUSED), null,
        new TrainingListener() {
      @Override
      public void episode(EpisodeReport r) {
        if (r.episode() % 5 == 0) {
          System.out.printf("ep %d loss %.4f %s |g| %.3f %.2fs %s%n", r.episode(), r.loss(), r.components(),
              r.gradientNorm(), r.seconds(), r.measures());
        }
      }

      @Override
      public void evaluated(int episode, double success, double closest) {
        System.out.printf("EVAL ep %d held-out success %.3f closest %.1f mm  t=%.0fs%n", episode, success,
            closest * 1000, (System.nanoTime() - t0) / 1e9);
      }
    })) {
      Evaluation before = trainer.evaluate(trainer.heldOutStarts());
      System.out.printf("EVAL untrained success %.3f closest %.1f mm %s (%.1fs)%n", before.metrics().success(),
          before.metrics().closestApproach() * 1000, before.measures(), (System.nanoTime() - t0) / 1e9);
      trainer.train();
    }
  }

  private static String arg(String[] a, int i, String d) {
    return a.length > i ? a[i] : d;
  }
}
