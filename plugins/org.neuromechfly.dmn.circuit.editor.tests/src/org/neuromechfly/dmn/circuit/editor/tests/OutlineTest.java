package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.outline.CircuitOutlinePage;

/** The Outline view and the quick outline (Ctrl+O) of a model, read from and clicked in their trees. */
class OutlineTest extends WorkbenchTest {
  private static final String MODEL =
      """
      circuit Mb
      population PN : uPN {
        count 130
      }
      population KC : KC { count 2000 }
      projection PN -> KC random fan_in 7 weight uniform(0, 1) learn
      task navigation {
        arena 200 mm x 200 mm
      }
      loss {
        navigation 1.0 goal radius 15 mm
        sparsity 0.01 on KC target 5 %
      }
      training { optimizer adam lr 0.02 episodes 20 }
      """;




  @Test
  void outlineViewShowsTheModelsStructureAndSelectsInTheEditor() throws Exception {
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "outline.circuit", MODEL));
    ContentOutline view = (ContentOutline) EditorFixtures.page().showView(IPageLayout.ID_OUTLINE);
    EditorFixtures.page().activate(editor);
    assertTrue(UiWait.until(() -> view.getCurrentPage() instanceof CircuitOutlinePage, 10_000), "the Outline view shows the circuit page, not 'no outline'");
    Tree tree = ((CircuitOutlinePage) view.getCurrentPage()).getControl() instanceof Tree t ? t : null;
    assertNotNull(tree);
    assertTrue(UiWait.until(() -> tree.getItemCount() == 1 && tree.getItem(0).getItemCount() > 0, 10_000));

    TreeItem circuit = tree.getItem(0);
    assertEquals("Mb", circuit.getText());
    List<String> elements = Arrays.stream(circuit.getItems()).map(TreeItem::getText).toList();
    assertEquals(
        List.of("PN  130 × uPN", "KC  2000 × KC", "PN → KC  random fan_in 7 weight uniform(0, 1) learn",
            "task navigation  arena 200 mm x 200 mm", "loss", "training  optimizer adam, lr 0.02, episodes 20"),
        elements);
    TreeItem loss = circuit.getItem(4);
    assertTrue(loss.getExpanded(), "the whole outline is expanded");
    assertEquals(List.of("navigation  1.0 goal radius 15 mm", "sparsity on KC  0.01 on KC target 5 %"), Arrays.stream(loss.getItems()).map(TreeItem::getText).toList());
    assertTrue(circuit.getItem(1).getImage() != null, "elements have icons");

    // clicking an element selects its name in the editor
    tree.setSelection(circuit.getItem(1));
    tree.notifyListeners(SWT.Selection, selectionEvent(circuit.getItem(1)));
    UiWait.drain();
    assertEquals(MODEL.indexOf("population KC") + "population ".length(), ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());

    // an edit shows in the outline after a pause
    EditorFixtures.viewer(editor).getDocument().replace(MODEL.indexOf("KC : KC"), 2, "Kenyon");
    assertTrue(UiWait.until(() -> !tree.isDisposed() && tree.getItemCount() > 0 && tree.getItem(0).getItemCount() > 1 && tree.getItem(0).getItem(1).getText().startsWith("Kenyon"), 10_000),
        "the outline follows the edit");
  }

  @Test
  void quickOutlineFiltersByNameAndJumps() throws Exception {
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "quick.circuit", MODEL));
    Display display = Display.getCurrent();
    List<Shell> before = Arrays.asList(display.getShells());
    display.asyncExec(() -> {
      try {
        EditorFixtures.execute("org.neuromechfly.dmn.circuit.editor.quickOutline"); // Ctrl+O
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Shell[] popup = new Shell[1];
    assertTrue(UiWait.until(() -> {
      for (Shell shell : display.getShells()) {
        if (!before.contains(shell) && shell.isVisible() && !find(shell, Tree.class).isEmpty() && !find(shell, org.eclipse.swt.widgets.Text.class).isEmpty()) {
          popup[0] = shell;
          return true;
        }
      }
      return false;
    }, 10_000), "the quick outline pops up");
    org.eclipse.swt.widgets.Text filter = find(popup[0], org.eclipse.swt.widgets.Text.class).get(0);
    Tree tree = find(popup[0], Tree.class).get(0);
    filter.setText("sparsity");
    UiWait.drain();
    List<String> visible = new ArrayList<>();
    collect(tree.getItems(), visible);
    assertEquals(List.of("Mb", "loss", "sparsity on KC  0.01 on KC target 5 %"), visible);
    filter.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event()); // Enter
    UiWait.drain();
    assertTrue(popup[0].isDisposed(), "Enter closes the quick outline");
    assertEquals(MODEL.indexOf("sparsity"), ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());
  }

  private static org.eclipse.swt.widgets.Event selectionEvent(TreeItem item) {
    org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
    event.item = item;
    return event;
  }

  private static void collect(TreeItem[] items, List<String> into) {
    for (TreeItem item : items) {
      into.add(item.getText());
      collect(item.getItems(), into);
    }
  }

  static <T> List<T> find(org.eclipse.swt.widgets.Composite parent, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (var child : parent.getChildren()) {
      if (type.isInstance(child)) {
        found.add(type.cast(child));
      }
      if (child instanceof org.eclipse.swt.widgets.Composite composite) {
        found.addAll(find(composite, type));
      }
    }
    return found;
  }
}
