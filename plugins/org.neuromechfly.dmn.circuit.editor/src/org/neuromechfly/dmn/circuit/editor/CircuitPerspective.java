package org.neuromechfly.dmn.circuit.editor;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;
import org.neuromechfly.dmn.circuit.editor.launch.TrainingRunView;
import org.neuromechfly.dmn.circuit.editor.navigation.ReferencesView;

/**
 * The Circuit perspective: models on the left, the editor in the middle, its outline on the right, and
 * below the problems of every model, the training console, the last run and the references found.
 */
public class CircuitPerspective implements IPerspectiveFactory {
  public static final String ID = CircuitEditorPlugin.PLUGIN_ID + ".perspective";
  private static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

  @Override
  public void createInitialLayout(IPageLayout layout) {
    String editors = layout.getEditorArea();
    layout.addView(PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editors);
    layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.75f, editors);
    IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.7f, editors);
    bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
    bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
    bottom.addView(TrainingRunView.ID);
    bottom.addView(ReferencesView.ID);
    layout.addNewWizardShortcut(CircuitEditorPlugin.PLUGIN_ID + ".newCircuit");
    layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
    layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
    layout.addShowViewShortcut(TrainingRunView.ID);
    layout.addShowViewShortcut(ReferencesView.ID);
    layout.addPerspectiveShortcut("org.eclipse.ui.resourcePerspective");
  }
}
