package org.neuromechfly.dmn.circuit.ide.quickfix;

import com.google.gson.JsonElement;
import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.ide.server.OpenResourceAccess;

/**
 * The language's quick fixes for clients without a language server (the Eclipse editor, tests): an
 * {@link Issue} of a parsed resource in, labelled fixes out, each computing its edits as offsets into the
 * text the resource was parsed from. Xtext's {@link DiagnosticResolution}s speak LSP, so the issue is
 * turned into a diagnostic and the resource is served through {@link OpenResourceAccess}.
 */
public class IssueQuickfixes {

  /** A text replacement in offsets of the text the fix was computed on. */
  public record Replacement(int offset, int length, String text) {}

  /** One way to resolve an issue. */
  public static final class Fix {
    private final DiagnosticResolution resolution;
    private final Document document;

    Fix(DiagnosticResolution resolution, Document document) {
      this.resolution = resolution;
      this.document = document;
    }

    public String label() {
      return resolution.getLabel();
    }

    /** The fix's edits, last offset first, so they can be applied one after the other. */
    public List<Replacement> replacements() {
      WorkspaceEdit edit = resolution.apply();
      List<TextEdit> edits = new ArrayList<>();
      if (edit != null && edit.getChanges() != null) {
        edit.getChanges().values().forEach(edits::addAll);
      }
      if (edit != null && edit.getDocumentChanges() != null) {
        edit.getDocumentChanges().stream().filter(e -> e.isLeft()).forEach(e -> edits.addAll(e.getLeft().getEdits()));
      }
      return edits.stream()
          .map(e -> {
            int start = document.getOffSet(e.getRange().getStart());
            int end = document.getOffSet(e.getRange().getEnd());
            return new Replacement(start, end - start, e.getNewText());
          })
          .sorted(Comparator.comparingInt(Replacement::offset).reversed())
          .toList();
    }

    /** The text with this fix applied. */
    public String applyTo(String text) {
      return IssueQuickfixes.apply(text, replacements());
    }

    @Override
    public String toString() {
      return label();
    }
  }

  @Inject private IQuickFixProvider provider;

  /** Whether any fix is registered for the issue's code (cheap: no parsing, no edits). */
  public boolean handles(String code) {
    if (code == null) {
      return false;
    }
    Diagnostic probe = new Diagnostic();
    probe.setCode(code);
    probe.setMessage("");
    probe.setSeverity(DiagnosticSeverity.Error);
    return provider.handlesDiagnostic(probe);
  }

  /**
   * The fixes for an issue of a resource parsed from its current text, best first. The resource must
   * not change until the fixes' replacements have been computed.
   */
  public List<Fix> fixes(XtextResource resource, Issue issue) {
    if (issue.getCode() == null || issue.getOffset() == null || resource.getParseResult() == null || resource.getResourceSet() == null) {
      return List.of();
    }
    Document document = OpenResourceAccess.documentOf(resource);
    Diagnostic diagnostic = toDiagnostic(issue, document);
    if (!provider.handlesDiagnostic(diagnostic)) {
      return List.of();
    }
    Options options = new Options();
    options.setResource(resource);
    options.setDocument(document);
    options.setURI(resource.getURI().toString());
    options.setLanguageServerAccess(new OpenResourceAccess(resource, document));
    options.setCancelIndicator(CancelIndicator.NullImpl);
    return provider.getResolutions(options, diagnostic).stream().map(r -> new Fix(r, document)).toList();
  }

  /** Applies replacements (as a fix returns them, last first) to a text. */
  public static String apply(String text, List<Replacement> replacements) {
    StringBuilder result = new StringBuilder(text);
    replacements.stream()
        .sorted(Comparator.comparingInt(Replacement::offset).reversed())
        .forEach(r -> result.replace(r.offset(), r.offset() + r.length(), r.text()));
    return result.toString();
  }

  /** The diagnostic Xtext's language server would publish for an issue. */
  public static Diagnostic toDiagnostic(Issue issue, Document document) {
    Diagnostic diagnostic = new Diagnostic();
    diagnostic.setCode(issue.getCode());
    diagnostic.setMessage(issue.getMessage() == null ? "" : issue.getMessage());
    diagnostic.setSeverity(switch (issue.getSeverity() == null ? org.eclipse.xtext.diagnostics.Severity.ERROR : issue.getSeverity()) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
      default -> DiagnosticSeverity.Hint;
    });
    diagnostic.setData(issue.getData());
    int length = document.getContents().length();
    int start = Math.min(Math.max(issue.getOffset(), 0), length);
    int end = Math.min(start + Math.max(issue.getLength() == null ? 0 : issue.getLength(), 0), length);
    diagnostic.setRange(new org.eclipse.lsp4j.Range(document.getPosition(start), document.getPosition(end)));
    return diagnostic;
  }

  /**
   * A diagnostic's issue data: a string array in process, a JSON array when the diagnostic came over
   * the wire from a language client.
   */
  public static List<String> data(Diagnostic diagnostic) {
    Object data = diagnostic == null ? null : diagnostic.getData();
    if (data instanceof String[] strings) {
      return Arrays.asList(strings);
    }
    if (data instanceof JsonElement json && json.isJsonArray()) {
      List<String> result = new ArrayList<>();
      json.getAsJsonArray().forEach(e -> result.add(e.isJsonNull() ? "" : e.getAsString()));
      return result;
    }
    if (data instanceof Iterable<?> items) {
      List<String> result = new ArrayList<>();
      items.forEach(i -> result.add(String.valueOf(i)));
      return result;
    }
    return List.of();
  }
}
