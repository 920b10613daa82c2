package org.neuromechfly.dmn.circuit.editor.format;

import java.util.Comparator;
import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;

/** Applies the language services' LSP text edits to an editor document, as one undoable change. */
public final class TextEdits {
  private TextEdits() {}

  /** Applies edits computed on {@code text} (the document's text when they were computed). */
  public static void apply(IDocument document, String text, List<? extends TextEdit> edits) throws BadLocationException {
    Document positions = new Document(1, text);
    DocumentRewriteSession session = document instanceof IDocumentExtension4 ext
        ? ext.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED_SMALL)
        : null;
    try {
      // last edit first, so earlier offsets stay valid
      for (TextEdit edit : edits.stream().sorted(Comparator.comparingInt((TextEdit e) -> positions.getOffSet(e.getRange().getStart())).reversed()).toList()) {
        int start = positions.getOffSet(edit.getRange().getStart());
        int end = positions.getOffSet(edit.getRange().getEnd());
        document.replace(start, end - start, edit.getNewText());
      }
    } finally {
      if (session != null) {
        ((IDocumentExtension4) document).stopRewriteSession(session);
      }
    }
  }
}
