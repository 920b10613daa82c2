package org.neuromechfly.dmn.circuit.editor.outline;

import java.util.List;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * The outline of a model: the language server's document symbols of the document's current text, as a
 * tree; shared by the Outline view and the quick outline.
 */
final class SymbolTree implements ITreeContentProvider {

  /** The symbols of a document's current text, and the text they were computed on. */
  record Outline(List<DocumentSymbol> roots, String text) {
    /** A symbol's name range as offsets into {@link #text}. */
    int[] selection(DocumentSymbol symbol) {
      Document document = new Document(1, text);
      Range range = symbol.getSelectionRange();
      int start = document.getOffSet(range.getStart());
      return new int[] {start, document.getOffSet(range.getEnd()) - start};
    }

    /** Whether an offset lies inside the symbol's whole range. */
    boolean contains(DocumentSymbol symbol, int offset) {
      Document document = new Document(1, text);
      return document.getOffSet(symbol.getRange().getStart()) <= offset && offset <= document.getOffSet(symbol.getRange().getEnd());
    }
  }

  static Outline of(IDocument document) {
    String text = document.get();
    return new Outline(CircuitEditorPlugin.services().outline(CircuitDocuments.parse(text, CircuitDocuments.uriOf(document))), text);
  }

  @Override
  public Object[] getElements(Object input) {
    return input instanceof Outline outline ? outline.roots().toArray() : new Object[0];
  }

  @Override
  public Object[] getChildren(Object parent) {
    List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
    return children == null ? new Object[0] : children.toArray();
  }

  @Override
  public Object getParent(Object element) {
    return null;
  }

  @Override
  public boolean hasChildren(Object element) {
    List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
    return children != null && !children.isEmpty();
  }
}
