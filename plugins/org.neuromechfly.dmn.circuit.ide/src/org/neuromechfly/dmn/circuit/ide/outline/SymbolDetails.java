package org.neuromechfly.dmn.circuit.ide.outline;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.ExportTarget;
import org.neuromechfly.dmn.circuit.circuit.LossTerm;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;

/** The grey text after an outline element: a population's size and cell type, a projection's rule. */
public class SymbolDetails extends DocumentSymbolDetailsProvider {
  @Override
  public String getDetails(EObject object) {
    if (object instanceof Population population) {
      return ElementSummaries.population(population);
    }
    if (object instanceof Projection projection) {
      return ElementSummaries.projectionDetail(projection);
    }
    if (object instanceof ConnectomeSource source) {
      return ElementSummaries.connectomeDetail(source);
    }
    if (object instanceof Task task) {
      return ElementSummaries.settings(task.getSettings());
    }
    if (object instanceof LossTerm term) {
      return ElementSummaries.lossDetail(term);
    }
    if (object instanceof TrainingBlock training) {
      return ElementSummaries.settings(training.getSettings());
    }
    if (object instanceof ExportBlock export) {
      return ElementSummaries.exports(export);
    }
    if (object instanceof ExportTarget target) {
      return "\"" + target.getPath() + "\"";
    }
    return "";
  }
}
