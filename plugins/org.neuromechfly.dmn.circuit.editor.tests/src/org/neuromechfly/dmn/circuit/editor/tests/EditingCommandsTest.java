package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;

/** Format (Ctrl+Shift+F), Toggle Comment (Ctrl+/) and folding by model element, in the running editor. */
class EditingCommandsTest extends WorkbenchTest {



  @Test
  void formatGivesTheCanonicalLayout() throws Exception {
    String messy = "circuit  Mb population PN:uPN{count 130 tau_mem 20 ms}\n\n\n   projection PN->PN dense";
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "messy.circuit", messy));
    EditorFixtures.execute("org.neuromechfly.dmn.circuit.editor.format");
    assertEquals("circuit Mb\n\npopulation PN : uPN {\n  count 130\n  tau_mem 20 ms\n}\n\nprojection PN -> PN dense\n",
        EditorFixtures.viewer(editor).getDocument().get());
    assertTrue(editor.isDirty(), "formatting is an edit the user saves (and can undo)");
  }

  @Test
  void toggleCommentCommentsAndUncommentsTheSelectedLines() throws Exception {
    String text = "circuit Mb\npopulation PN : uPN {\n  count 130\n  tau_mem 20 ms\n}\n";
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "comments.circuit", text));
    IDocument document = EditorFixtures.viewer(editor).getDocument();
    editor.selectAndReveal(text.indexOf("count"), text.indexOf("}") - text.indexOf("count"));
    EditorFixtures.execute("org.neuromechfly.dmn.circuit.editor.toggleComment");
    assertEquals("circuit Mb\npopulation PN : uPN {\n  // count 130\n  // tau_mem 20 ms\n}\n", document.get());
    EditorFixtures.execute("org.neuromechfly.dmn.circuit.editor.toggleComment");
    assertEquals(text, document.get());
  }

  @Test
  void foldsFollowModelElementsNotIndentation() throws Exception {
    String text = "circuit Mb\n\npopulation PN : uPN {\n  count 130\n  tau_mem 20 ms\n}\n\n// one\n// two\nprojection PN -> PN\n  dense\ntask navigation {\n  steps 10\n}\n";
    ITextEditor editor = (ITextEditor) EditorFixtures.open(EditorFixtures.write(project, "folds.circuit", text));
    ProjectionViewer viewer = (ProjectionViewer) EditorFixtures.viewer(editor);
    assertTrue(UiWait.until(() -> folds(viewer).contains("population PN : uPN {"), 10_000), folds(viewer).toString());
    List<String> folds = folds(viewer);
    assertTrue(folds.contains("task navigation {"), folds.toString());
    assertTrue(folds.contains("projection PN -> PN"), "a projection written over two lines folds: " + folds);
  }

  /** The first line of each fold. */
  private static List<String> folds(ProjectionViewer viewer) {
    List<String> firstLines = new ArrayList<>();
    ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
    if (model == null) {
      return firstLines;
    }
    for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); ) {
      Annotation annotation = it.next();
      if (annotation instanceof ProjectionAnnotation) {
        var position = model.getPosition(annotation);
        String text = viewer.getDocument().get();
        int end = text.indexOf('\n', position.getOffset());
        firstLines.add(text.substring(position.getOffset(), end < 0 ? text.length() : end));
      }
    }
    return firstLines;
  }
}
