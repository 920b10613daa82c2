package org.neuromechfly.dmn.circuit.editor.launch;

import java.util.Arrays;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.core.runtime.Adapters;

/** Run As > Train circuit, on a .circuit file or its editor: reuses the model's configuration or makes one. */
public class TrainLaunchShortcut implements ILaunchShortcut {

  @Override
  public void launch(ISelection selection, String mode) {
    if (selection instanceof IStructuredSelection structured) {
      Optional.ofNullable(Adapters.adapt(structured.getFirstElement(), IFile.class)).ifPresent(file -> launch(file, mode));
    }
  }

  @Override
  public void launch(IEditorPart editor, String mode) {
    Optional.ofNullable(editor.getEditorInput().getAdapter(IFile.class)).ifPresent(file -> launch(file, mode));
  }

  private void launch(IFile model, String mode) {
    try {
      DebugUITools.launch(configurationFor(model), mode);
    } catch (CoreException e) {
      ILog.of(TrainLaunchShortcut.class).error("Cannot train " + model.getFullPath(), e);
    }
  }

  /** The launch configuration that trains {@code model}: the existing one, else a new one with the model's settings. */
  public static ILaunchConfiguration configurationFor(IFile model) throws CoreException {
    ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
    ILaunchConfigurationType type = manager.getLaunchConfigurationType(TrainLaunch.TYPE);
    String path = model.getFullPath().toPortableString();
    Optional<ILaunchConfiguration> existing = Arrays.stream(manager.getLaunchConfigurations(type))
        .filter(c -> {
          try {
            return path.equals(c.getAttribute(TrainLaunch.MODEL, ""));
          } catch (CoreException e) {
            return false;
          }
        })
        .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(model.getFullPath().removeFileExtension().lastSegment()));
    copy.setAttribute(TrainLaunch.MODEL, path);
    copy.setMappedResources(new org.eclipse.core.resources.IResource[] {model});
    return copy.doSave();
  }
}
