package org.neuromechfly.dmn.circuit.editor.quickfix;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionRelevance;
import org.eclipse.ui.PlatformUI;
import org.neuromechfly.dmn.circuit.ide.quickfix.IssueQuickfixes.Fix;
import org.neuromechfly.dmn.circuit.ide.quickfix.IssueQuickfixes.Replacement;

/**
 * One quick fix of a marker. It recomputes its edits when run, against the document as it is then, and
 * finds itself again by label: the text may have changed since the fixes were listed. Its relevance keeps
 * the language's order (best guess first) where the workbench would sort fixes by label.
 */
final class IssueMarkerResolution implements IMarkerResolution2, IMarkerResolutionRelevance {
  private final String label;
  private final int relevance;

  /**
   * @param label the fix's label, by which it finds itself again
   * @param relevance higher for better fixes: the workbench lists resolutions by relevance, then by label
   */
  IssueMarkerResolution(String label, int relevance) {
    this.label = label;
    this.relevance = relevance;
  }

  @Override
  public int getRelevanceForResolution() {
    return relevance;
  }

  @Override
  public String getLabel() {
    return label;
  }

  @Override
  public String getDescription() {
    return label;
  }

  @Override
  public Image getImage() {
    return null;
  }

  @Override
  public void run(IMarker marker) {
    Display display = PlatformUI.getWorkbench().getDisplay();
    if (Display.getCurrent() == null) {
      // the marker hover runs fixes in a job; an open editor's document may only change on the UI thread
      display.syncExec(() -> run(marker));
      return;
    }
    boolean applied =
        MarkerFixes.compute(
                marker,
                (document, fixes) ->
                    fixes.stream()
                        .filter(f -> f.label().equals(label))
                        .findFirst()
                        .map(fix -> apply(fix, document))
                        .orElse(false))
            .orElse(false);
    if (applied) {
      try {
        // The reconciler writes the markers anew after the edit; until then this one is stale.
        marker.delete();
      } catch (CoreException e) {
        ILog.of(IssueMarkerResolution.class).warn("Could not remove a fixed marker", e);
      }
    }
  }

  private static boolean apply(Fix fix, IDocument document) {
    try {
      // replacements come last offset first, so earlier offsets stay valid
      for (Replacement r : fix.replacements()) {
        document.replace(r.offset(), r.length(), r.text());
      }
      return true;
    } catch (BadLocationException e) {
      ILog.of(IssueMarkerResolution.class).warn("Quick fix '" + fix.label() + "' does not fit the document", e);
      return false;
    }
  }
}
