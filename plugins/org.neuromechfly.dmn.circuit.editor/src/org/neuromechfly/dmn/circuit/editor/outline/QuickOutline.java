package org.neuromechfly.dmn.circuit.editor.outline;

import java.util.Locale;
import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.texteditor.ITextEditor;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/**
 * Quick outline (Ctrl+O): the model's outline in a popup over the editor; typing filters it by name,
 * Enter or a click jumps to the element.
 */
public class QuickOutline extends PopupDialog {
  private final ITextEditor editor;
  private final SymbolTree.Outline outline;
  private Text filter;
  private TreeViewer tree;

  public QuickOutline(Shell parent, ITextEditor editor) {
    // a title text (even empty) gives the popup its title area, where the filter field goes
    super(parent, SWT.RESIZE, true, true, false, false, false, "", "Type to filter, Enter to go");
    this.editor = editor;
    this.outline = SymbolTree.of(CircuitEditors.document(editor));
  }

  @Override
  protected Control createTitleControl(Composite parent) {
    filter = new Text(parent, SWT.NONE);
    filter.setMessage("population, projection, …");
    filter.addModifyListener(e -> {
      tree.refresh();
      tree.expandAll();
      selectFirstMatch();
    });
    filter.addListener(SWT.DefaultSelection, e -> go());
    filter.addListener(SWT.KeyDown, e -> {
      if (e.keyCode == SWT.ARROW_DOWN) {
        tree.getTree().setFocus();
      }
    });
    return filter;
  }

  @Override
  protected Control createDialogArea(Composite parent) {
    tree = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
    tree.getControl().setLayoutData(new GridData(GridData.FILL_BOTH));
    tree.setContentProvider(new SymbolTree());
    tree.setLabelProvider(new DelegatingStyledCellLabelProvider(new SymbolLabels()));
    tree.addFilter(new NameFilter());
    tree.setInput(outline);
    tree.expandAll();
    tree.addOpenListener(e -> go());
    tree.getTree().addListener(SWT.DefaultSelection, e -> go());
    return tree.getControl();
  }

  @Override
  protected Control getFocusControl() {
    return filter;
  }

  @Override
  protected Point getDefaultSize() {
    return new Point(460, 360);
  }

  /** The tree, for tests. */
  public TreeViewer tree() {
    return tree;
  }

  /** The filter field, for tests. */
  public Text filter() {
    return filter;
  }

  private void selectFirstMatch() {
    var items = tree.getTree().getItems();
    for (var item : items) {
      var match = firstLeafMatch(item);
      if (match != null) {
        tree.getTree().setSelection(match);
        return;
      }
    }
  }

  private org.eclipse.swt.widgets.TreeItem firstLeafMatch(org.eclipse.swt.widgets.TreeItem item) {
    if (matches((DocumentSymbol) item.getData()) && (item.getParentItem() != null || item.getItemCount() == 0)) {
      return item;
    }
    for (var child : item.getItems()) {
      var match = firstLeafMatch(child);
      if (match != null) {
        return match;
      }
    }
    return null;
  }

  /** Jumps to the selected element and closes. */
  public void go() {
    if (((IStructuredSelection) tree.getSelection()).getFirstElement() instanceof DocumentSymbol symbol) {
      int[] range = outline.selection(symbol);
      close();
      editor.selectAndReveal(range[0], range[1]);
    }
  }

  private boolean matches(DocumentSymbol symbol) {
    String typed = filter == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
    return typed.isEmpty() || symbol.getName().toLowerCase(Locale.ROOT).contains(typed);
  }

  /** Keeps elements whose name matches, and the elements above them. */
  private final class NameFilter extends ViewerFilter {
    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
      DocumentSymbol symbol = (DocumentSymbol) element;
      return matches(symbol) || (symbol.getChildren() != null && symbol.getChildren().stream().anyMatch(c -> select(viewer, symbol, c)));
    }
  }
}
