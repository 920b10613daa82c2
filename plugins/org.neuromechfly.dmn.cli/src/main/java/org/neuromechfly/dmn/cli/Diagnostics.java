package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;
import org.neuromechfly.dmn.model.PrintableText;

/**
 * Prints diagnostics as {@code file:line:col: severity: message [code]}, the format editors and CI
 * parse: always one line, whatever characters the model's text put into a message or a file name.
 */
final class Diagnostics {
  private Diagnostics() {}

  /** Longest message printed; longer ones (quoting huge input) are cut and say how long they were. */
  private static final int MAX_MESSAGE = 1000;

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
    String message = issue.getMessage() == null || issue.getMessage().isBlank() ? "(no message)" : issue.getMessage();
    return PrintableText.oneLine(file.toString()) + ":" + atLeastOne(issue.getLineNumber()) + ":" + atLeastOne(issue.getColumn()) + ": "
        + issue.getSeverity().name().toLowerCase() + ": " + PrintableText.excerpt(message, MAX_MESSAGE) + " [" + code(issue.getCode()) + "]";
  }

  static String code(String code) {
    if (code == null) {
      return "none";
    }
    String prefix = "org.eclipse.xtext.diagnostics.Diagnostic.";
    return code.startsWith(prefix) ? code.substring(prefix.length()).toLowerCase() : CircuitIssueCodes.shortCode(code);
  }

  /** Lines and columns are 1-based; a diagnostic without a place points at the start of the file. */
  private static int atLeastOne(Integer value) {
    return value == null || value < 1 ? 1 : value;
  }
}
