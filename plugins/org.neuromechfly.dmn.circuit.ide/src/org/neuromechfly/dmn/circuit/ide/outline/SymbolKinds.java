package org.neuromechfly.dmn.circuit.ide.outline;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.ExportTarget;
import org.neuromechfly.dmn.circuit.circuit.LossTerm;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.Task;

/** The LSP symbol kind of each outline element; editors pick their icons from it. */
public class SymbolKinds extends DocumentSymbolKindProvider {
  @Override
  public SymbolKind getSymbolKind(EObject object) {
    if (object instanceof Circuit) {
      return SymbolKind.Module;
    }
    if (object instanceof Population) {
      return SymbolKind.Class;
    }
    if (object instanceof Projection) {
      return SymbolKind.Event;
    }
    if (object instanceof ConnectomeSource || object instanceof ExportTarget) {
      return SymbolKind.File;
    }
    if (object instanceof Task) {
      return SymbolKind.Object;
    }
    if (object instanceof LossTerm) {
      return SymbolKind.Field;
    }
    return SymbolKind.Namespace;
  }
}
