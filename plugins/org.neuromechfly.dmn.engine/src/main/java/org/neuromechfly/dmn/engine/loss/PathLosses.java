package org.neuromechfly.dmn.engine.loss;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.engine.world.PathLoss;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;

/** The IR's loss terms on the walked path, bound to a navigation task: what the odour world receives. */
public final class PathLosses {
  private PathLosses() {}

  /** Navigation first, then energy, each only when the circuit declares it. */
  public static List<PathLoss> of(CircuitSpec spec, NavigationTask task, WorldSettings settings) {
    double sx = task.source().x().si();
    double sy = task.source().y().si();
    double scale = Math.max(Math.hypot(task.startCentre().x().si() - sx, task.startCentre().y().si() - sy), 1e-3);
    PathLoss navigation = null;
    PathLoss energy = null;
    for (LossTerm term : spec.losses()) {
      if (term instanceof LossTerm.Navigation n) {
        navigation = new NavigationLoss(n.weight(), n.goalRadius().si(), scale, settings.goalBonus(),
            settings.awayPenalty(), settings.finalDistance(), task.maxSpeed().si() * task.dt().si(), sx, sy);
      } else if (term instanceof LossTerm.Energy e) {
        energy = new EnergyLoss(e.weight(), task.maxSpeed().si(), task.maxTurnRate().si());
      }
    }
    List<PathLoss> out = new ArrayList<>();
    if (navigation != null) {
      out.add(navigation);
    }
    if (energy != null) {
      out.add(energy);
    }
    return out;
  }
}
