package org.neuromechfly.dmn.circuit.editor.contentassist;

import java.util.List;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;

/**
 * Content assist for {@code .circuit} files in the Generic Editor: keywords, names for
 * cross-references, units — whatever the language's {@code IdeContentProposalProvider} proposes, the
 * same proposals the language server sends to other editors.
 */
public class CircuitContentAssistProcessor implements IContentAssistProcessor {
  private final IdeProposals proposals = new IdeProposals();
  private String errorMessage;

  @Override
  public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
    errorMessage = null;
    try {
      List<ContentAssistEntry> entries = proposals.at(viewer.getDocument(), offset);
      return entries.stream()
          .map(entry -> ProposalConversion.toProposal(entry, offset))
          .toArray(ICompletionProposal[]::new);
    } catch (RuntimeException e) {
      // A half-typed model can trip the parser in odd ways; an empty list beats an error dialog.
      errorMessage = "No proposals: " + e.getMessage();
      return new ICompletionProposal[0];
    }
  }

  @Override
  public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
    return null;
  }

  @Override
  public char[] getCompletionProposalAutoActivationCharacters() {
    return null;
  }

  @Override
  public char[] getContextInformationAutoActivationCharacters() {
    return null;
  }

  @Override
  public String getErrorMessage() {
    return errorMessage;
  }

  @Override
  public IContextInformationValidator getContextInformationValidator() {
    return null;
  }
}
