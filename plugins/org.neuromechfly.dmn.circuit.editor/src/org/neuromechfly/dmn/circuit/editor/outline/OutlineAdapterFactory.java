package org.neuromechfly.dmn.circuit.editor.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/** Gives the Generic Editor an outline page while it shows a circuit model (the Outline view asks for it). */
public class OutlineAdapterFactory implements IAdapterFactory {
  @Override
  public <T> T getAdapter(Object adaptable, Class<T> type) {
    if (type == IContentOutlinePage.class && adaptable instanceof IEditorPart editor) {
      return CircuitEditors.of(editor).map(text -> type.cast(new CircuitOutlinePage(text))).orElse(null);
    }
    return null;
  }

  @Override
  public Class<?>[] getAdapterList() {
    return new Class<?>[] {IContentOutlinePage.class};
  }
}
