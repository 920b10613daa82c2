package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.navigation.CircuitHyperlinkDetector;
import org.neuromechfly.dmn.circuit.editor.navigation.ReferencesView;

/** F3, Ctrl+click and Find References (Ctrl+Shift+G) as commands of the running workbench. */
class NavigationTest extends WorkbenchTest {
  static final String MODEL =
      """
      circuit Mb
      population PN : uPN { count 130 }
      population KC : KC { count 2000 }
      population MBON : MBON { count 50 }
      projection PN -> KC random fan_in 7
      projection KC -> MBON dense
      loss { sparsity 0.01 on KC target 5 % }
      """;




  @Test
  void f3OnAUseJumpsToTheDeclaration() throws Exception {
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "f3.circuit", MODEL));
    int use = MODEL.indexOf("KC -> MBON") + 1;
    editor.selectAndReveal(use, 0);
    UiWait.drain();

    EditorFixtures.execute("org.eclipse.ui.edit.text.open.hyperlink"); // F3 in the Generic Editor

    int declaration = MODEL.indexOf("population KC") + "population ".length();
    assertTrue(UiWait.until(() -> selection(editor).getOffset() == declaration, 10_000), "caret at " + selection(editor).getOffset());
    assertEquals(2, selection(editor).getLength(), "the declared name is selected");
  }

  @Test
  void ctrlClickFindsALinkOnUsesOnly() throws Exception {
    IEditorPart editor = EditorFixtures.open(EditorFixtures.write(project, "links.circuit", MODEL));
    var viewer = EditorFixtures.viewer(editor);
    CircuitHyperlinkDetector detector = new CircuitHyperlinkDetector();
    int use = MODEL.indexOf("0.01 on KC") + "0.01 on ".length();
    IHyperlink[] onUse = detector.detectHyperlinks(viewer, new Region(use + 1, 0), false);
    assertNotNull(onUse, "a use of KC links to its declaration");
    assertEquals(use, onUse[0].getHyperlinkRegion().getOffset());
    assertTrue(onUse[0].getHyperlinkText().contains("population KC : KC"), onUse[0].getHyperlinkText());
    assertEquals(null, detector.detectHyperlinks(viewer, new Region(MODEL.indexOf("count 130") + 1, 0), false), "a keyword links nowhere");
    assertEquals(null, detector.detectHyperlinks(viewer, new Region(MODEL.indexOf("population KC") + 12, 0), false), "a declaration links nowhere");
  }

  @Test
  void findReferencesListsEveryUseInTheReferencesView() throws Exception {
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "uses.circuit", MODEL));
    editor.selectAndReveal(MODEL.indexOf("population KC") + 12, 0);
    UiWait.drain();

    EditorFixtures.execute("org.eclipse.ui.genericeditor.findReferences"); // Ctrl+Shift+G

    ReferencesView view = (ReferencesView) EditorFixtures.page().findView(ReferencesView.ID);
    assertNotNull(view, "the Circuit References view opens");
    TableItem[] rows = view.viewer().getTable().getItems();
    List<String> shown = java.util.Arrays.stream(rows).map(r -> r.getText(0) + " " + r.getText(1)).toList();
    assertEquals(
        List.of("uses.circuit:5 projection PN -> KC random fan_in 7", "uses.circuit:6 projection KC -> MBON dense",
            "uses.circuit:7 loss { sparsity 0.01 on KC target 5 % }"),
        shown);

    // double-clicking a row selects that use in the editor
    editor.selectAndReveal(0, 0);
    Table table = view.viewer().getTable();
    table.setSelection(2);
    Event doubleClick = new Event();
    doubleClick.item = rows[2];
    table.notifyListeners(SWT.DefaultSelection, doubleClick);
    UiWait.drain();
    assertEquals(MODEL.indexOf("0.01 on KC") + "0.01 on ".length(), selection(editor).getOffset());
  }

  private static ITextSelection selection(ITextEditor editor) {
    return (ITextSelection) editor.getSelectionProvider().getSelection();
  }
}
