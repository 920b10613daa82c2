package org.neuromechfly.dmn.circuit.editor.validation;

import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;

/**
 * Validates the document and writes the result as problem markers on its file. Implements the
 * extension interface because MonoReconciler validates on open only through {@link #initialReconcile()};
 * every later change arrives through {@code reconcile}.
 */
class ValidationStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
  private final DocumentValidator validator = new DocumentValidator();
  private IDocument document;
  private IProgressMonitor monitor;

  @Override
  public void setDocument(IDocument document) {
    this.document = document;
  }

  @Override
  public void setProgressMonitor(IProgressMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void initialReconcile() {
    validateAll();
  }

  @Override
  public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
    validateAll();
  }

  @Override
  public void reconcile(IRegion partition) {
    validateAll();
  }

  private void validateAll() {
    IDocument current = document;
    if (current == null) {
      return;
    }
    CircuitDocuments.fileOf(current)
        .ifPresent(
            file -> {
              List<Issue> issues = validator.validate(current, monitor);
              // A newer keystroke cancelled this run: its issues describe text that is gone.
              if (monitor == null || !monitor.isCanceled()) {
                ProblemMarkers.replace(file, issues);
              }
            });
  }
}
