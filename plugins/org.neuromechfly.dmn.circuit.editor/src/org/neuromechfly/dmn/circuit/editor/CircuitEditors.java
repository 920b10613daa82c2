package org.neuromechfly.dmn.circuit.editor;

import java.util.Optional;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** The Generic Editor instances that show {@code .circuit} files, as commands and views find them. */
public final class CircuitEditors {
  private CircuitEditors() {}

  /** The editor a command was invoked in, if it shows a circuit model. */
  public static Optional<ITextEditor> of(ExecutionEvent event) {
    return of(HandlerUtil.getActiveEditor(event));
  }

  /** The editor, if it is a text editor showing a circuit model. */
  public static Optional<ITextEditor> of(IEditorPart editor) {
    if (editor instanceof ITextEditor text && isModel(editor.getEditorInput().getAdapter(IFile.class))) {
      return Optional.of(text);
    }
    return Optional.empty();
  }

  public static boolean isModel(IFile file) {
    return file != null && "circuit".equals(file.getFileExtension());
  }

  public static IDocument document(ITextEditor editor) {
    return editor.getDocumentProvider().getDocument(editor.getEditorInput());
  }

  /** The caret's offset (the start of the selection). */
  public static int caret(ITextEditor editor) {
    return editor.getSelectionProvider().getSelection() instanceof ITextSelection selection ? selection.getOffset() : 0;
  }
}
