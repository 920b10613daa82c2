package org.neuromechfly.dmn.circuit.editor.refactoring;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.ui.handlers.HandlerUtil;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/** Rename (Alt+Shift+R) of the population or connectome source under the caret, with a preview. */
public class RenameHandler extends AbstractHandler {
  @Override
  public Object execute(ExecutionEvent event) {
    CircuitEditors.of(event).ifPresent(editor -> {
      CircuitRenameRefactoring rename = new CircuitRenameRefactoring(CircuitEditors.document(editor), CircuitEditors.caret(editor));
      try {
        // the initial check finds the element, so the dialog can name it
        if (!rename.checkInitialConditions(null).isOK()) {
          editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage("Rename: put the caret on a population or connectome source");
          return;
        }
        new RefactoringWizardOpenOperation(new RenameWizard(rename)).run(HandlerUtil.getActiveShell(event), rename.getName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return null;
  }
}
