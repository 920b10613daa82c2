package org.neuromechfly.dmn.circuit.editor.validation;

import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;

/**
 * Parses a document and runs the language's full validation on it: syntax errors, unresolved
 * references and every check of the runtime bundle, exactly as the CLI and the language server see them.
 */
final class DocumentValidator {

  List<Issue> validate(IDocument document, IProgressMonitor monitor) {
    XtextResource resource = CircuitDocuments.parse(document);
    IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
    CancelIndicator cancel = monitor == null ? CancelIndicator.NullImpl : monitor::isCanceled;
    return validator.validate(resource, CheckMode.ALL, cancel);
  }
}
