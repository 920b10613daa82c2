package org.neuromechfly.dmn.circuit.editor.navigation;

import java.util.List;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/** Lists the uses of a population or connectome source that Find References found; double-click opens one. */
public class ReferencesView extends ViewPart {
  public static final String ID = "org.neuromechfly.dmn.circuit.editor.references";

  private Label title;
  private TableViewer table;

  @Override
  public void createPartControl(Composite parent) {
    parent.setLayout(new GridLayout(1, false));
    title = new Label(parent, SWT.NONE);
    title.setText("Find References (Ctrl+Shift+G) on a population or connectome source lists its uses here.");
    title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
    table.getTable().setHeaderVisible(true);
    table.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    table.setContentProvider(ArrayContentProvider.getInstance());
    column("Where", 220, p -> p.file().getFullPath().lastSegment() + ":" + p.line());
    column("Use", 600, Locations.Place::lineText);
    table.addDoubleClickListener(e -> {
      if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Locations.Place place) {
        Locations.reveal(place);
      }
    });
  }

  /** Shows the uses of {@code name}. */
  public void show(String name, List<Locations.Place> uses) {
    title.setText(uses.size() + (uses.size() == 1 ? " use of '" : " uses of '") + name + "'");
    table.setInput(uses);
    setContentDescription("");
  }

  /** The uses shown, in order. */
  public List<Locations.Place> uses() {
    Object input = table.getInput();
    @SuppressWarnings("unchecked")
    List<Locations.Place> uses = input instanceof List<?> list ? (List<Locations.Place>) list : List.of();
    return uses;
  }

  public TableViewer viewer() {
    return table;
  }

  private void column(String header, int width, java.util.function.Function<Locations.Place, String> text) {
    TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
    column.getColumn().setText(header);
    column.getColumn().setWidth(width);
    column.setLabelProvider(new ColumnLabelProvider() {
      @Override
      public String getText(Object element) {
        return text.apply((Locations.Place) element);
      }
    });
  }

  @Override
  public void setFocus() {
    table.getControl().setFocus();
  }
}
