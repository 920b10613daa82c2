package org.neuromechfly.dmn.circuit.editor.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Runs "Circuit training": {@code dmn train MODEL} as a separate process (ND4J never loads inside
 * Eclipse), its output in a console, stoppable with the console's Terminate button. The run goes to a
 * fresh folder {@code runs/<Circuit>} of the model's project; when the process ends the folder is
 * refreshed and its report or plots open ({@link RunReports}).
 */
public class TrainLaunchDelegate extends LaunchConfigurationDelegate {

  @Override
  public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
    IFile model = model(configuration);
    IFolder runFolder = freshRunFolder(model);
    List<String> arguments = new ArrayList<>(List.of("train", model.getLocation().toOSString(), "--no-progress", "--out", runFolder.getLocation().toOSString()));
    int episodes = configuration.getAttribute(TrainLaunch.EPISODES, 0);
    if (episodes > 0) {
      arguments.addAll(List.of("--episodes", String.valueOf(episodes)));
    }
    String engine = configuration.getAttribute(TrainLaunch.ENGINE, "");
    if (!engine.isBlank()) {
      arguments.addAll(List.of("--engine", engine));
    }
    int threads = configuration.getAttribute(TrainLaunch.THREADS, 1);
    if (threads > 1) {
      arguments.addAll(List.of("--threads", String.valueOf(threads)));
    }
    DmnCommand.dataDirectory().ifPresent(dir -> arguments.addAll(List.of("--data-dir", dir)));
    List<String> command = DmnCommand.of(arguments).orElseThrow(() -> new CoreException(CircuitEditorPlugin.error(DmnCommand.notConfigured(), null)));

    launch.setAttribute(TrainLaunch.RUN_FOLDER, runFolder.getFullPath().toPortableString());
    Process process = DebugPlugin.exec(command.toArray(String[]::new), model.getProject().getLocation().toFile());
    IProcess shown = DebugPlugin.newProcess(launch, process, "dmn train " + model.getName(), Map.of(IProcess.ATTR_PROCESS_TYPE, "dmn"));
    shown.setAttribute(IProcess.ATTR_CMDLINE, String.join(" ", command));
    whenDone(shown, () -> RunReports.show(runFolder));
  }

  private static IFile model(ILaunchConfiguration configuration) throws CoreException {
    String path = configuration.getAttribute(TrainLaunch.MODEL, "");
    IFile model = path.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(path));
    if (model == null || !model.exists()) {
      throw new CoreException(CircuitEditorPlugin.error("No model to train: '" + path + "' is not a .circuit file of the workspace. Choose one on the launch configuration's Model tab.", null));
    }
    return model;
  }

  /** runs/<Circuit>, or runs/<Circuit>-2, … if taken: a run never overwrites an earlier one. */
  static IFolder freshRunFolder(IFile model) throws CoreException {
    String name = circuitName(model);
    IProject project = model.getProject();
    IFolder runs = project.getFolder("runs");
    try {
      // dmn train creates the run folder itself, but never a missing folder above it
      Files.createDirectories(runs.getLocation().toFile().toPath());
    } catch (IOException e) {
      throw new CoreException(CircuitEditorPlugin.error("Cannot create the folder for runs, " + runs.getLocation() + ": " + e.getMessage(), e));
    }
    runs.refreshLocal(1, null);
    IFolder candidate = runs.getFolder(name);
    for (int i = 2; candidate.exists() || candidate.getLocation().toFile().exists(); i++) {
      candidate = runs.getFolder(name + "-" + i);
    }
    return candidate;
  }

  private static String circuitName(IFile model) {
    try (var in = model.getContents(true)) {
      var resource = CircuitDocuments.parse(new String(in.readAllBytes(), model.getCharset()), org.eclipse.emf.common.util.URI.createURI("synthetic:/name.circuit"));
      if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Circuit circuit && circuit.getName() != null) {
        return circuit.getName();
      }
    } catch (Exception e) {
      // fall back to the file's name
    }
    return model.getFullPath().removeFileExtension().lastSegment();
  }

  private static void whenDone(IProcess process, Runnable action) {
    DebugPlugin debug = DebugPlugin.getDefault();
    AtomicBoolean done = new AtomicBoolean();
    IDebugEventSetListener listener = new IDebugEventSetListener() {
      @Override
      public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
          if (event.getSource() == process && event.getKind() == DebugEvent.TERMINATE) {
            debug.removeDebugEventListener(this);
            if (done.compareAndSet(false, true)) {
              action.run();
            }
          }
        }
      }
    };
    debug.addDebugEventListener(listener);
    // a process that ended before the listener was added sends no more events
    if (process.isTerminated() && done.compareAndSet(false, true)) {
      debug.removeDebugEventListener(listener);
      action.run();
    }
  }
}
