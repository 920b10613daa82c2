package org.neuromechfly.dmn.circuit.editor.tests;

import static org.neuromechfly.dmn.circuit.editor.tests.EditorFixtures.page;
import static org.neuromechfly.dmn.circuit.editor.tests.EditorFixtures.viewer;
import static org.neuromechfly.dmn.circuit.editor.tests.EditorFixtures.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.contentassist.CircuitContentAssistProcessor;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;

/**
 * Drives the real workbench: opens {@code .circuit} files in the Generic Editor and checks what a user
 * sees — colouring, error markers written by the reconciler, and content-assist proposals (hovers:
 * {@link HoverTest}).
 */
class CircuitEditorTest extends WorkbenchTest {
  private static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";
  private static final long RECONCILE_TIMEOUT_MS = 30_000;




  @Test
  void opensCircuitFilesInTheGenericEditorWithKeywordColouring() throws CoreException {
    IEditorPart editor = open("colours.circuit", "circuit colours\npopulation ORN : ORN { count 50 }\n");
    assertEquals(GENERIC_EDITOR, editor.getSite().getId());
    UiWait.drain();

    StyleRange keyword = viewer(editor).getTextWidget().getStyleRangeAtOffset(0);
    assertNotNull(keyword, "'circuit' should be styled as a keyword");
    assertEquals(new RGB(127, 0, 85), keyword.foreground.getRGB());
    assertTrue((keyword.fontStyle & SWT.BOLD) != 0, "keywords are bold");
  }

  @Test
  void marksAProjectionToAnUnknownPopulationOnItsLine() throws CoreException {
    String text =
        """
        circuit olfaction

        population ORN : ORN { count 50 }
        population PN : PN { count 150 }
        projection ORN -> NOPE dense
        """;
    IFile file = write(project, "unknown_target.circuit", text);
    IEditorPart editor = open(file);

    assertTrue(
        UiWait.until(() -> !errors(file).isEmpty(), RECONCILE_TIMEOUT_MS),
        "the reconciler should mark the unresolved reference");
    int nopeLine = lineOf(text, "NOPE");
    IMarker marker =
        errors(file).stream()
            .filter(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == nopeLine)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no error on line " + nopeLine + ": " + describe(file)));
    assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("NOPE"), describe(file));
    assertNotNull(marker.getAttribute(Issue.CODE_KEY, null), "markers carry the issue code");
    int start = marker.getAttribute(IMarker.CHAR_START, -1);
    assertEquals("NOPE", text.substring(start, marker.getAttribute(IMarker.CHAR_END, -1)));
    assertNotNull(editor);
  }

  @Test
  void reconcilesAfterEveryChangeNotOnlyOnOpen() throws CoreException {
    String text = "circuit edits\npopulation ORN : ORN { count 50 }\nprojection ORN -> ORN dense\n";
    IFile file = write(project, "edits.circuit", text);
    IEditorPart editor = open(file);
    // Let the initial reconcile finish so the error below can only come from the edit.
    UiWait.until(() -> false, 1_500);
    assertTrue(linkingErrors(file).isEmpty(), describe(file));

    viewer(editor).getDocument().set(text.replace("-> ORN", "-> GONE"));

    assertTrue(
        UiWait.until(() -> !linkingErrors(file).isEmpty(), RECONCILE_TIMEOUT_MS),
        "an edit should be validated without saving: " + describe(file));
  }

  @Test
  void proposesDeclaredPopulationsAtAProjectionTarget() throws CoreException {
    String text =
        """
        circuit assist
        population ORN : ORN { count 50 }
        population PN : PN { count 150 }
        projection ORN -> \
        """;
    IEditorPart editor = open("targets.circuit", text);
    List<String> proposals = proposals(editor, text.length());
    assertTrue(proposals.contains("ORN") && proposals.contains("PN"), proposals.toString());
  }

  @Test
  void proposesTimeUnitsAfterAMembraneTimeConstant() throws CoreException {
    // Units are identifiers, not keywords: only a language-specific proposal provider can offer them.
    // Until the .ide bundle binds one, this check is skipped rather than failed.
    assumeFalse(
        CircuitEditorPlugin.getInjector().getInstance(IdeContentProposalProvider.class).getClass()
            == IdeContentProposalProvider.class,
        "the .ide bundle binds no unit-aware IdeContentProposalProvider yet");
    String text = "circuit assist\npopulation ORN : ORN { count 50 tau_mem 20 }\n";
    IEditorPart editor = open("units.circuit", text);
    int offset = text.indexOf("20 ") + "20 ".length();
    List<String> proposals = proposals(editor, offset);
    assertTrue(proposals.contains("ms"), proposals.toString());
  }

  // --- helpers --------------------------------------------------------------------------------------

  private static List<String> proposals(IEditorPart editor, int offset) {
    ICompletionProposal[] proposals =
        new CircuitContentAssistProcessor().computeCompletionProposals(viewer(editor), offset);
    // Display strings are "proposal - description"; the proposal is the first word.
    return Arrays.stream(proposals).map(p -> p.getDisplayString().split(" ")[0]).toList();
  }

  private IEditorPart open(String name, String text) throws CoreException {
    return open(write(project, name, text));
  }

  private static IEditorPart open(IFile file) throws CoreException {
    IEditorPart editor = IDE.openEditor(page(), file, true);
    assertNotNull(editor);
    return editor;
  }




  private static List<IMarker> errors(IFile file) {
    return markers(file).stream()
        .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
        .toList();
  }

  private static List<IMarker> linkingErrors(IFile file) {
    return errors(file).stream()
        .filter(m -> String.valueOf(m.getAttribute(Issue.CODE_KEY, "")).endsWith("Linking"))
        .toList();
  }

  private static List<IMarker> markers(IFile file) {
    try {
      return List.of(file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO));
    } catch (CoreException e) {
      throw new AssertionError(e);
    }
  }

  private static String describe(IFile file) {
    return markers(file).stream()
        .map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
        .toList()
        .toString();
  }

  private static int lineOf(String text, String needle) {
    String before = text.substring(0, text.indexOf(needle));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }
}
