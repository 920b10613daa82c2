package org.neuromechfly.dmn.circuit.editor.contentassist;

import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;

/** Turns an Xtext proposal into a JFace one that replaces the typed prefix. */
final class ProposalConversion {
  private ProposalConversion() {}

  static ICompletionProposal toProposal(ContentAssistEntry entry, int offset) {
    String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
    String proposal = entry.getProposal();
    String label = entry.getLabel() != null ? entry.getLabel() : proposal;
    String display = entry.getDescription() != null ? label + " - " + entry.getDescription() : label;
    return new CompletionProposal(
        proposal,
        offset - prefix.length(),
        prefix.length(),
        proposal.length(),
        null,
        display,
        null,
        entry.getDocumentation());
  }
}
