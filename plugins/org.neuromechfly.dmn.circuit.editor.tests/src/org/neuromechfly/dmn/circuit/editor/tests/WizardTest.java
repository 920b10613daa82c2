package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.CircuitEditors;

/** File > New > Circuit model, and the perspectives a modeller starts in. */
class WizardTest {

  @Test
  void newCircuitModelWizardCreatesAValidModelAndOpensIt() throws Exception {
    IProject project = EditorFixtures.openProject("wizard-test");
    IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("org.neuromechfly.dmn.circuit.editor.newCircuit");
    assertNotNull(descriptor, "the wizard is registered under File > New");
    var wizard = (org.eclipse.ui.INewWizard) descriptor.createWizard();
    wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
    WizardDialog dialog = new WizardDialog(EditorFixtures.page().getWorkbenchWindow().getShell(), wizard);
    dialog.setBlockOnOpen(false);
    dialog.open();
    Text fileName = OutlineTest.find(dialog.getShell(), Text.class).stream().filter(t -> t.getText().endsWith(".circuit")).findFirst().orElseThrow();
    fileName.setText("odour-search.circuit");
    UiWait.drain();
    assertTrue(wizard.canFinish(), "the page is complete with a file name in the selected project");
    assertTrue(wizard.performFinish());
    dialog.close();

    IFile file = project.getFile("odour-search.circuit");
    assertTrue(file.exists());
    assertTrue(CircuitEditors.of(EditorFixtures.page().getActiveEditor()).isPresent(), "the new model opens in the circuit editor");
    String text = EditorFixtures.viewer(EditorFixtures.page().getActiveEditor()).getDocument().get();
    assertTrue(text.contains("circuit OdourSearch"), text);
    // the template is a model that validates cleanly (it also trains: it is the example with fewer episodes)
    assertTrue(UiWait.until(() -> project.getFile("generated/OdourSearch.ir.json").exists(), 60_000), "the builder generates the new model: " + BuilderTest.describe(file));
    assertTrue(BuilderTest.markers(file, null).stream().noneMatch(m -> m.getAttribute(IMarker.SEVERITY, 0) >= IMarker.SEVERITY_WARNING), BuilderTest.describe(file));
    EditorFixtures.page().closeAllEditors(false);
  }

  @Test
  void theResourcePerspectiveShowsProblemsAndTheCircuitPerspectiveEverything() throws Exception {
    var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
    window.getActivePage().setPerspective(registry.findPerspectiveWithId("org.eclipse.ui.resourcePerspective"));
    window.getActivePage().resetPerspective();
    UiWait.drain();
    assertTrue(shown(IPageLayout.ID_PROBLEM_VIEW), "Problems is in the default (Resource) perspective");

    window.getActivePage().setPerspective(registry.findPerspectiveWithId("org.neuromechfly.dmn.circuit.editor.perspective"));
    UiWait.drain();
    for (String view : new String[] {IPageLayout.ID_PROBLEM_VIEW, IPageLayout.ID_OUTLINE, "org.eclipse.ui.navigator.ProjectExplorer", "org.eclipse.ui.console.ConsoleView"}) {
      assertTrue(shown(view), view + " in the Circuit perspective");
    }
    window.getActivePage().setPerspective(registry.findPerspectiveWithId("org.eclipse.ui.resourcePerspective"));
  }

  private static boolean shown(String viewId) {
    IViewReference[] views = EditorFixtures.page().getViewReferences();
    return Arrays.stream(views).anyMatch(v -> v.getId().equals(viewId));
  }
}
