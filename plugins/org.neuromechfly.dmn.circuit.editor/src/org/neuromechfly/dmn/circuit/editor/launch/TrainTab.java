package org.neuromechfly.dmn.circuit.editor.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** The model to train, and overrides of its episodes, engine and threads. */
public class TrainTab extends AbstractLaunchConfigurationTab {
  private static final String[] ENGINES = {"", "fused", "samediff"};

  private Text model;
  private Spinner episodes;
  private Combo engine;
  private Spinner threads;

  @Override
  public void createControl(Composite parent) {
    Composite composite = new Composite(parent, SWT.NONE);
    composite.setLayout(new GridLayout(2, false));
    model = field(composite, "Model (workspace path):");
    episodes = spinner(composite, "Episodes (0: the model's):", 0, 100_000);
    new Label(composite, SWT.NONE).setText("Engine:");
    engine = new Combo(composite, SWT.READ_ONLY);
    engine.setItems("the model's", "fused (hand-written BPTT kernel)", "samediff (ND4J SameDiff graph, slow)");
    engine.addModifyListener(e -> updateLaunchConfigurationDialog());
    threads = spinner(composite, "Threads (batch shards):", 1, 64);
    setControl(composite);
  }

  private Text field(Composite parent, String label) {
    new Label(parent, SWT.NONE).setText(label);
    Text text = new Text(parent, SWT.BORDER);
    text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    text.addModifyListener(e -> updateLaunchConfigurationDialog());
    return text;
  }

  private Spinner spinner(Composite parent, String label, int min, int max) {
    new Label(parent, SWT.NONE).setText(label);
    Spinner spinner = new Spinner(parent, SWT.BORDER);
    spinner.setValues(min, min, max, 0, 1, 10);
    spinner.addModifyListener(e -> updateLaunchConfigurationDialog());
    return spinner;
  }

  @Override
  public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
    configuration.setAttribute(TrainLaunch.EPISODES, 0);
    configuration.setAttribute(TrainLaunch.ENGINE, "");
    configuration.setAttribute(TrainLaunch.THREADS, 1);
  }

  @Override
  public void initializeFrom(ILaunchConfiguration configuration) {
    try {
      model.setText(configuration.getAttribute(TrainLaunch.MODEL, ""));
      episodes.setSelection(configuration.getAttribute(TrainLaunch.EPISODES, 0));
      String chosen = configuration.getAttribute(TrainLaunch.ENGINE, "");
      engine.select(Math.max(0, java.util.Arrays.asList(ENGINES).indexOf(chosen)));
      threads.setSelection(configuration.getAttribute(TrainLaunch.THREADS, 1));
    } catch (CoreException e) {
      setErrorMessage(e.getMessage());
    }
  }

  @Override
  public void performApply(ILaunchConfigurationWorkingCopy configuration) {
    configuration.setAttribute(TrainLaunch.MODEL, model.getText().trim());
    configuration.setAttribute(TrainLaunch.EPISODES, episodes.getSelection());
    configuration.setAttribute(TrainLaunch.ENGINE, ENGINES[Math.max(0, engine.getSelectionIndex())]);
    configuration.setAttribute(TrainLaunch.THREADS, threads.getSelection());
  }

  @Override
  public boolean isValid(ILaunchConfiguration configuration) {
    String path = model.getText().trim();
    IFile file = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(path));
    if (file == null || !file.exists() || !"circuit".equals(file.getFileExtension())) {
      setErrorMessage("Name a .circuit file of the workspace, e.g. /project/olfactory.circuit");
      return false;
    }
    setErrorMessage(null);
    return true;
  }

  @Override
  public String getName() {
    return "Model";
  }
}
