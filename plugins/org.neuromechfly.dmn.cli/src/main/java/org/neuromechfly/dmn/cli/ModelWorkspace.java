package org.neuromechfly.dmn.cli;

import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
import org.neuromechfly.dmn.circuit.reference.ConnectomeIndex;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * The language as the command line uses it: one Xtext injector, shared by every command, that loads
 * files, validates them and compiles them exactly as the editor does, against one data directory
 * (the same for validation and training).
 */
final class ModelWorkspace {
  private static Injector injector;

  /** A loaded model with its diagnostics. */
  record LoadedModel(Path file, XtextResource resource, List<Issue> issues) {
    boolean hasErrors() {
      return issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
    }

    /** Whether the text parsed into a model (it decoded, is not empty and has no syntax error). */
    boolean parsed() {
      return resource != null && !resource.getContents().isEmpty() && !resource.getParseResult().hasSyntaxErrors();
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

  /** A workspace whose connectome paths resolve in {@code data}. */
  ModelWorkspace(DataDirectory data) {
    injector().getInstance(ConnectomeIndex.class).use(data);
  }

  /** A workspace for commands that read no connectome data (fmt). */
  ModelWorkspace() {}

  /** Loads and validates a model; unreadable files raise a {@link UserError} naming the file. */
  LoadedModel load(Path file) {
    // the validator reports the syntax errors itself: converting them here too would do that work twice
    LoadedModel parsed = read(file);
    if (parsed.resource() == null || parsed.resource().getContents().isEmpty()) {
      return parsed;
    }
    List<Issue> issues = injector().getInstance(IResourceValidator.class).validate(parsed.resource(), CheckMode.ALL, CancelIndicator.NullImpl);
    return new LoadedModel(file, parsed.resource(), issues);
  }

  /**
   * Parses a model without validating it: only syntax (and encoding, and emptiness) diagnostics.
   */
  LoadedModel parse(Path file) {
    LoadedModel read = read(file);
    if (read.resource() == null || read.resource().getContents().isEmpty()) {
      return read;
    }
    List<Issue> syntax = new java.util.ArrayList<>();
    var converter = injector().getInstance(org.eclipse.xtext.validation.IDiagnosticConverter.class);
    for (var diagnostic : read.resource().getErrors()) {
      converter.convertResourceDiagnostic(diagnostic, Severity.ERROR, syntax::add);
    }
    return new LoadedModel(file, read.resource(), syntax);
  }

  /**
   * Reads and parses a model; the issues are only those found before parsing (not UTF-8, empty): a
   * parsed resource carries its syntax errors, unconverted.
   */
  private LoadedModel read(Path file) {
    if (!file.getFileName().toString().endsWith(".circuit")) {
      throw new UserError(file + ": not a .circuit file");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
    SourceText source;
    try {
      source = SourceText.read(file);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + FailureHandler.describe(e) + ")");
    }
    if (!source.isUtf8()) {
      return new LoadedModel(file, null, List.of(issue(source.badLine(), source.badColumn(), String.format(
          "The file is not UTF-8 text: byte 0x%02X cannot be decoded. Save it as UTF-8.", source.badByte()), CircuitIssueCodes.NOT_UTF8)));
    }
    // one resource set per file: models are self-contained, and the same file may be loaded twice (diff)
    XtextResourceSet resources = injector().getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resources.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
    try {
      resource.load(new ByteArrayInputStream(source.text().getBytes(StandardCharsets.UTF_8)), resources.getLoadOptions());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + FailureHandler.describe(e) + ")");
    }
    if (resource.getContents().isEmpty()) {
      return new LoadedModel(file, resource, List.of(issue(1, 1,
          "Empty model: a .circuit file starts with 'circuit Name'.", CircuitIssueCodes.EMPTY_MODEL)));
    }
    return new LoadedModel(file, resource, List.of());
  }

  /**
   * Loads a model that must be valid: prints its diagnostics and fails with a {@link UserError}
   * saying what was not done when it has errors.
   */
  LoadedModel loadOrFail(Path file, PrintWriter err, String notDone) {
    LoadedModel model = load(file);
    if (model.hasErrors()) {
      Diagnostics.print(model, err);
      throw new UserError(file + ": " + notDone + "; fix the errors above first");
    }
    return model;
  }

  /** Loads, validates and compiles a model that must be valid (see {@link #loadOrFail}). */
  CircuitSpec compileOrFail(Path file, PrintWriter err, String notDone) {
    return compile(loadOrFail(file, err, notDone));
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

  private static Issue issue(int line, int column, String message, String code) {
    Issue.IssueImpl issue = new Issue.IssueImpl();
    issue.setSeverity(Severity.ERROR);
    issue.setLineNumber(line);
    issue.setColumn(column);
    issue.setOffset(0);
    issue.setLength(0);
    issue.setMessage(message);
    issue.setCode(code);
    return issue;
  }
}
