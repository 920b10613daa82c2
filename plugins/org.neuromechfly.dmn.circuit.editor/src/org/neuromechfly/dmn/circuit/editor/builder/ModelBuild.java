package org.neuromechfly.dmn.circuit.editor.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.ExportTarget;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;

/**
 * Builds one model as saved on disk: validates it into problem markers and, when it has no errors,
 * generates what {@code dmn generate} writes (IR, training program, manifest) into the output folder.
 * Models are self-contained, so each is parsed on its own.
 */
final class ModelBuild {
  private ModelBuild() {}

  /** The result of a build: the model's issues, and the engine artifacts it asks for (null: none, or errors). */
  record Result(List<Issue> issues, EngineArtifacts.Request artifacts) {
    boolean hasErrors() {
      return issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
    }
  }

  static Result run(IFile model, BuildSettings settings, IProgressMonitor monitor) throws CoreException {
    SubMonitor progress = SubMonitor.convert(monitor, "Building " + model.getName(), 3);
    XtextResource resource = parse(model);
    List<Issue> issues = validate(resource, progress.split(1));
    ProblemMarkers.replace(model, issues);
    Result result = new Result(issues, null);
    if (result.hasErrors()) {
      // keep what an earlier, valid version generated: code built on it keeps working until this is fixed
      return result;
    }
    InMemoryFileSystemAccess files = new InMemoryFileSystemAccess();
    GeneratorContext context = new GeneratorContext();
    context.setCancelIndicator(progress::isCanceled);
    CircuitEditorPlugin.getInjector().getInstance(IGenerator2.class).doGenerate(resource, files, context);
    progress.worked(1);
    EngineArtifacts.Request artifacts = artifacts(model, resource, settings);
    GeneratedFiles.write(model, settings.folderIn(model.getProject()), files.getAllFiles(), artifacts.files(), progress.split(1));
    return new Result(issues, artifacts);
  }

  /**
   * The engine artifacts the model asks for: each export its {@code export} block declares (under its
   * declared name, inside the output folder) and, if the project says so, the SameDiff training graph.
   */
  private static EngineArtifacts.Request artifacts(IFile model, XtextResource resource, BuildSettings settings) {
    List<String[]> exports = new ArrayList<>();
    String graph = null;
    if (resource.getContents().get(0) instanceof Circuit circuit) {
      for (var element : circuit.getElements()) {
        if (element instanceof ExportBlock block) {
          for (ExportTarget target : block.getTargets()) {
            IPath declared = IPath.fromPortableString(target.getPath() == null ? "" : target.getPath());
            if (target.getFormat() != null && declared.segmentCount() > 0 && !declared.isAbsolute() && !List.of(declared.segments()).contains("..")) {
              exports.add(new String[] {"--" + target.getFormat(), declared.toPortableString()});
            }
          }
        }
      }
      graph = settings.trainingGraph() ? circuit.getName() + ".samediff.fb" : null;
    }
    return new EngineArtifacts.Request(model, exports, graph);
  }

  /** Validates the model as saved, into markers only (an editor's unsaved changes were discarded). */
  static void validate(IFile model, IProgressMonitor monitor) throws CoreException {
    ProblemMarkers.replace(model, validate(parse(model), monitor));
  }

  private static List<Issue> validate(XtextResource resource, IProgressMonitor monitor) {
    IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
    return validator.validate(resource, CheckMode.ALL, monitor::isCanceled);
  }

  private static XtextResource parse(IFile model) throws CoreException {
    String text;
    try (InputStream in = model.getContents(true)) {
      text = new String(in.readAllBytes(), Charset.forName(model.getCharset()));
    } catch (IOException e) {
      throw new CoreException(CircuitEditorPlugin.error("cannot read " + model.getFullPath(), e));
    }
    return CircuitDocuments.parse(text, URI.createPlatformResourceURI(model.getFullPath().toString(), true));
  }
}
