package org.neuromechfly.dmn.circuit.editor.navigation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/**
 * Find References (the Generic Editor's command, Ctrl+Shift+G) in a circuit model: the uses of the
 * population or connectome source under the caret, from the language server's reference finder, listed
 * in the Circuit References view.
 */
public class FindReferencesHandler extends AbstractHandler {

  @Override
  public Object execute(ExecutionEvent event) throws ExecutionException {
    Optional<ITextEditor> editor = CircuitEditors.of(event);
    if (editor.isEmpty()) {
      return null;
    }
    int offset = CircuitEditors.caret(editor.get());
    XtextResource resource = CircuitDocuments.parse(CircuitEditors.document(editor.get()));
    EObject element = CircuitEditorPlugin.getInjector().getInstance(EObjectAtOffsetHelper.class).getElementWithNameAt(resource, offset);
    String name = element == null ? null : SimpleAttributeResolver.NAME_RESOLVER.apply(element);
    List<Locations.Place> uses = CircuitEditorPlugin.services().references(resource, offset).stream()
        .map(Locations::resolve)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing((Locations.Place p) -> p.file().getFullPath().toString()).thenComparingInt(Locations.Place::offset))
        .toList();
    try {
      ReferencesView view = (ReferencesView) HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(ReferencesView.ID);
      view.show(name == null ? "the selection" : name, uses);
    } catch (PartInitException e) {
      throw new ExecutionException("Cannot show the references", e);
    }
    return null;
  }
}
