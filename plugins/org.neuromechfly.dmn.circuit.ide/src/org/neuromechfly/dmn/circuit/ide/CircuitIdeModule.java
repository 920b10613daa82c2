package org.neuromechfly.dmn.circuit.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.neuromechfly.dmn.circuit.ide.contentassist.CircuitProposalProvider;

/** IDE services shared by the Eclipse editor and language servers. */
public class CircuitIdeModule extends AbstractCircuitIdeModule {
  public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
    return CircuitProposalProvider.class;
  }
}
