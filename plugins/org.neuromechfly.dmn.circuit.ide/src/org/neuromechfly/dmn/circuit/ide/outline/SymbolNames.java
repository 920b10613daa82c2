package org.neuromechfly.dmn.circuit.ide.outline;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.ExportTarget;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.LossTerm;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;

/**
 * Which elements the outline (document symbols) shows, and under what name. Projections, the task and
 * the blocks have no name in the grammar; the outline names them as a modeller reads them. Settings
 * inside populations and blocks are left out: they are the details, not the structure.
 */
public class SymbolNames extends DocumentSymbolNameProvider {
  @Override
  public String getName(EObject object) {
    if (object instanceof Circuit circuit) {
      return circuit.getName();
    }
    if (object instanceof Population population) {
      return population.getName();
    }
    if (object instanceof ConnectomeSource source) {
      return source.getName();
    }
    if (object instanceof Projection projection) {
      return ElementSummaries.projectionName(projection);
    }
    if (object instanceof Task task) {
      return "task " + (task.getKind() == null ? "" : task.getKind());
    }
    if (object instanceof LossBlock) {
      return "loss";
    }
    if (object instanceof LossTerm term) {
      return ElementSummaries.lossName(term);
    }
    if (object instanceof TrainingBlock) {
      return "training";
    }
    if (object instanceof ExportBlock) {
      return "export";
    }
    if (object instanceof ExportTarget target) {
      return target.getFormat();
    }
    return null;
  }
}
