package org.neuromechfly.dmn.circuit.editor.format;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/**
 * Format (Ctrl+Shift+F): the model in the canonical layout of {@code dmn fmt}, through the language
 * server's formatting service. A model with syntax errors is left as it is: the formatter would guess.
 */
public class FormatHandler extends AbstractHandler {
  @Override
  public Object execute(ExecutionEvent event) throws ExecutionException {
    var editor = CircuitEditors.of(event);
    if (editor.isEmpty()) {
      return null;
    }
    IDocument document = CircuitEditors.document(editor.get());
    String text = document.get();
    XtextResource resource = CircuitDocuments.parse(document);
    if (!resource.getErrors().isEmpty()) {
      editor.get().getEditorSite().getActionBars().getStatusLineManager().setErrorMessage("Not formatted: fix the syntax errors first");
      return null;
    }
    int caret = CircuitEditors.caret(editor.get());
    try {
      TextEdits.apply(document, text, CircuitEditorPlugin.services().format(resource));
    } catch (BadLocationException e) {
      throw new ExecutionException("The formatter's edits do not fit the document", e);
    }
    editor.get().selectAndReveal(Math.min(caret, document.getLength()), 0);
    return null;
  }
}
