package org.neuromechfly.dmn.circuit.editor.format;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/**
 * Toggle Comment (Ctrl+/): comments out the selected lines with {@code //} at their common indentation,
 * or, when every non-blank one is already commented, uncomments them.
 */
public class ToggleCommentHandler extends AbstractHandler {
  private static final String PREFIX = "//";

  @Override
  public Object execute(ExecutionEvent event) throws ExecutionException {
    var editor = CircuitEditors.of(event);
    if (editor.isEmpty() || !(editor.get().getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
      return null;
    }
    IDocument document = CircuitEditors.document(editor.get());
    try {
      int first = document.getLineOfOffset(selection.getOffset());
      int last = document.getLineOfOffset(selection.getOffset() + selection.getLength());
      if (last > first && selection.getLength() > 0 && document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
        last--; // a selection ending at a line start does not take that line
      }
      String[] lines = new String[last - first + 1];
      for (int i = 0; i < lines.length; i++) {
        lines[i] = document.get(document.getLineOffset(first + i), document.getLineLength(first + i));
      }
      String replaced = toggle(lines);
      int start = document.getLineOffset(first);
      int end = document.getLineOffset(last) + document.getLineLength(last);
      document.replace(start, end - start, replaced);
      editor.get().selectAndReveal(start, replaced.length());
    } catch (BadLocationException e) {
      throw new ExecutionException("The selection is outside the document", e);
    }
    return null;
  }

  /** The lines (each with its own line delimiter) commented or uncommented. */
  static String toggle(String[] lines) {
    boolean allCommented = true;
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      String body = line.strip();
      if (!body.isEmpty()) {
        allCommented &= body.startsWith(PREFIX);
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder result = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        result.append(line);
      } else if (allCommented) {
        int at = line.indexOf(PREFIX);
        int after = at + PREFIX.length();
        if (after < line.length() && line.charAt(after) == ' ') {
          after++;
        }
        result.append(line, 0, at).append(line.substring(after));
      } else {
        result.append(line, 0, indent).append(PREFIX).append(' ').append(line.substring(indent));
      }
    }
    return result.toString();
  }
}
