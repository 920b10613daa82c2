package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;

/**
 * Rename (Alt+Shift+R) through the refactoring dialog a user sees: type the new name, look at the
 * preview, press OK. Two models in the workspace declare a population KC; renaming one from a use
 * changes its declaration and every use in that model, and leaves the other model's KC alone (a
 * circuit's names are its own).
 */
class RenameTest extends WorkbenchTest {
  private static final String OTHER = "circuit Other\npopulation KC : KC { count 2000 }\npopulation M : MBON { count 50 }\nprojection KC -> M dense\n";




  @Test
  void renameFromAUseWithPreviewUpdatesEveryUseOfThatModelOnly() throws Exception {
    IFile model = EditorFixtures.write(project, "renamed.circuit", NavigationTest.MODEL);
    IFile other = EditorFixtures.write(project, "other.circuit", OTHER);
    ITextEditor editor = (ITextEditor) EditorFixtures.open(model);
    editor.selectAndReveal(NavigationTest.MODEL.indexOf("-> KC") + 4, 0);
    UiWait.drain();

    // the dialog is modal: its event loop runs inside the command, so the steps a user takes run from
    // inside that loop, each when the dialog is ready for it
    Display display = Display.getCurrent();
    List<Shell> before = Arrays.asList(display.getShells());
    List<String> seen = new ArrayList<>();
    DialogSteps steps = new DialogSteps(display, before, seen);
    display.timerExec(200, steps);
    display.asyncExec(() -> {
      try {
        EditorFixtures.execute("org.neuromechfly.dmn.circuit.editor.rename"); // Alt+Shift+R
      } catch (Exception e) {
        seen.add("command failed: " + e);
      }
      steps.commandReturned = true;
    });
    assertTrue(UiWait.until(() -> steps.commandReturned, 60_000), "the rename dialog closes: " + seen);
    assertEquals(List.of("dialog: Rename population 'KC'", "name field: KC", "preview lists renamed.circuit", "OK"), seen);
    assertTrue(UiWait.until(() -> !EditorFixtures.viewer(editor).getDocument().get().contains("KC ->"), 5_000));

    String expected = NavigationTest.MODEL.replace("population KC", "population Kenyon").replace("-> KC", "-> Kenyon")
        .replace("KC -> MBON", "Kenyon -> MBON").replace("on KC", "on Kenyon");
    assertEquals(expected, EditorFixtures.viewer(editor).getDocument().get());
    assertEquals(OTHER, read(other), "another model's KC is another population");
  }

  /** Takes the user's steps in the dialog, polling from inside its modal event loop. */
  private static final class DialogSteps implements Runnable {
    private final Display display;
    private final List<Shell> before;
    private final List<String> seen;
    private Shell dialog;
    private int step;
    private int polls;
    volatile boolean commandReturned;

    DialogSteps(Display display, List<Shell> before, List<String> seen) {
      this.display = display;
      this.before = before;
      this.seen = seen;
    }

    @Override
    public void run() {
      if (commandReturned || polls++ > 300) {
        return;
      }
      try {
        if (dialog == null) {
          for (Shell shell : display.getShells()) {
            if (!before.contains(shell) && shell.isVisible()) {
              dialog = shell;
              seen.add("dialog: " + shell.getText());
            }
          }
        } else if (step == 0) {
          Text name = OutlineTest.find(dialog, Text.class).stream().filter(t -> "KC".equals(t.getText())).findFirst().orElse(null);
          if (name != null) {
            seen.add("name field: " + name.getText());
            name.setText("Kenyon");
            step++;
          }
        } else if (step == 1 && press(dialog, "Preview >")) {
          step++;
        } else if (step == 2 && button(dialog, "< Back") != null) {
          List<String> items = new ArrayList<>();
          OutlineTest.find(dialog, Tree.class).forEach(t -> texts(t.getItems(), items));
          boolean listed = items.stream().anyMatch(i -> i.contains("renamed.circuit"));
          seen.add(listed ? "preview lists renamed.circuit" : "preview without the file");
          step++;
        } else if (step == 3 && press(dialog, "OK")) {
          seen.add("OK");
          step++;
          return;
        }
      } catch (RuntimeException e) {
        seen.add("failed: " + e);
        return;
      }
      display.timerExec(100, this);
    }
  }

  private static void texts(org.eclipse.swt.widgets.TreeItem[] items, List<String> into) {
    for (var item : items) {
      into.add(item.getText());
      item.setExpanded(true);
      texts(item.getItems(), into);
    }
  }

  private static Button button(Shell shell, String label) {
    return OutlineTest.find(shell, Button.class).stream().filter(b -> label.equals(b.getText().replace("&", ""))).findFirst().orElse(null);
  }

  private static boolean press(Shell shell, String label) {
    Button button = button(shell, label);
    if (button == null || !button.isEnabled()) {
      return false;
    }
    button.notifyListeners(SWT.Selection, new Event());
    return true;
  }

  private static String read(IFile file) throws Exception {
    try (InputStream in = file.getContents(true)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
