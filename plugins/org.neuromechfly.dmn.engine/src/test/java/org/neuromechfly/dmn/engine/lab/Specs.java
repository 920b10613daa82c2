package org.neuromechfly.dmn.engine.lab;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Unit;

/** Variants of the golden spec for experiments. */
final class Specs {
  private Specs() {}

  static CircuitSpec with(CircuitSpec s, int steps, int episodes, double lr, long seed, Map<String, String> o) {
    NavigationTask f = (NavigationTask) s.task();
    Quantity vmax = o.containsKey("vmax") ? Quantity.of(Double.parseDouble(o.get("vmax")), Unit.MILLIMETRE_PER_SECOND)
        : f.maxSpeed();
    NavigationTask task = new NavigationTask(f.arenaWidth(), f.arenaHeight(), f.source(), f.plume(), f.plumeSigma(),
        f.startCentre(), f.startRadius(), steps, f.dt(), f.motorDelay(), f.forward(), f.turn(), vmax,
        f.gradientPath());
    TrainingSpec t = s.training();
    TrainingSpec n = new TrainingSpec(t.optimizer(), lr, t.schedule(), episodes, t.batch(), t.clip(), seed,
        Integer.parseInt(o.getOrDefault("every", "" + t.checkpointEvery())), t.bpttWindow(), t.engine(),
        t.surrogate(), t.surrogateSlope());
    java.util.List<org.neuromechfly.dmn.model.Population> pops = new java.util.ArrayList<>();
    java.util.Set<String> frozen = java.util.Set.of(o.getOrDefault("freeze", "").split(","));
    for (var p : s.populations()) {
      var learned = p.learned().stream()
          .filter(k -> !frozen.contains(p.name() + "." + k.keyword())).toList();
      pops.add(new org.neuromechfly.dmn.model.Population(p.name(), p.cellType(), p.count(), p.neuron(), learned,
          p.sharing()));
    }
    java.util.List<org.neuromechfly.dmn.model.LossTerm> losses = new java.util.ArrayList<>();
    for (var l : s.losses()) {
      if (l instanceof org.neuromechfly.dmn.model.LossTerm.Energy && o.containsKey("energy")) {
        double w = Double.parseDouble(o.get("energy"));
        if (w > 0) {
          losses.add(new org.neuromechfly.dmn.model.LossTerm.Energy(w));
        }
      } else {
        losses.add(l);
      }
    }
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), pops, s.projections(), task,
        losses, n, s.exports());
  }

  static List<EdgeArrays> wiring(CircuitSpec spec, Map<String, String> o) {
    return GoldenCircuit.wiring(spec);
  }
}
