package org.neuromechfly.dmn.circuit.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.neuromechfly.dmn.circuit.ide.contentassist.CircuitCrossrefProposals;
import org.neuromechfly.dmn.circuit.ide.contentassist.CircuitProposalProvider;
import org.neuromechfly.dmn.circuit.ide.hover.CircuitHoverService;
import org.neuromechfly.dmn.circuit.ide.outline.SymbolDetails;
import org.neuromechfly.dmn.circuit.ide.outline.SymbolKinds;
import org.neuromechfly.dmn.circuit.ide.outline.SymbolNames;
import org.neuromechfly.dmn.circuit.ide.quickfix.CircuitQuickfixProvider;

/**
 * IDE services shared by the Eclipse editor (through {@code server.EditingServices}) and the language
 * server: content assist, quick fixes, hover documentation and the outline's document symbols.
 */
public class CircuitIdeModule extends AbstractCircuitIdeModule {
  public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
    return CircuitProposalProvider.class;
  }

  public Class<? extends IdeCrossrefProposalProvider> bindIdeCrossrefProposalProvider() {
    return CircuitCrossrefProposals.class;
  }

  public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
    return CircuitQuickfixProvider.class;
  }

  /** Offers the quick fixes as LSP code actions in a language server. */
  public Class<? extends ICodeActionService2> bindICodeActionService2() {
    return QuickFixCodeActionService.class;
  }

  public Class<? extends IHoverService> bindIHoverService() {
    return CircuitHoverService.class;
  }

  public Class<? extends DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
    return SymbolNames.class;
  }

  public Class<? extends DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
    return SymbolKinds.class;
  }

  public Class<? extends DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
    return SymbolDetails.class;
  }
}
