package org.neuromechfly.dmn.circuit.editor.contentassist;

import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Asks the language's .ide services for proposals at an offset. Follows what Xtext's
 * {@code ContentAssistService} does for the language server, minus the LSP types.
 */
public final class IdeProposals {

  /** The proposals at {@code offset} in the document's current text, best first. */
  public List<ContentAssistEntry> at(IDocument document, int offset) {
    String text = document.get();
    if (offset > text.length()) {
      return List.of();
    }
    Injector injector = CircuitEditorPlugin.getInjector();
    XtextResource resource = CircuitDocuments.parse(document);
    ContentAssistContextFactory contextFactory = injector.getInstance(ContentAssistContextFactory.class);
    contextFactory.setPool(CircuitEditorPlugin.getContentAssistPool());
    ContentAssistContext[] contexts =
        contextFactory.create(text, new TextRegion(offset, 0), offset, resource);
    IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
    injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
    List<ContentAssistEntry> entries = new ArrayList<>();
    acceptor.getEntries().forEach(entries::add);
    return entries;
  }
}
