package org.neuromechfly.dmn.circuit.editor.tests;

import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IEditorPart;

/**
 * Hovers as the mouse makes them: moves the pointer over a word of the editor's text widget, lets the
 * text viewer's hover manager compute and open its popup, and reads what the popup shell renders.
 */
final class Hovers {
  private Hovers() {}

  /** The popup shown when the mouse rests on {@code offset}, or null if none opens. */
  static Shell hover(IEditorPart editor, int offset) {
    StyledText text = EditorFixtures.viewer(editor).getTextWidget();
    Display display = text.getDisplay();
    text.getShell().forceActive();
    text.setFocus();
    UiWait.drain();
    // a hover manager reuses its popup shell: a shell hidden now that shows later is the new popup
    List<Shell> before = Arrays.stream(display.getShells()).filter(Shell::isVisible).toList();
    Point at = text.getLocationAtOffset(offset);
    at.x += 3;
    at.y += text.getLineHeight(offset) / 2;
    display.setCursorLocation(text.toDisplay(at));
    for (int type : new int[] {SWT.MouseEnter, SWT.MouseMove, SWT.MouseHover}) {
      Event event = new Event();
      event.widget = text;
      event.x = at.x;
      event.y = at.y;
      text.notifyListeners(type, event);
    }
    Shell[] popup = new Shell[1];
    UiWait.until(() -> {
      for (Shell shell : display.getShells()) {
        if (!before.contains(shell) && shell.isVisible() && !text(shell).isBlank()) {
          popup[0] = shell;
          return true;
        }
      }
      return false;
    }, 15_000);
    return popup[0];
  }

  /** All text the popup renders: styled text, labels and links. */
  static String text(Shell popup) {
    StringBuilder text = new StringBuilder();
    for (var control : OutlineTest.find(popup, org.eclipse.swt.widgets.Control.class)) {
      if (control instanceof StyledText styled) {
        text.append(styled.getText()).append('\n');
      } else if (control instanceof org.eclipse.swt.widgets.Label label && label.getText() != null && !label.getText().isBlank()) {
        text.append(label.getText()).append('\n');
      } else if (control instanceof org.eclipse.swt.widgets.Link link) {
        text.append(link.getText().replaceAll("</?[aA]>", "")).append('\n');
      }
    }
    return text.toString();
  }
}
