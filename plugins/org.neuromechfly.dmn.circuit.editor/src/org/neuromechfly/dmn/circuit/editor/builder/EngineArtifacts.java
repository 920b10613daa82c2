package org.neuromechfly.dmn.circuit.editor.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.launch.DmnCommand;

/**
 * The generated artifacts that need the engine, made by a {@code dmn} process after a build: the NIR and
 * Loihi bundles a model's {@code export} block declares (of the initial circuit, written under the
 * output folder by their declared names) and, where the project asks for it, the SameDiff training
 * graph. Problems end up as markers of their own type on the model, so validation does not erase them.
 */
public final class EngineArtifacts {
  /** Marker type of artifact problems (declared in plugin.xml). */
  public static final String MARKER = CircuitEditorPlugin.PLUGIN_ID + ".artifactProblem";

  /** What one model asks for: export options ({@code --nir FILE}) and the training graph's file, or null. */
  public record Request(IFile model, List<String[]> exports, String trainingGraph) {
    boolean empty() {
      return exports.isEmpty() && trainingGraph == null;
    }

    /** The files the request makes, relative to the output folder. */
    List<String> files() {
      List<String> files = new ArrayList<>(exports.stream().map(e -> e[1]).toList());
      if (trainingGraph != null) {
        files.add(trainingGraph);
      }
      return files;
    }
  }

  private EngineArtifacts() {}

  /** Starts a background job making the requested artifacts; does nothing when nothing is requested. */
  static void schedule(List<Request> requests, BuildSettings settings) {
    List<Request> wanted = requests.stream().filter(r -> !r.empty()).toList();
    if (wanted.isEmpty()) {
      return;
    }
    Job job = Job.create("Generating exports and training graphs", (IJobFunction) monitor -> run(wanted, settings, monitor));
    job.setRule(null);
    job.schedule();
  }

  private static IStatus run(List<Request> requests, BuildSettings settings, IProgressMonitor monitor) {
    SubMonitor progress = SubMonitor.convert(monitor, requests.size() * 2);
    for (Request request : requests) {
      IFile model = request.model();
      IFolder output = settings.folderIn(model.getProject());
      String path = model.getLocation().toOSString();
      String out = output.getLocation().toOSString();
      List<String> problems = new ArrayList<>();
      if (!request.exports().isEmpty()) {
        List<String> arguments = new ArrayList<>(List.of("export", path));
        request.exports().forEach(e -> arguments.addAll(List.of(e[0], out + "/" + e[1])));
        run(arguments, progress.split(1)).ifPresent(problems::add);
      }
      if (request.trainingGraph() != null) {
        run(List.of("train", path, "--emit-samediff", out + "/" + request.trainingGraph()), progress.split(1)).ifPresent(problems::add);
      }
      try {
        output.refreshLocal(IResource.DEPTH_INFINITE, null);
        for (String file : request.files()) {
          IFile made = output.getFile(file);
          if (made.exists() && !made.isDerived()) {
            made.setDerived(true, null);
          }
        }
        mark(model, problems);
      } catch (CoreException e) {
        return e.getStatus();
      }
    }
    return Status.OK_STATUS;
  }

  /** Runs {@code dmn ARGS}; the problem in a line when it fails. */
  private static Optional<String> run(List<String> arguments, IProgressMonitor monitor) {
    List<String> withData = new ArrayList<>(arguments);
    DmnCommand.dataDirectory().ifPresent(dir -> withData.addAll(List.of("--data-dir", dir)));
    Optional<List<String>> command = DmnCommand.of(withData);
    if (command.isEmpty()) {
      return Optional.of(DmnCommand.notConfigured());
    }
    try {
      Process process = new ProcessBuilder(command.get()).redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int exit = process.waitFor();
      if (monitor.isCanceled()) {
        throw new OperationCanceledException();
      }
      if (exit != 0) {
        String[] lines = output.strip().split("\n");
        return Optional.of("dmn " + arguments.get(0) + " failed: " + lines[lines.length - 1]);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot run " + command.get().get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationCanceledException();
    }
  }

  private static void mark(IFile model, List<String> problems) throws CoreException {
    ResourcesPlugin.getWorkspace().run(m -> {
      if (!model.exists()) {
        return;
      }
      model.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
      for (String problem : problems) {
        IMarker marker = model.createMarker(MARKER);
        marker.setAttribute(IMarker.MESSAGE, problem);
        marker.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_WARNING);
        marker.setAttribute(IMarker.LINE_NUMBER, 1);
      }
    }, model, 0, null);
  }
}
