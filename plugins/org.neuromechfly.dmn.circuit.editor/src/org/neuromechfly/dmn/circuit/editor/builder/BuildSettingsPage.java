package org.neuromechfly.dmn.circuit.editor.builder;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;
import org.osgi.service.prefs.BackingStoreException;

/** Project > Properties > Circuit models: where generated files go, and whether the training graph is generated. */
public class BuildSettingsPage extends PropertyPage {
  private Text output;
  private Button trainingGraph;

  @Override
  protected Control createContents(Composite parent) {
    BuildSettings settings = BuildSettings.of(project());
    Composite composite = new Composite(parent, SWT.NONE);
    composite.setLayout(new GridLayout(2, false));
    new Label(composite, SWT.NONE).setText("Generated files in:");
    output = new Text(composite, SWT.BORDER);
    output.setText(settings.outputFolder().toPortableString());
    output.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    trainingGraph = new Button(composite, SWT.CHECK);
    trainingGraph.setText("Generate each model's SameDiff training graph (dmn train --emit-samediff; slow for large circuits)");
    trainingGraph.setSelection(settings.trainingGraph());
    trainingGraph.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    Label note = new Label(composite, SWT.WRAP);
    note.setText("NIR and Loihi bundles are generated where a model's export block declares them.");
    note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    return composite;
  }

  @Override
  public boolean performOk() {
    var node = BuildSettings.node(project());
    String folder = output.getText().trim();
    node.put(BuildSettings.OUTPUT_FOLDER, folder.isEmpty() ? BuildSettings.DEFAULT_OUTPUT : folder);
    node.putBoolean(BuildSettings.TRAINING_GRAPH, trainingGraph.getSelection());
    try {
      node.flush();
    } catch (BackingStoreException e) {
      setErrorMessage("Cannot save the settings: " + e.getMessage());
      return false;
    }
    IProject project = project();
    WorkspaceJob rebuild = new WorkspaceJob("Rebuilding circuit models of " + project.getName()) {
      @Override
      public IStatus runInWorkspace(IProgressMonitor monitor) throws org.eclipse.core.runtime.CoreException {
        project.build(IncrementalProjectBuilder.CLEAN_BUILD, CircuitBuilder.ID, null, monitor);
        project.build(IncrementalProjectBuilder.FULL_BUILD, CircuitBuilder.ID, null, monitor);
        return Status.OK_STATUS;
      }
    };
    rebuild.setRule(project.getWorkspace().getRuleFactory().buildRule());
    rebuild.schedule();
    return true;
  }

  private IProject project() {
    return Adapters.adapt(getElement(), IProject.class);
  }
}
