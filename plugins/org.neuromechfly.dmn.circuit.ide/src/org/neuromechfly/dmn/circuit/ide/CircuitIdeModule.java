package org.neuromechfly.dmn.circuit.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.neuromechfly.dmn.circuit.ide.contentassist.CircuitProposalProvider;
import org.neuromechfly.dmn.circuit.ide.quickfix.CircuitQuickfixProvider;

/** IDE services shared by the Eclipse editor and language servers. */
public class CircuitIdeModule extends AbstractCircuitIdeModule {
  public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
    return CircuitProposalProvider.class;
  }

  public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
    return CircuitQuickfixProvider.class;
  }

  /** Offers the quick fixes as LSP code actions in a language server. */
  public Class<? extends ICodeActionService2> bindICodeActionService2() {
    return QuickFixCodeActionService.class;
  }
}
