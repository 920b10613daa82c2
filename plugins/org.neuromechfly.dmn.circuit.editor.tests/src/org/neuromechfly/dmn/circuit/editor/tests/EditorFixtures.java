package org.neuromechfly.dmn.circuit.editor.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.core.runtime.jobs.Job;

/** Workspace and editor access shared by the UI tests. */
final class EditorFixtures {
  private EditorFixtures() {}

  /** A workspace project for a test class, created on first use and opened. */
  static IProject openProject(String name) throws CoreException {
    IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
    if (!project.exists()) {
      project.create(null);
    }
    project.open(null);
    return project;
  }

  /** Creates or overwrites a file of the test project. */
  static IFile write(IProject project, String name, String text) throws CoreException {
    IFile file = project.getFile(name);
    var content = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    if (file.exists()) {
      file.setContents(content, true, false, null);
    } else {
      file.create(content, true, null);
    }
    return file;
  }

  /** Opens a file in its editor (the Generic Editor for models) and waits for the UI to settle. */
  static IEditorPart open(IFile file) throws CoreException {
    IEditorPart editor = IDE.openEditor(page(), file, true);
    UiWait.drain();
    return editor;
  }

  /** Runs a command as its key binding or menu item would, in the active part's context. */
  static Object execute(String commandId) throws Exception {
    IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
    return handlers.executeCommand(commandId, null);
  }

  /** Waits until no workspace build is running or waiting (auto-build, the nature installer's build). */
  static boolean awaitBuilds(long timeoutMillis) {
    return UiWait.until(
        () -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
            && Job.getJobManager().find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0,
        timeoutMillis);
  }

  /** The editor's source viewer: AbstractTextEditor hands it out as the text operation target. */
  static ITextViewer viewer(IEditorPart editor) {
    return (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
  }

  static IWorkbenchPage page() {
    return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
  }
}
