package org.neuromechfly.dmn.circuit.editor.quickfix;

import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.ide.quickfix.IssueQuickfixes;

/**
 * Offers the .ide bundle's quick fixes for circuit problem markers: in the Problems view, on the ruler
 * and through the Generic Editor's Ctrl+1, which asks the marker help registry for the markers under
 * the caret.
 */
public class CircuitMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

  @Override
  public boolean hasResolutions(IMarker marker) {
    // Asked for every visible marker: look at the code only, parse nothing.
    String code = marker.getAttribute(Issue.CODE_KEY, null);
    return code != null && quickfixes().handles(code);
  }

  @Override
  public IMarkerResolution[] getResolutions(IMarker marker) {
    return MarkerFixes.compute(marker, (document, fixes) -> {
          IMarkerResolution[] resolutions = new IMarkerResolution[fixes.size()];
          for (int i = 0; i < resolutions.length; i++) {
            resolutions[i] = new IssueMarkerResolution(fixes.get(i).label(), resolutions.length - i);
          }
          return resolutions;
        })
        .orElse(new IMarkerResolution[0]);
  }

  static IssueQuickfixes quickfixes() {
    return CircuitEditorPlugin.getInjector().getInstance(IssueQuickfixes.class);
  }
}
