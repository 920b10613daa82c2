package org.neuromechfly.dmn.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.CircuitStandaloneSetup;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.circuit.formatting2.CanonicalText;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * The language as the command line uses it: one Xtext injector, shared by every command, that loads
 * files, validates them and compiles them exactly as the editor does.
 */
final class ModelWorkspace {
  private static Injector injector;

  /** A loaded model with its diagnostics. */
  record LoadedModel(Path file, XtextResource resource, List<Issue> issues) {
    boolean hasErrors() {
      return issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
    }

    Circuit circuit() {
      return (Circuit) resource.getContents().get(0);
    }
  }


  private static synchronized Injector injector() {
    if (injector == null) {
      injector = new CircuitStandaloneSetup().createInjectorAndDoEMFRegistration();
    }
    return injector;
  }

  /** Loads and validates a model; unreadable files raise a {@link UserError} naming the file. */
  LoadedModel load(Path file) {
    if (!file.getFileName().toString().endsWith(".circuit")) {
      throw new UserError(file + ": not a .circuit file");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
    // one resource set per file: models are self-contained, and the same file may be loaded twice (diff)
    XtextResourceSet resources = injector().getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resources.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
    try (InputStream in = Files.newInputStream(file)) {
      resource.load(in, resources.getLoadOptions());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + FailureHandler.describe(e) + ")");
    }
    List<Issue> issues = injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    if (resource.getContents().isEmpty()) {
      throw new UserError(file + ": empty model; a .circuit file starts with 'circuit Name'");
    }
    return new LoadedModel(file, resource, issues);
  }

  /**
   * Loads and validates model text that is not on disk as if it were {@code file} (so that relative
   * references resolve as for that file): the run of a sweep.
   */
  LoadedModel loadText(Path file, String text) {
    XtextResourceSet resources = injector().getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resources.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
    try (InputStream in = new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      resource.load(in, resources.getLoadOptions());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + FailureHandler.describe(e) + ")");
    }
    List<Issue> issues = injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    if (resource.getContents().isEmpty()) {
      throw new UserError(file + ": empty model; a .circuit file starts with 'circuit Name'");
    }
    return new LoadedModel(file, resource, issues);
  }

  /** Compiles a model that has no errors. */
  CircuitSpec compile(LoadedModel model) {
    if (model.hasErrors()) {
      throw new IllegalStateException("compile called on a model with errors");
    }
    return injector().getInstance(CircuitCompiler.class).compile(model.circuit());
  }

  /** A language service, e.g. the generator. */
  <T> T get(Class<T> type) {
    return injector().getInstance(type);
  }

  String canonicalText(LoadedModel model) {
    return injector().getInstance(CanonicalText.class).of(model.resource());
  }
}
