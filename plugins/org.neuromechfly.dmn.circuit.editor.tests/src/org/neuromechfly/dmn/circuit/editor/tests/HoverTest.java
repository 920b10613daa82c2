package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/**
 * The hover popup a user sees when the mouse rests on a word: read from the rendered popup, not from
 * the hover's API. Over an underlined problem it shows the problem with its quick fixes; over a
 * population, its size and its cell type's reference values with their sources; both sized to their text.
 */
class HoverTest extends WorkbenchTest {
  private static final String MODEL =
      """
      circuit Mb
      population PN : uPN { count 130 tau_mem 20 mm }
      population KC : KC { count 2000 }
      projection PN -> KC random fan_in 7
      """;




  @Test
  void hoverOverAnUnderlinedUnitShowsTheProblemAndItsQuickFix() throws Exception {
    IFile file = EditorFixtures.write(project, "problem.circuit", MODEL);
    IEditorPart editor = EditorFixtures.open(file);
    assertTrue(UiWait.until(() -> !BuilderTest.markers(file, CircuitIssueCodes.WRONG_DIMENSION).isEmpty(), 30_000), "the unit is marked");
    UiWait.until(() -> false, 500); // let the annotation model take the marker

    Shell popup = Hovers.hover(editor, MODEL.indexOf("mm") + 1);
    assertNotNull(popup, "a hover popup opens over the underlined unit");
    String shown = Hovers.text(popup);
    assertTrue(shown.contains("tau_mem is a time, but 'mm' is a unit of length"), shown);
    assertTrue(shown.contains("Change the unit to 'ms'"), "the popup offers the quick fix: " + shown);
    assertTrue(popup.getSize().x > 150 && popup.getSize().y > 30, "the popup is sized to its text, not a few pixels: " + popup.getSize());
    popup.setVisible(false);
  }

  @Test
  void hoverOverAPopulationShowsItsCellTypesReferenceValuesAndSources() throws Exception {
    IEditorPart editor = EditorFixtures.open(EditorFixtures.write(project, "population.circuit", MODEL));
    Shell popup = Hovers.hover(editor, MODEL.indexOf("-> KC") + 4);
    assertNotNull(popup, "a hover popup opens over a use of KC");
    String shown = Hovers.text(popup);
    assertTrue(shown.contains("population KC — 2000 × KC"), shown);
    assertTrue(shown.contains("cell type KC") && shown.contains("cells per hemisphere:"), shown);
    assertTrue(shown.contains("[data]") || shown.contains("[lit]"), "reference values name their source: " + shown);
    assertTrue(popup.getSize().x > 150 && popup.getSize().y > 60, "the popup is sized to its text: " + popup.getSize());
    popup.setVisible(false);
  }
}
