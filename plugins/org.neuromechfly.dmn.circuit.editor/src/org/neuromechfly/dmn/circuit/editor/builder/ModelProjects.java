package org.neuromechfly.dmn.circuit.editor.builder;

import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;

/**
 * Keeps every project that holds circuit models under the circuit builder, without asking: at startup
 * and whenever a {@code .circuit} file appears in a project (created, imported, opened), the project
 * gets the circuit nature and a full build, so models nobody opened are validated and generated too.
 * It also revalidates a model from disk when an editor closes with its changes discarded, since the
 * markers described the unsaved text.
 */
public class ModelProjects implements IStartup {

  @Override
  public void earlyStartup() {
    ResourcesPlugin.getWorkspace().addResourceChangeListener(ModelProjects::resourcesChanged, IResourceChangeEvent.POST_CHANGE);
    FileBuffers.getTextFileBufferManager().addFileBufferListener(new DiscardedEdits());
    Set<IProject> projects = new LinkedHashSet<>();
    for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
      if (needsNature(project) && holdsModels(project)) {
        projects.add(project);
      }
    }
    addNature(projects);
  }

  private static void resourcesChanged(IResourceChangeEvent event) {
    if (event.getDelta() == null) {
      return;
    }
    Set<IProject> projects = new LinkedHashSet<>();
    try {
      event.getDelta().accept(delta -> {
        IResource resource = delta.getResource();
        if (resource.getType() == IResource.PROJECT) {
          // only projects that may need the nature are worth descending into
          return needsNature((IProject) resource);
        }
        boolean appeared = delta.getKind() == IResourceDelta.ADDED || (delta.getFlags() & IResourceDelta.OPEN) != 0;
        if (appeared && resource.getType() == IResource.FILE && "circuit".equals(resource.getFileExtension())) {
          projects.add(resource.getProject());
        }
        return true;
      });
    } catch (CoreException e) {
      return;
    }
    addNature(projects);
  }

  private static boolean needsNature(IProject project) {
    try {
      return project.isOpen() && !project.hasNature(CircuitNature.ID);
    } catch (CoreException e) {
      return false;
    }
  }

  private static boolean holdsModels(IProject project) {
    boolean[] found = {false};
    try {
      project.accept(resource -> {
        if (resource.getType() == IResource.FILE && "circuit".equals(resource.getFileExtension())) {
          found[0] = true;
        }
        return !found[0] && !resource.isDerived();
      });
    } catch (CoreException e) {
      return false;
    }
    return found[0];
  }

  /** Adds the nature in a job: a resource-change listener may not change the workspace itself. */
  private static void addNature(Set<IProject> projects) {
    if (projects.isEmpty()) {
      return;
    }
    WorkspaceJob job = new WorkspaceJob("Adding the circuit builder") {
      @Override
      public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
        for (IProject project : projects) {
          if (needsNature(project)) {
            CircuitNature.addTo(project, monitor);
            project.build(IncrementalProjectBuilder.FULL_BUILD, CircuitBuilder.ID, null, monitor);
          }
        }
        return Status.OK_STATUS;
      }
    };
    job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
    job.schedule();
  }

  /** An editor closed without saving: its markers described text that is gone. */
  private static final class DiscardedEdits implements IFileBufferListener {
    @Override
    public void bufferDisposed(IFileBuffer buffer) {
      if (!(buffer instanceof ITextFileBuffer) || !buffer.isDirty() || buffer.getLocation() == null) {
        return;
      }
      IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
      if (!file.exists() || !"circuit".equals(file.getFileExtension())) {
        return;
      }
      WorkspaceJob job = new WorkspaceJob("Validating " + file.getName()) {
        @Override
        public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
          if (file.exists()) {
            ModelBuild.validate(file, monitor);
          }
          return Status.OK_STATUS;
        }
      };
      job.setRule(file);
      job.schedule();
    }

    @Override public void bufferCreated(IFileBuffer buffer) {}
    @Override public void bufferContentAboutToBeReplaced(IFileBuffer buffer) {}
    @Override public void bufferContentReplaced(IFileBuffer buffer) {}
    @Override public void stateChanging(IFileBuffer buffer) {}
    @Override public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {}
    @Override public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) {}
    @Override public void underlyingFileMoved(IFileBuffer buffer, org.eclipse.core.runtime.IPath path) {}
    @Override public void underlyingFileDeleted(IFileBuffer buffer) {}
    @Override public void stateChangeFailed(IFileBuffer buffer) {}
  }
}
