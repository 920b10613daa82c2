package org.neuromechfly.dmn.circuit.editor.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/** Marks a project that holds circuit models, and installs the {@link CircuitBuilder} on it. */
public class CircuitNature implements IProjectNature {
  public static final String ID = CircuitEditorPlugin.PLUGIN_ID + ".nature";

  private IProject project;

  /** Adds the nature (and so the builder) to a project that lacks it. */
  public static void addTo(IProject project, IProgressMonitor monitor) throws CoreException {
    if (!project.isOpen() || project.hasNature(ID)) {
      return;
    }
    IProjectDescription description = project.getDescription();
    List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
    natures.add(ID);
    description.setNatureIds(natures.toArray(String[]::new));
    project.setDescription(description, monitor);
  }

  @Override
  public void configure() throws CoreException {
    IProjectDescription description = project.getDescription();
    List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
    if (commands.stream().noneMatch(c -> CircuitBuilder.ID.equals(c.getBuilderName()))) {
      ICommand command = description.newCommand();
      command.setBuilderName(CircuitBuilder.ID);
      commands.add(command);
      description.setBuildSpec(commands.toArray(ICommand[]::new));
      project.setDescription(description, null);
    }
  }

  @Override
  public void deconfigure() throws CoreException {
    IProjectDescription description = project.getDescription();
    ICommand[] kept = Arrays.stream(description.getBuildSpec()).filter(c -> !CircuitBuilder.ID.equals(c.getBuilderName())).toArray(ICommand[]::new);
    description.setBuildSpec(kept);
    project.setDescription(description, null);
  }

  @Override
  public IProject getProject() {
    return project;
  }

  @Override
  public void setProject(IProject project) {
    this.project = project;
  }
}
