package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/**
 * The picture README shows: the example model in the Circuit perspective with its outline, the
 * Problems view and a hover over a problem, captured from the screen into
 * {@code target/screenshots/ide.png} (the committed copy lives in {@code releng/screenshots/}).
 * Run under a large X screen for a useful picture: {@code xvfb-run -s "-screen 0 1400x900x24"}.
 */
class ScreenshotTest {

  @Test
  void theIdeWithOutlineProblemsAndAHover() throws Exception {
    IProject project = EditorFixtures.openProject("olfaction");
    String example = Files.readString(Path.of(System.getProperty("dmn.examples.dir", "../../dsl-examples"), "olfactory.circuit"));
    // one slip a modeller makes: a membrane time constant in millimetres
    String model = example.replace("export nir \"olfactory.nir\"", "")
        .replaceFirst("population KC : KC \\{\n  count 2000\n  tau_mem 10 ms", "population KC : KC {\n  count 2000\n  tau_mem 10 mm");
    IFile file = EditorFixtures.write(project, "olfactory.circuit", model);
    // only this model's problems in the picture: other tests' projects close for it
    List<IProject> closed = new ArrayList<>();
    for (IProject other : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
      if (!other.equals(project) && other.isOpen()) {
        other.close(null);
        closed.add(other);
      }
    }

    var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    Shell shell = window.getShell();
    Display display = shell.getDisplay();
    shell.setBounds(display.getPrimaryMonitor().getClientArea());
    IWorkbenchPage page = window.getActivePage();
    page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("org.neuromechfly.dmn.circuit.editor.perspective"));
    page.resetPerspective();
    ITextEditor editor = (ITextEditor) EditorFixtures.open(file);
    page.showView(IPageLayout.ID_PROBLEM_VIEW);
    page.showView(IPageLayout.ID_OUTLINE, null, IWorkbenchPage.VIEW_VISIBLE);
    page.activate(editor);
    assertTrue(UiWait.until(() -> !BuilderTest.markers(file, CircuitIssueCodes.WRONG_DIMENSION).isEmpty(), 30_000));
    int unit = model.indexOf("10 mm") + 3;
    editor.selectAndReveal(model.indexOf("population KC"), 0);
    UiWait.until(() -> false, 1_500); // outline, problems and annotations settle

    expandProblems(page);
    UiWait.until(() -> false, 500);

    Shell popup = Hovers.hover(editor, unit);
    assertNotNull(popup, "the hover opens");
    UiWait.until(() -> popup.isDisposed() || popup.getSize().x > 150 && popup.getSize().y > 30, 5_000);
    UiWait.until(() -> false, 500);
    assertTrue(!popup.isDisposed() && popup.isVisible(), "the hover is still open for the picture");
    Path out = Path.of("target", "screenshots", "ide.png");
    Files.createDirectories(out.getParent());
    Screenshots.capture(shell, popup, out);
    popup.setVisible(false);

    // and what a word means: a population's cell type with its reference values and their sources, in a
    // fresh editor (its hover manager knows nothing of the popup hidden above)
    page.closeEditor(editor, false);
    editor = (ITextEditor) EditorFixtures.open(file);
    int use = model.indexOf("projection PN -> KC") + "projection PN -> ".length();
    editor.selectAndReveal(use, 0); // the mouse can rest only on text that shows
    UiWait.until(() -> false, 1_000);
    Shell documentation = Hovers.hover(editor, use);
    assertNotNull(documentation, "the documentation hover opens");
    UiWait.until(() -> false, 500);
    Screenshots.capture(shell, documentation, out.resolveSibling("ide-documentation.png"));
    documentation.setVisible(false);
    page.closeAllEditors(false);
    page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("org.eclipse.ui.resourcePerspective"));
    for (IProject other : closed) {
      other.open(null);
    }
    assertTrue(Files.size(out) > 10_000, "a picture was written: " + out.toAbsolutePath());
  }

  /** Opens the Problems view's categories, so the messages show. */
  private static void expandProblems(IWorkbenchPage page) {
    var problems = page.findViewReference(IPageLayout.ID_PROBLEM_VIEW);
    if (problems != null && problems.getPart(false) != null) {
      var control = problems.getPart(false).getSite().getShell();
      for (Tree tree : OutlineTest.find(control, Tree.class)) {
        for (TreeItem item : tree.getItems()) {
          if (item.getText().startsWith("Errors") || item.getText().startsWith("Warnings") || item.getText().startsWith("Infos")) {
            // as a click on the twistie does: the viewer fills the category on the expand event
            org.eclipse.swt.widgets.Event expand = new org.eclipse.swt.widgets.Event();
            expand.item = item;
            tree.notifyListeners(SWT.Expand, expand);
            item.setExpanded(true);
          }
        }
      }
    }
  }
}
