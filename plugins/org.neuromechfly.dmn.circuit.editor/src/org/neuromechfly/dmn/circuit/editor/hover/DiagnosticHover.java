package org.neuromechfly.dmn.circuit.editor.hover;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/**
 * Shows the diagnostics under the mouse: message and short issue code, the code being what the CLI
 * prints and what the documentation of each check is filed under. Reads the markers the validation
 * reconciler wrote, so hover and ruler never disagree.
 */
public class DiagnosticHover implements ITextHover {

  @Override
  public String getHoverInfo(ITextViewer viewer, IRegion region) {
    IFile file = CircuitDocuments.fileOf(viewer.getDocument()).orElse(null);
    if (file == null) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (IMarker marker : markers(file)) {
      int start = marker.getAttribute(IMarker.CHAR_START, -1);
      int end = marker.getAttribute(IMarker.CHAR_END, -1);
      if (start <= region.getOffset() && region.getOffset() <= end) {
        lines.add(describe(marker));
      }
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  @Override
  public IRegion getHoverRegion(ITextViewer viewer, int offset) {
    return new Region(offset, 0);
  }

  private static String describe(IMarker marker) {
    String message = marker.getAttribute(IMarker.MESSAGE, "");
    String code = marker.getAttribute(Issue.CODE_KEY, null);
    return code == null ? message : message + " [" + CircuitIssueCodes.shortCode(code) + "]";
  }

  private static IMarker[] markers(IFile file) {
    try {
      return file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO);
    } catch (CoreException e) {
      return new IMarker[0];
    }
  }
}
