package org.neuromechfly.dmn.circuit.ide.contentassist;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.ide.outline.ElementSummaries;

/** Names of populations and connectome sources, each with what it is: "KC — 2000 × KC". */
public class CircuitCrossrefProposals extends IdeCrossrefProposalProvider {
  @Override
  protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference crossRef, ContentAssistContext context) {
    ContentAssistEntry entry = super.createProposal(candidate, crossRef, context);
    if (entry == null) {
      return null;
    }
    EObject element = candidate.getEObjectOrProxy();
    if (element instanceof Population population && !population.eIsProxy()) {
      entry.setDescription(ElementSummaries.population(population));
      entry.setKind(ContentAssistEntry.KIND_CLASS);
    } else if (element instanceof ConnectomeSource source && !source.eIsProxy()) {
      entry.setDescription(ElementSummaries.connectomeDetail(source));
      entry.setKind(ContentAssistEntry.KIND_FILE);
    }
    return entry;
  }
}
