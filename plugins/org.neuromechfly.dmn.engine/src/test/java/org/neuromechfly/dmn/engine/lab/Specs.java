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
    NavigationTask task = f.toBuilder().steps(steps).maxSpeed(vmax).build();
    TrainingSpec t = s.training();
    TrainingSpec n = new TrainingSpec(t.optimizer(), lr, t.schedule(), episodes, t.batch(), t.clip(), seed,
        Integer.parseInt(o.getOrDefault("every", "" + t.checkpointEvery())), t.bpttWindow(), t.engine(),
        t.surrogate(), t.surrogateSlope());
    java.util.List<org.neuromechfly.dmn.model.Population> pops = new java.util.ArrayList<>();
    java.util.Set<String> frozen = java.util.Set.of(o.getOrDefault("freeze", "").split(","));
    for (var p : s.populations()) {
      var learned = p.learned().stream()
          .filter(k -> !frozen.contains(p.name() + "." + k.keyword())).toList();
      var nm = p.neuron();
      if (o.containsKey("tau")) {
        nm = new org.neuromechfly.dmn.model.NeuronModel(Quantity.of(Double.parseDouble(o.get("tau")), Unit.MILLISECOND),
            nm.tauSyn(), nm.threshold(), nm.reset(), nm.refractory(), nm.resetMode(), nm.graded(), nm.bias());
      }
      pops.add(new org.neuromechfly.dmn.model.Population(p.name(), p.cellType(), p.count(), nm, learned,
          p.sharing()));
    }
    java.util.List<org.neuromechfly.dmn.model.LossTerm> losses = new java.util.ArrayList<>();
    for (var l : s.losses()) {
      if (l instanceof org.neuromechfly.dmn.model.LossTerm.Energy && o.containsKey("energy")) {
        double w = Double.parseDouble(o.get("energy"));
        if (w > 0) {
          losses.add(new org.neuromechfly.dmn.model.LossTerm.Energy(w));
        }
      } else if (l instanceof org.neuromechfly.dmn.model.LossTerm.Sparsity sp && o.containsKey("sparsity")) {
        losses.add(new org.neuromechfly.dmn.model.LossTerm.Sparsity(Double.parseDouble(o.get("sparsity")),
            sp.population(), sp.target()));
      } else {
        losses.add(l);
      }
    }
    return new CircuitSpec(s.name(), s.referenceData(), s.connectomes(), pops, s.projections(), task,
        losses, n, s.exports());
  }

  static List<EdgeArrays> wiring(CircuitSpec spec, Map<String, String> o) {
    List<EdgeArrays> w = GoldenCircuit.wiring(spec);
    if (!Boolean.parseBoolean(o.getOrDefault("ipsi", "false"))) {
      return w;
    }
    // bilateral mushroom body: KCs of the first half draw their PNs from the first (left) half only
    java.util.List<EdgeArrays> out = new java.util.ArrayList<>();
    java.util.SplittableRandom r = new java.util.SplittableRandom(spec.training().seed() * 7919 + 1);
    for (EdgeArrays e : w) {
      if (!e.projection().label().equals("PN -> KC")) {
        out.add(e);
        continue;
      }
      int ns = e.sourceCount();
      int nt = e.targetCount();
      int[] src = new int[e.edgeCount()];
      for (int t = 0; t < nt; t++) {
        int from = t < nt / 2 ? 0 : ns / 2;
        int to = t < nt / 2 ? ns / 2 : ns;
        int k = e.rowPtr()[t + 1] - e.rowPtr()[t];
        int[] pick = r.ints(from, to).distinct().limit(k).sorted().toArray();
        System.arraycopy(pick, 0, src, e.rowPtr()[t], k);
      }
      out.add(new EdgeArrays(e.projection(), ns, nt, e.rowPtr(), src, e.magnitudes(), e.sign()));
    }
    return out;
  }
}
