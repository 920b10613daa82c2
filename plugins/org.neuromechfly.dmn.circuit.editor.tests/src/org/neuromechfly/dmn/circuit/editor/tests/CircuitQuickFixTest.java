package org.neuromechfly.dmn.circuit.editor.tests;

import static org.neuromechfly.dmn.circuit.editor.tests.EditorFixtures.page;
import static org.neuromechfly.dmn.circuit.editor.tests.EditorFixtures.viewer;
import static org.neuromechfly.dmn.circuit.editor.tests.EditorFixtures.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension3;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/** Quick fixes as a user reaches them: marker resolutions of the workbench, and Ctrl+1 in the editor. */
class CircuitQuickFixTest extends WorkbenchTest {
  private static final long RECONCILE_TIMEOUT_MS = 30_000;
  private static final String TEXT = "circuit mb\npopulation KC : Kenyon { count 50 }\n";




  @Test
  void unknownCellTypeMarkerResolvesToTheTypeItsAliasNames() throws CoreException {
    IFile file = write(project, "kenyon.circuit", TEXT);
    IEditorPart editor = IDE.openEditor(page(), file, true);
    IMarker marker = awaitMarker(file, CircuitIssueCodes.UNKNOWN_CELL_TYPE);
    assertEquals("Kenyon", TEXT.substring(marker.getAttribute(IMarker.CHAR_START, -1), marker.getAttribute(IMarker.CHAR_END, -1)));

    assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(marker));
    IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
    assertTrue(resolutions.length > 0, "no quick fix for " + marker.getAttribute(IMarker.MESSAGE, ""));
    assertEquals("Change to 'KC'", resolutions[0].getLabel());
    resolutions[0].run(marker);

    assertEquals("circuit mb\npopulation KC : KC { count 50 }\n", viewer(editor).getDocument().get());
    assertTrue(
        UiWait.until(() -> markers(file, CircuitIssueCodes.UNKNOWN_CELL_TYPE).isEmpty(), RECONCILE_TIMEOUT_MS),
        "the reconciler should drop the fixed problem");
  }

  @Test
  void quickAssistInTheEditorOffersTheMarkersFixes() throws CoreException {
    IFile file = write(project, "assist.circuit", "circuit assist\npopulation A : ORN { count 50 tau_mem 20 }\n");
    IEditorPart editor = IDE.openEditor(page(), file, true);
    IMarker marker = awaitMarker(file, CircuitIssueCodes.MISSING_UNIT);

    ISourceViewer viewer = (ISourceViewer) viewer(editor);
    // The annotation model learns of new markers asynchronously: wait until Ctrl+1 sees them.
    IQuickAssistAssistant assistant = ((ISourceViewerExtension3) viewer).getQuickAssistAssistant();
    assertNotNull(assistant, "the Generic Editor installs a quick assist assistant");
    int offset = marker.getAttribute(IMarker.CHAR_START, -1);
    ICompletionProposal[][] proposals = new ICompletionProposal[1][];
    assertTrue(
        UiWait.until(
            () -> {
              proposals[0] = assistant.getQuickAssistProcessor().computeQuickAssistProposals(new TextInvocationContext(viewer, offset, 0));
              return proposals[0] != null && proposals[0].length > 0;
            },
            RECONCILE_TIMEOUT_MS),
        "Ctrl+1 offers no fix");
    List<String> labels = Arrays.stream(proposals[0]).map(ICompletionProposal::getDisplayString).toList();
    assertTrue(labels.contains("Add the unit 'ms'"), labels.toString());
    Arrays.stream(proposals[0]).filter(p -> p.getDisplayString().equals("Add the unit 'ms'")).findFirst().orElseThrow().apply(viewer.getDocument());
    assertEquals("circuit assist\npopulation A : ORN { count 50 tau_mem 20 ms }\n", viewer.getDocument().get());
  }

  // --- helpers --------------------------------------------------------------------------------------

  private static IMarker awaitMarker(IFile file, String code) {
    assertTrue(
        UiWait.until(() -> !markers(file, code).isEmpty(), RECONCILE_TIMEOUT_MS),
        "the reconciler should mark " + CircuitIssueCodes.shortCode(code));
    return markers(file, code).get(0);
  }

  private static List<IMarker> markers(IFile file, String code) {
    try {
      return Arrays.stream(file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO))
          .filter(m -> code.equals(m.getAttribute(Issue.CODE_KEY, null)))
          .toList();
    } catch (CoreException e) {
      throw new AssertionError(e);
    }
  }



}
