package org.neuromechfly.dmn.engine.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.model.LossTerm;

/**
 * The IR's loss terms on network activity (sparsity, activity), bound to a network's populations.
 * Reports each weighted component plus, per sparsity term, the measured active fraction. The terms
 * count spikes as the forward pass produces them, in the order a whole-episode record would be read,
 * so their values are the same bits whether or not the kernel keeps that record.
 */
public final class ActivityTerms implements ActivityObjective {
  private final Network network;
  private final List<SparsityLoss> sparsity = new ArrayList<>();
  private final List<String> sparsityNames = new ArrayList<>();
  private ActivityLoss activity;
  private final Map<String, Double> measured = new LinkedHashMap<>();

  /** Binds the terms of {@code terms} that concern activity; others are ignored here. */
  public ActivityTerms(Network network, List<LossTerm> terms) {
    this.network = network;
    int window = Math.max(1, (int) Math.round(0.1 / network.dt()));
    for (LossTerm term : terms) {
      if (term instanceof LossTerm.Sparsity s) {
        sparsity.add(new SparsityLoss(s.weight(), network.populationIndex(s.population()), s.target().si(), window));
        sparsityNames.add(s.population());
      } else if (term instanceof LossTerm.Activity a) {
        activity = new ActivityLoss(a.weight(), a.low().si(), a.high().si(), network.dt(), network.populations());
      }
    }
  }

  @Override
  public void begin(int steps, int batch) {
    for (SparsityLoss s : sparsity) {
      s.begin(steps, batch, network.populations().get(s.population()).cells());
    }
    if (activity != null) {
      activity.begin(steps, batch);
    }
  }

  @Override
  public void observe(int population, int t, double[] output) {
    for (SparsityLoss s : sparsity) {
      if (s.population() == population) {
        s.observe(t, output);
      }
    }
    if (activity != null) {
      activity.observe(population, output);
    }
  }

  @Override
  public Map<String, Double> evaluate() {
    Map<String, Double> out = new LinkedHashMap<>();
    double sp = 0;
    for (int i = 0; i < sparsity.size(); i++) {
      sp += sparsity.get(i).evaluate();
      measured.put("active:" + sparsityNames.get(i), sparsity.get(i).activeFraction());
    }
    if (!sparsity.isEmpty()) {
      out.put("sparsity", sp);
    }
    if (activity != null) {
      out.put("activity", activity.evaluate());
    }
    return out;
  }

  @Override
  public void addGradient(int population, int t, double[] gradient) {
    for (SparsityLoss s : sparsity) {
      if (s.population() == population) {
        s.addGradient(t, gradient);
      }
    }
    if (activity != null) {
      activity.addGradient(population, gradient);
    }
  }

  /** Active fractions measured by the last evaluation, keyed {@code active:<population>}. */
  public Map<String, Double> measured() {
    return Map.copyOf(measured);
  }
}
