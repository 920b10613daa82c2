package org.neuromechfly.dmn.circuit.editor.builder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Writes what the generator produced for one model into the project's output folder, and remembers
 * which files each model produced so files a model no longer produces (or produced before it was
 * deleted) go away. A file is rewritten only when its bytes change, so a build that changes nothing
 * touches nothing; every written file is marked derived.
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /**
   * Writes the generator's files (keys as Xtext's in-memory file system access names them) below the
   * output folder, replacing what the model generated before; {@code madeLater} are output-relative
   * files a {@code dmn} process makes afterwards, recorded so they are removed with the model.
   */
  static Set<IFile> write(IFile model, IFolder output, Map<String, Object> files, List<String> madeLater, IProgressMonitor monitor) throws CoreException {
    Set<IFile> written = new LinkedHashSet<>();
    for (Map.Entry<String, Object> entry : new TreeMap<>(files).entrySet()) {
      String relative = entry.getKey().substring(IFileSystemAccess.DEFAULT_OUTPUT.length());
      IPath path = IPath.fromPortableString(relative);
      if (path.isAbsolute() || Arrays.asList(path.segments()).contains("..")) {
        throw new CoreException(CircuitEditorPlugin.error("refusing to generate " + relative + " outside " + output.getFullPath(), null));
      }
      IFile file = output.getFile(path);
      writeIfChanged(file, bytes(entry.getValue()), monitor);
      written.add(file);
    }
    Set<IFile> recorded = new LinkedHashSet<>(written);
    madeLater.forEach(f -> recorded.add(output.getFile(IPath.fromPortableString(f))));
    replaceRecord(model, recorded, monitor);
    return written;
  }

  /** Deletes what a model generated before and forgets it (the model was deleted, or the build cleaned). */
  static void forget(IProject project, IPath model, IProgressMonitor monitor) throws CoreException {
    for (IFile file : recorded(project, model)) {
      if (file.exists()) {
        file.delete(true, monitor);
      }
    }
    project.setPersistentProperty(key(model), null);
  }

  private static void replaceRecord(IFile model, Set<IFile> written, IProgressMonitor monitor) throws CoreException {
    IProject project = model.getProject();
    for (IFile stale : recorded(project, model.getProjectRelativePath())) {
      if (!written.contains(stale) && stale.exists() && stale.isDerived()) {
        stale.delete(true, monitor);
      }
    }
    String record = String.join("\n", written.stream().map(f -> f.getProjectRelativePath().toPortableString()).toList());
    project.setPersistentProperty(key(model.getProjectRelativePath()), record.isEmpty() ? null : record);
  }

  private static Set<IFile> recorded(IProject project, IPath model) throws CoreException {
    Set<IFile> files = new LinkedHashSet<>();
    String record = project.getPersistentProperty(key(model));
    if (record != null) {
      for (String line : record.split("\n")) {
        if (!line.isBlank()) {
          files.add(project.getFile(IPath.fromPortableString(line)));
        }
      }
    }
    return files;
  }

  private static QualifiedName key(IPath model) {
    return new QualifiedName(CircuitEditorPlugin.PLUGIN_ID + ".generated", model.toPortableString());
  }

  private static void writeIfChanged(IFile file, byte[] content, IProgressMonitor monitor) throws CoreException {
    if (file.exists()) {
      if (!Arrays.equals(read(file), content)) {
        file.setContents(new ByteArrayInputStream(content), IResource.FORCE, monitor);
      }
    } else {
      createFolders(file.getParent(), monitor);
      file.create(new ByteArrayInputStream(content), IResource.FORCE | IResource.DERIVED, monitor);
    }
    if (!file.isDerived()) {
      file.setDerived(true, monitor);
    }
  }

  private static void createFolders(IContainer container, IProgressMonitor monitor) throws CoreException {
    if (container instanceof IFolder folder && !folder.exists()) {
      createFolders(folder.getParent(), monitor);
      folder.create(IResource.FORCE | IResource.DERIVED, true, monitor);
    }
  }

  private static byte[] read(IFile file) throws CoreException {
    try (InputStream in = file.getContents(true)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CoreException(CircuitEditorPlugin.error("cannot read " + file.getFullPath(), e));
    }
  }

  private static byte[] bytes(Object content) {
    return content instanceof byte[] binary ? binary : content.toString().getBytes(StandardCharsets.UTF_8);
  }
}
