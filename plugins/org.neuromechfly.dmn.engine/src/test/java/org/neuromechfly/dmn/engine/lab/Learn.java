package org.neuromechfly.dmn.engine.lab;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.neuromechfly.dmn.engine.Engines;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.train.EpisodeReport;
import org.neuromechfly.dmn.engine.train.Evaluation;
import org.neuromechfly.dmn.engine.train.RateCalibration;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.Trainer;
import org.neuromechfly.dmn.engine.train.TrainingListener;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.TrainingSpec;

/** Trains the golden example circuit with key=value overrides and prints held-out success (manual). */
public final class Learn {
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      String[] kv = a.split("=", 2);
      o.put(kv[0], kv[1]);
    }
    CircuitSpec spec = GoldenCircuit.spec();
    long seed = Long.parseLong(o.getOrDefault("seed", "42"));
    int episodes = Integer.parseInt(o.getOrDefault("episodes", "60"));
    double lr = Double.parseDouble(o.getOrDefault("lr", "0.01"));
    int steps = Integer.parseInt(o.getOrDefault("steps", "1000"));
    double budget = Double.parseDouble(o.getOrDefault("budget", "600"));
    spec = Specs.with(spec, steps, episodes, lr, seed, o);
    WorldSettings ws = WorldSettings.defaults();
    if (o.containsKey("gain")) {
      ws = ws.toBuilder().ornGain(Double.parseDouble(o.get("gain"))).build();
    }
    if (o.containsKey("adapt")) {
      ws = ws.toBuilder().adaptationTau(Double.parseDouble(o.get("adapt"))).build();
    }
    if (o.containsKey("turnGain")) {
      ws = ws.toBuilder().turnGain(Double.parseDouble(o.get("turnGain"))).build();
    }
    if (o.containsKey("loss")) {
      String[] l = o.get("loss").split(",");
      ws = ws.toBuilder().goalBonus(Double.parseDouble(l[0])).awayPenalty(Double.parseDouble(l[1])).finalDistance(Double.parseDouble(l[2])).build();
    }
    TrainingSpec t = spec.training();
    TrainOptions options = TrainOptions.builder().episodes(episodes).threads(Integer.parseInt(o.getOrDefault("threads", "1"))).world(ws)
        .network(NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope())))
        .curriculumEpisodes(Integer.parseInt(o.getOrDefault("curriculum", "0"))).rateTargets(Map.of()).build();
    long t0 = System.nanoTime();
    final CircuitSpec run = spec;
    final Trainer[] trainerRef = new Trainer[1];
    try (Trainer trainer = new Trainer(spec, Specs.wiring(spec, o), options, Engines.of(ExecutionEngine.FUSED), null,
        new TrainingListener() {
      @Override
      public void episode(EpisodeReport r) {
        if (r.episode() % 5 == 0) {
          StringBuilder sc = new StringBuilder();
          for (var p : trainerRef[0].master().parameters().all()) {
            if (p.size() == 1 && p.learnable()) {
              sc.append(String.format(" %s=%.3f", p.name(), p.value()[0]));
            }
          }
          System.out.println("  params" + sc);
          System.out.printf("ep %d loss %.4f %s |g| %.3f %.2fs %s%n", r.episode(), r.loss(), r.components(),
              r.gradientNorm(), r.seconds(), r.measures());
        }
        if ((System.nanoTime() - t0) / 1e9 > budget) {
          throw new IllegalStateException("budget");
        }
      }

      @Override
      public void evaluated(int episode, double success, double closest) {
        System.out.printf("EVAL ep %d held-out success %.3f closest %.1f mm  t=%.0fs%n", episode, success,
            closest * 1000, (System.nanoTime() - t0) / 1e9);
      }
    })) {
      trainerRef[0] = trainer;
      if (!o.getOrDefault("calibrate", "").isEmpty()) {
        Map<String, Double> targets = new LinkedHashMap<>();
        for (String kv : o.get("calibrate").split(",")) {
          String[] p = kv.split(":");
          targets.put(p[0], Double.parseDouble(p[1]));
        }
        System.out.println("calibration " + RateCalibration.calibrate(trainer.master(), run, ws, targets, seed));
        trainer.resynchronise();
      }
      System.out.printf("setup %.1fs%n", (System.nanoTime() - t0) / 1e9);
      Evaluation before = trainer.evaluate(trainer.heldOutStarts());
      System.out.printf("EVAL untrained success %.3f closest %.1f mm %s (%.1fs)%n", before.metrics().success(),
          before.metrics().closestApproach() * 1000, before.measures(), (System.nanoTime() - t0) / 1e9);
      try {
        trainer.train();
      } catch (IllegalStateException e) {
        System.out.println("stopped: " + e.getMessage());
      }
      Evaluation after = trainer.evaluate(trainer.heldOutStarts());
      System.out.printf("EVAL final success %.3f closest %.1f mm %s (%.1fs)%n", after.metrics().success(),
          after.metrics().closestApproach() * 1000, after.measures(), (System.nanoTime() - t0) / 1e9);
    }
  }
}
