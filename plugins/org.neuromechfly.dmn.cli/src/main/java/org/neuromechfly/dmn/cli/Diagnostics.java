package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/** Prints diagnostics as {@code file:line:col: severity: message [code]}, the format editors and CI parse. */
final class Diagnostics {
  private Diagnostics() {}

  static int print(ModelWorkspace.LoadedModel model, PrintWriter out) {
    var sorted = model.issues().stream()
        .sorted(Comparator.comparing((Issue i) -> i.getLineNumber() == null ? 0 : i.getLineNumber())
            .thenComparing(i -> i.getColumn() == null ? 0 : i.getColumn()))
        .toList();
    for (Issue issue : sorted) {
      out.println(line(model.file(), issue));
    }
    out.flush();
    return sorted.size();
  }

  static String line(Path file, Issue issue) {
    return file + ":" + orZero(issue.getLineNumber()) + ":" + orZero(issue.getColumn()) + ": "
        + issue.getSeverity().name().toLowerCase() + ": " + issue.getMessage() + " [" + code(issue.getCode()) + "]";
  }

  static String code(String code) {
    if (code == null) {
      return "none";
    }
    String prefix = "org.eclipse.xtext.diagnostics.Diagnostic.";
    return code.startsWith(prefix) ? code.substring(prefix.length()).toLowerCase() : CircuitIssueCodes.shortCode(code);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
