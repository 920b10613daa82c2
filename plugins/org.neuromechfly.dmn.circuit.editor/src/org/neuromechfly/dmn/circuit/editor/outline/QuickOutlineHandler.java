package org.neuromechfly.dmn.circuit.editor.outline;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/** Opens the quick outline (Ctrl+O) over a circuit editor. */
public class QuickOutlineHandler extends AbstractHandler {
  @Override
  public Object execute(ExecutionEvent event) {
    CircuitEditors.of(event).ifPresent(editor -> new QuickOutline(HandlerUtil.getActiveShell(event), editor).open());
    return null;
  }
}
