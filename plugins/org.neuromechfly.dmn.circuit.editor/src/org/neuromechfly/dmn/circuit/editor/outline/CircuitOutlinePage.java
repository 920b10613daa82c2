package org.neuromechfly.dmn.circuit.editor.outline;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/**
 * The Outline view of a circuit model: circuit, populations with size and cell type, projections,
 * connectome sources, task, loss terms, training and exports, as the language server's document
 * symbols. It follows edits a moment after typing stops; selecting an element selects it in the editor.
 */
public class CircuitOutlinePage extends ContentOutlinePage {
  /** Pause after the last keystroke before the outline is recomputed, in milliseconds. */
  private static final int DELAY_MS = 400;

  private final ITextEditor editor;
  private final IDocument document;
  private final Runnable refresh = this::refresh;
  private final IDocumentListener changes = new IDocumentListener() {
    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {}

    @Override
    public void documentChanged(DocumentEvent event) {
      Display display = Display.getDefault();
      display.asyncExec(() -> display.timerExec(DELAY_MS, refresh));
    }
  };
  private SymbolTree.Outline outline;

  public CircuitOutlinePage(ITextEditor editor) {
    this.editor = editor;
    this.document = CircuitEditors.document(editor);
  }

  @Override
  public void createControl(Composite parent) {
    super.createControl(parent);
    TreeViewer viewer = getTreeViewer();
    viewer.setContentProvider(new SymbolTree());
    viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(new SymbolLabels()));
    // the outline of a model is short: show it all, loss terms and exports included
    viewer.setAutoExpandLevel(AbstractTreeViewer.ALL_LEVELS);
    document.addDocumentListener(changes);
    refresh();
    viewer.addSelectionChangedListener(event -> {
      if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof DocumentSymbol symbol && outline != null
          && outline.text().equals(document.get())) {
        int[] range = outline.selection(symbol);
        editor.selectAndReveal(range[0], range[1]);
      }
    });
  }

  /** The outline shown, as computed from the document's text at the last refresh. */
  public SymbolTree.Outline outline() {
    return outline;
  }

  private void refresh() {
    TreeViewer viewer = getTreeViewer();
    if (viewer == null || viewer.getControl().isDisposed()) {
      return;
    }
    outline = SymbolTree.of(document);
    viewer.setInput(outline);
  }

  @Override
  public void dispose() {
    document.removeDocumentListener(changes);
    Display.getDefault().timerExec(-1, refresh);
    super.dispose();
  }
}
