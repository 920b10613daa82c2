package org.neuromechfly.dmn.engine.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSlice;
import org.neuromechfly.dmn.model.Projection;

/**
 * Checks before training that the circuit can be trained on its task, with messages that say what to
 * change: a task is declared, no population is empty, the motor slices lie inside their population,
 * the loss names existing populations, and some path of projections leads from sensors to motors.
 */
public final class CircuitValidation {
  private CircuitValidation() {}

  /** Every problem found; empty when the circuit can be trained. */
  public static List<String> problems(CircuitSpec spec, WorldSettings world) {
    List<String> out = new ArrayList<>();
    for (Population p : spec.populations()) {
      if (p.count() == 0) {
        out.add("population " + p.name() + " has no cells (count 0); give it a count of at least 1");
      }
    }
    for (Projection pr : spec.projections()) {
      for (String end : List.of(pr.source(), pr.target())) {
        if (spec.population(end).isEmpty()) {
          out.add("projection " + pr.label() + " names population " + end + ", which the circuit does not declare");
        }
      }
    }
    for (LossTerm term : spec.losses()) {
      if (term instanceof LossTerm.Sparsity s && spec.population(s.population()).isEmpty()) {
        out.add("sparsity loss on population " + s.population() + ", which the circuit does not declare");
      }
    }
    if (!(spec.task() instanceof NavigationTask task)) {
      out.add("circuit " + spec.name() + " declares no navigation task; add a 'task navigation { ... }' block");
      return out;
    }
    slice(spec, task.forward(), "forward", out);
    slice(spec, task.turn(), "turn", out);
    if (!task.forward().population().equals(task.turn().population())) {
      out.add("forward slice " + task.forward() + " and turn slice " + task.turn() + " must read the same population");
    }
    if (task.turn().size() < 2) {
      out.add("turn slice " + task.turn() + " needs at least 2 cells: its first half turns left, its second half right");
    }
    if (task.steps() < 1) {
      out.add("the task needs at least 1 step, not " + task.steps());
    }
    if (!(task.dt().si() > 0)) {
      out.add("the task's dt must be positive, not " + task.dt());
    }
    if (out.isEmpty()) {
      String sensory;
      try {
        sensory = OdourWorld.sensoryOf(spec);
      } catch (IllegalArgumentException e) {
        out.add(e.getMessage());
        return out;
      }
      if (spec.population(sensory).map(Population::count).orElse(0) < 2) {
        out.add("sensory population " + sensory + " needs at least 2 cells (left and right antenna)");
      } else if (!reachable(spec, sensory).contains(task.forward().population())) {
        out.add("no path of projections leads from the sensory population " + sensory
            + " to the motor population " + task.forward().population()
            + ": the loss could never depend on what the fly smells");
      }
    }
    return out;
  }

  /** Throws with every problem, one per line, when there are any. */
  public static void require(CircuitSpec spec, WorldSettings world) {
    List<String> problems = problems(spec, world);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "circuit " + spec.name() + " cannot be trained:\n  - " + String.join("\n  - ", problems));
    }
  }

  private static void slice(CircuitSpec spec, PopulationSlice s, String role, List<String> out) {
    var pop = spec.population(s.population());
    if (pop.isEmpty()) {
      out.add(role + " slice " + s + " reads population " + s.population() + ", which the circuit does not declare");
    } else if (s.last() >= pop.get().count()) {
      out.add(role + " slice " + s + " lies outside population " + s.population() + " of "
          + pop.get().count() + " cells (valid indices 0.." + (pop.get().count() - 1) + ")");
    }
  }

  private static Set<String> reachable(CircuitSpec spec, String from) {
    Set<String> seen = new HashSet<>(List.of(from));
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String p = todo.pop();
      for (Projection pr : spec.projections()) {
        if (pr.source().equals(p) && pr.sign().factor() != 0 && seen.add(pr.target())) {
          todo.push(pr.target());
        }
      }
    }
    return seen;
  }
}
