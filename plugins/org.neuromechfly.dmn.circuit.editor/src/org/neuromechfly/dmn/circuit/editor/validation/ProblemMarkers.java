package org.neuromechfly.dmn.circuit.editor.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Writes validation issues as problem markers of our own type, replacing the previous set. Markers
 * carry the issue code under Xtext's {@link Issue#CODE_KEY} so quick fixes and tests can bind to it.
 */
public final class ProblemMarkers {
  /** The marker type declared in plugin.xml. */
  public static final String TYPE = CircuitEditorPlugin.PLUGIN_ID + ".problem";

  /** Marker attribute holding the issue's data strings, joined by newlines. */
  public static final String ISSUE_DATA = Issue.DATA_KEY;

  private ProblemMarkers() {}

  /** Replaces the file's circuit markers with the given issues, in one workspace operation. */
  public static void replace(IFile file, List<Issue> issues) {
    try {
      // One batched operation: listeners (the editor's ruler, the Problems view) see a single delta.
      file.getWorkspace()
          .run(
              monitor -> {
                file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
                for (Issue issue : issues) {
                  if (issue.getSeverity() != Severity.IGNORE) {
                    file.createMarker(TYPE, attributes(issue));
                  }
                }
              },
              file,
              IWorkspace.AVOID_UPDATE,
              null);
    } catch (CoreException e) {
      // The file went away or the workspace is shutting down: there is nothing left to mark.
      ILog.of(ProblemMarkers.class).warn("Could not update markers of " + file, e);
    }
  }

  private static Map<String, Object> attributes(Issue issue) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(IMarker.MESSAGE, issue.getMessage());
    attributes.put(IMarker.SEVERITY, severity(issue.getSeverity()));
    if (issue.getLineNumber() != null) {
      attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
    }
    if (issue.getOffset() != null && issue.getLength() != null) {
      attributes.put(IMarker.CHAR_START, issue.getOffset());
      attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
    }
    if (issue.getCode() != null) {
      attributes.put(Issue.CODE_KEY, issue.getCode());
    }
    if (issue.getData() != null && issue.getData().length > 0) {
      attributes.put(ISSUE_DATA, String.join("\n", issue.getData()));
    }
    return attributes;
  }

  /**
   * The issue a marker was written from, as far as markers keep it: code, data, message, severity and
   * where it is ({@code offset} from the caller, since an open editor tracks a marker's moving position).
   */
  public static Issue toIssue(IMarker marker, int offset, int length) {
    Issue.IssueImpl issue = new Issue.IssueImpl();
    issue.setCode(marker.getAttribute(Issue.CODE_KEY, null));
    String data = marker.getAttribute(ISSUE_DATA, null);
    issue.setData(data == null ? null : data.split("\n", -1));
    issue.setMessage(marker.getAttribute(IMarker.MESSAGE, ""));
    issue.setSeverity(
        switch (marker.getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR)) {
          case IMarker.SEVERITY_ERROR -> Severity.ERROR;
          case IMarker.SEVERITY_WARNING -> Severity.WARNING;
          default -> Severity.INFO;
        });
    issue.setOffset(offset);
    issue.setLength(length);
    int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
    if (line > 0) {
      issue.setLineNumber(line);
    }
    return issue;
  }

  private static int severity(Severity severity) {
    return switch (severity) {
      case ERROR -> IMarker.SEVERITY_ERROR;
      case WARNING -> IMarker.SEVERITY_WARNING;
      default -> IMarker.SEVERITY_INFO;
    };
  }
}
