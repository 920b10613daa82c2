package org.neuromechfly.dmn.circuit.editor.refactoring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.presentation.GrammarKeywords;

/**
 * Renames a population or connectome source, from its declaration or any use: the edits come from the
 * language server's rename service (the declaration and every reference to it) and become one text
 * change per file, which the refactoring wizard previews. A circuit's names are its own (models do not
 * refer into each other), so a rename changes the one model, open or not, and never a namesake in
 * another file.
 */
public class CircuitRenameRefactoring extends Refactoring {
  private static final Pattern IDENTIFIER = Pattern.compile("\\^?[A-Za-z_][A-Za-z0-9_]*");

  private final IDocument document;
  private final int offset;
  private XtextResource resource;
  private EObject element;
  private String newName;
  private WorkspaceEdit edit;

  public CircuitRenameRefactoring(IDocument document, int offset) {
    this.document = document;
    this.offset = offset;
  }

  /** The current name of the element being renamed, or null before the initial check. */
  public String oldName() {
    return element == null ? null : SimpleAttributeResolver.NAME_RESOLVER.apply(element);
  }

  /** "population" or "connectome source". */
  public String kind() {
    return element instanceof ConnectomeSource ? "connectome source" : "population";
  }

  public void setNewName(String newName) {
    this.newName = newName == null ? null : newName.trim();
  }

  @Override
  public String getName() {
    return "Rename " + kind() + (oldName() == null ? "" : " '" + oldName() + "'");
  }

  @Override
  public RefactoringStatus checkInitialConditions(IProgressMonitor monitor) {
    resource = CircuitDocuments.parse(document);
    EObject found = CircuitEditorPlugin.getInjector().getInstance(EObjectAtOffsetHelper.class).getElementWithNameAt(resource, offset);
    if (!(found instanceof Population) && !(found instanceof ConnectomeSource) || found.eIsProxy()) {
      return RefactoringStatus.createFatalErrorStatus("Put the caret on the name of a population or connectome source (its declaration or a use).");
    }
    element = found;
    return new RefactoringStatus();
  }

  @Override
  public RefactoringStatus checkFinalConditions(IProgressMonitor monitor) {
    RefactoringStatus status = checkNewName(newName);
    if (status.hasFatalError()) {
      return status;
    }
    edit = CircuitEditorPlugin.services().rename(resource, offset, newName);
    if (edit == null || edit.getChanges() == null || edit.getChanges().isEmpty()) {
      status.addFatalError("The language's rename service found nothing to change.");
    }
    return status;
  }

  /** Whether {@code name} can be the new name: an identifier, not a keyword, not taken in the circuit. */
  public RefactoringStatus checkNewName(String name) {
    if (name == null || name.isEmpty()) {
      return RefactoringStatus.createFatalErrorStatus("Enter the new name.");
    }
    if (!IDENTIFIER.matcher(name).matches()) {
      return RefactoringStatus.createFatalErrorStatus("'" + name + "' is not a name: use letters, digits and '_', starting with a letter.");
    }
    Set<String> keywords = GrammarKeywords.of(CircuitEditorPlugin.getInjector().getInstance(IGrammarAccess.class));
    if (keywords.contains(name)) {
      return RefactoringStatus.createFatalErrorStatus("'" + name + "' is a keyword of the language.");
    }
    if (name.equals(oldName())) {
      return RefactoringStatus.createFatalErrorStatus("The new name is the current name.");
    }
    if (element != null && element.eContainer() instanceof Circuit circuit) {
      boolean taken = circuit.getElements().stream()
          .filter(e -> e.eClass() == element.eClass())
          .anyMatch(e -> name.equals(SimpleAttributeResolver.NAME_RESOLVER.apply(e)));
      if (taken) {
        return RefactoringStatus.createFatalErrorStatus("The circuit already has a " + kind() + " named '" + name + "'.");
      }
    }
    return new RefactoringStatus();
  }

  @Override
  public Change createChange(IProgressMonitor monitor) {
    CompositeChange change = new CompositeChange(getName());
    for (Map.Entry<String, List<TextEdit>> entry : edit.getChanges().entrySet()) {
      URI uri = URI.createURI(entry.getKey());
      if (!uri.isPlatformResource()) {
        continue;
      }
      IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(uri.toPlatformString(true)));
      // edits are in lines and characters of the text each model was parsed from
      var parsed = resource.getResourceSet().getResource(uri, false);
      if (!(parsed instanceof XtextResource model) || model.getParseResult() == null) {
        continue;
      }
      String text = model.getParseResult().getRootNode().getText();
      Document positions = new Document(1, text);
      TextFileChange fileChange = new TextFileChange(file.getName(), file);
      MultiTextEdit edits = new MultiTextEdit();
      for (TextEdit e : entry.getValue()) {
        int start = positions.getOffSet(e.getRange().getStart());
        edits.addChild(new ReplaceEdit(start, positions.getOffSet(e.getRange().getEnd()) - start, e.getNewText()));
      }
      fileChange.setEdit(edits);
      fileChange.setTextType("circuit");
      change.add(fileChange);
    }
    return change;
  }
}
