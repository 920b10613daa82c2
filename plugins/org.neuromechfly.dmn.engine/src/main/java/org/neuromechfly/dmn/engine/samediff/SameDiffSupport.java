package org.neuromechfly.dmn.engine.samediff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;

/**
 * What the SameDiff engine cannot run, checked before training so that a run fails at once with a
 * message that names the population or projection and what to do, not after minutes of graph
 * building: refractory periods (the clamp is not in the graph) and projections too large for its
 * dense weight matrices.
 */
public final class SameDiffSupport {
  /**
   * Largest dense weight matrix (sources × targets) of one projection: the graph holds the raw
   * magnitudes, the mask and the weights at this size, and SameDiff adds a gradient of it per step.
   */
  public static final long MAX_DENSE_ENTRIES = 20_000_000L;

  private SameDiffSupport() {}

  /** Every reason the SameDiff engine cannot train {@code spec}; empty when it can. */
  public static List<String> problems(CircuitSpec spec) {
    List<String> out = new ArrayList<>();
    double dt = spec.task() instanceof NavigationTask t ? t.dt().si() : 1e-3;
    for (Population p : spec.populations()) {
      var refractory = p.neuron().refractory();
      if (refractory != null && Math.round(refractory.si() / dt) > 0) {
        out.add(String.format(Locale.ROOT,
            "population %s has a refractory period (%s), which the SameDiff engine does not model; train it"
                + " with the fused engine (--engine fused, or 'engine fused' in the training block) or remove"
                + " the refractory period", p.name(), refractory));
      }
    }
    for (Projection pr : spec.projections()) {
      if (pr.sign().factor() == 0) {
        continue; // neuromodulatory: no weights in the network
      }
      long sources = spec.population(pr.source()).map(Population::count).orElse(0);
      long targets = spec.population(pr.target()).map(Population::count).orElse(0);
      if (sources * targets > MAX_DENSE_ENTRIES) {
        out.add(String.format(Locale.ROOT,
            "projection %s would be a dense %d x %d weight matrix in the SameDiff graph (%.1e entries, the"
                + " limit is %.0e); train this circuit with the fused engine (--engine fused), which keeps"
                + " sparse projections as edge lists", pr.label(), sources, targets, (double) sources * targets,
            (double) MAX_DENSE_ENTRIES));
      }
    }
    return out;
  }

  /** Throws with every problem, one per line, when there are any. */
  public static void require(CircuitSpec spec) {
    List<String> problems = problems(spec);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("circuit " + spec.name() + " cannot be trained with the SameDiff engine:\n  - "
          + String.join("\n  - ", problems));
    }
  }
}
