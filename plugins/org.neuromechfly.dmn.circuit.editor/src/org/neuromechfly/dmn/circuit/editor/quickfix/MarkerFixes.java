package org.neuromechfly.dmn.circuit.editor.quickfix;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;
import org.neuromechfly.dmn.circuit.ide.quickfix.IssueQuickfixes.Fix;

/**
 * The fixes of a marker against its file's current document: the open editor's (shared through the
 * file buffer), or the file's own, which is saved after a change since no editor holds it.
 */
final class MarkerFixes {
  private MarkerFixes() {}

  /** Runs {@code work} with the marker's document and its fixes; empty when the marker has no file. */
  static <T> Optional<T> compute(IMarker marker, BiFunction<IDocument, List<Fix>, T> work) {
    if (!(marker.getResource() instanceof IFile file) || !file.exists() || !marker.exists()) {
      return Optional.empty();
    }
    ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
    IPath path = file.getFullPath();
    boolean heldElsewhere = buffers.getTextFileBuffer(path, LocationKind.IFILE) != null;
    try {
      buffers.connect(path, LocationKind.IFILE, null);
    } catch (CoreException e) {
      ILog.of(MarkerFixes.class).warn("Cannot open " + path + " for a quick fix", e);
      return Optional.empty();
    }
    try {
      ITextFileBuffer buffer = buffers.getTextFileBuffer(path, LocationKind.IFILE);
      IDocument document = buffer.getDocument();
      String before = document.get();
      XtextResource resource = CircuitDocuments.parse(document);
      Issue issue = issueAt(marker, buffer.getAnnotationModel());
      T result = work.apply(document, CircuitMarkerResolutionGenerator.quickfixes().fixes(resource, issue));
      if (!heldElsewhere && !before.equals(document.get())) {
        buffer.commit(null, true);
      }
      return Optional.ofNullable(result);
    } catch (CoreException e) {
      ILog.of(MarkerFixes.class).warn("Cannot save the quick fix to " + path, e);
      return Optional.empty();
    } finally {
      try {
        buffers.disconnect(path, LocationKind.IFILE, null);
      } catch (CoreException e) {
        ILog.of(MarkerFixes.class).warn("Cannot release " + path, e);
      }
    }
  }

  /** The marker's issue, where the open editor has moved it to since the marker was written. */
  private static Issue issueAt(IMarker marker, IAnnotationModel model) {
    int start = marker.getAttribute(IMarker.CHAR_START, 0);
    int length = Math.max(0, marker.getAttribute(IMarker.CHAR_END, start) - start);
    if (model instanceof AbstractMarkerAnnotationModel markers) {
      Position position = markers.getMarkerPosition(marker);
      if (position != null && !position.isDeleted()) {
        start = position.getOffset();
        length = position.getLength();
      }
    }
    return ProblemMarkers.toIssue(marker, start, length);
  }
}
