package org.neuromechfly.dmn.circuit.editor;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.neuromechfly.dmn.circuit.editor.launch.DmnCommand;

/**
 * Preferences > Circuit models: the {@code dmn} command the IDE runs for training and exports, and the
 * data directory connectome sources resolve in.
 */
public class DmnPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

  public DmnPreferencePage() {
    super(GRID);
    setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, CircuitEditorPlugin.PLUGIN_ID));
    setDescription("Training and the NIR, Loihi and SameDiff artifacts need the engine, which runs as a separate 'dmn'"
        + " process. Give the checkout's 'dmn' script, or the command line's target folder (dmn.jar and lib/).");
  }

  @Override
  protected void createFieldEditors() {
    addField(new StringFieldEditor(DmnCommand.PREFERENCE, "dmn command:", getFieldEditorParent()));
    addField(new DirectoryFieldEditor(DmnCommand.DATA_DIR_PREFERENCE, "Data directory:", getFieldEditorParent()));
  }

  @Override
  public void init(IWorkbench workbench) {
    // the preference store is set in the constructor
  }
}
