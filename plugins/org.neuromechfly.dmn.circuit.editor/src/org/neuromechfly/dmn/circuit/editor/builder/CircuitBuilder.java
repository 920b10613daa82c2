package org.neuromechfly.dmn.circuit.editor.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;

/**
 * The project builder of circuit models: on save (auto-build) and on Project > Build it validates every
 * changed model, open in an editor or not, into problem markers that survive a restart, and generates
 * each valid model's files into the output folder. Artifacts that need the engine (NIR and Loihi
 * exports, the SameDiff graph) are made afterwards by a {@code dmn} process ({@link EngineArtifacts}).
 */
public class CircuitBuilder extends IncrementalProjectBuilder {
  public static final String ID = CircuitEditorPlugin.PLUGIN_ID + ".builder";

  @Override
  protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
    IProject project = getProject();
    BuildSettings settings = BuildSettings.of(project);
    List<IFile> changed = new ArrayList<>();
    List<IPath> removed = new ArrayList<>();
    IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(project);
    if (delta == null) {
      collectModels(project, settings, changed);
    } else {
      collectChanges(delta, settings, changed, removed);
    }
    SubMonitor progress = SubMonitor.convert(monitor, "Building circuit models", changed.size() + removed.size());
    for (IPath model : removed) {
      GeneratedFiles.forget(project, model, progress.split(1));
    }
    List<EngineArtifacts.Request> artifacts = new ArrayList<>();
    for (IFile model : changed) {
      progress.subTask(model.getName());
      var result = ModelBuild.run(model, settings, progress.split(1));
      if (result.artifacts() != null) {
        artifacts.add(result.artifacts());
      }
    }
    EngineArtifacts.schedule(artifacts, settings);
    return null;
  }

  @Override
  protected void clean(IProgressMonitor monitor) throws CoreException {
    IProject project = getProject();
    List<IFile> models = new ArrayList<>();
    BuildSettings settings = BuildSettings.of(project);
    collectModels(project, settings, models);
    for (IFile model : models) {
      GeneratedFiles.forget(project, model.getProjectRelativePath(), monitor);
    }
    project.deleteMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_INFINITE);
  }

  /** Whether a resource is a model this builder builds: a .circuit file outside generated and derived folders. */
  static boolean isModel(IResource resource, BuildSettings settings) {
    return resource.getType() == IResource.FILE
        && "circuit".equals(resource.getFileExtension())
        && !resource.isDerived(IResource.CHECK_ANCESTORS)
        && !settings.outputFolder().isPrefixOf(resource.getProjectRelativePath());
  }

  private static void collectModels(IProject project, BuildSettings settings, List<IFile> models) throws CoreException {
    project.accept(resource -> {
      if (isModel(resource, settings)) {
        models.add((IFile) resource);
      }
      return !resource.isDerived() && !(resource.getType() == IResource.FOLDER && settings.outputFolder().equals(resource.getProjectRelativePath()));
    });
  }

  private static void collectChanges(IResourceDelta delta, BuildSettings settings, List<IFile> changed, List<IPath> removed) throws CoreException {
    delta.accept(d -> {
      IResource resource = d.getResource();
      if (!isModel(resource, settings)) {
        return true;
      }
      if (d.getKind() == IResourceDelta.REMOVED) {
        removed.add(resource.getProjectRelativePath());
      } else if (d.getKind() == IResourceDelta.ADDED || (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0) {
        changed.add((IFile) resource);
      }
      return true;
    });
  }
}
