package org.neuromechfly.dmn.circuit.ide.server;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.folding.FoldingRangeService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server's services for an editor that is not a language client (the Eclipse editor):
 * hover, outline, declarations, references, rename, formatting and folding, on resources parsed from
 * the editor's text. Every answer comes from the same Xtext service the language server calls, in
 * LSP terms (ranges in lines and characters); the editor converts them to offsets.
 */
public class EditingServices {
  @Inject private IHoverService hovers;
  @Inject private HierarchicalDocumentSymbolService outline;
  @Inject private DocumentSymbolService symbols;
  @Inject private IRenameService2 renames;
  @Inject private FormattingService formatter;
  @Inject private FoldingRangeService folding;
  @Inject private IResourceServiceProvider.Registry languages;

  /** Hover documentation of the word at an offset (Markdown), or an empty hover. */
  public Hover hover(XtextResource resource, int offset) {
    Document document = OpenResourceAccess.documentOf(resource);
    HoverParams params = new HoverParams(identifier(resource), document.getPosition(offset));
    return hovers.hover(document, resource, params, CancelIndicator.NullImpl);
  }

  /** The outline: the model's elements as LSP document symbols, nested. */
  public List<DocumentSymbol> outline(XtextResource resource) {
    return outline.getSymbols(resource, CancelIndicator.NullImpl);
  }

  /** Where the element named at an offset is declared (itself, for a declaration). */
  public List<? extends Location> declarations(XtextResource resource, int offset) {
    return symbols.getDefinitions(resource, offset, access(resource), CancelIndicator.NullImpl);
  }

  /** Every use of the element at an offset in the models of the resource's set, declaration excluded. */
  public List<? extends Location> references(XtextResource resource, int offset) {
    return symbols.getReferences(resource, offset, access(resource), index(resource), CancelIndicator.NullImpl);
  }

  /**
   * The edits that rename the element at an offset to {@code newName}, in every model of the
   * resource's set that uses it.
   *
   * @throws RuntimeException with the reason when the element cannot be renamed (Xtext's refactoring
   *     issues, e.g. no element at the offset)
   */
  public WorkspaceEdit rename(XtextResource resource, int offset, String newName) {
    OpenResourceAccess access = access(resource);
    RenameParams params = new RenameParams(identifier(resource), access.document().getPosition(offset), newName);
    IRenameService2.Options options = new IRenameService2.Options();
    options.setLanguageServerAccess(access);
    options.setRenameParams(params);
    options.setCancelIndicator(CancelIndicator.NullImpl);
    return renames.rename(options);
  }

  /** The formatter's edits for the whole model. */
  public List<? extends TextEdit> format(XtextResource resource) {
    Document document = OpenResourceAccess.documentOf(resource);
    return formatter.format(resource, document, 0, document.getContents().length(), new FormattingOptions(2, true));
  }

  /** Foldable regions: multi-line elements and comments, in lines. */
  public List<FoldingRange> folding(XtextResource resource) {
    return folding.createFoldingRanges(OpenResourceAccess.documentOf(resource), resource, CancelIndicator.NullImpl);
  }

  private static OpenResourceAccess access(XtextResource resource) {
    return new OpenResourceAccess(resource, OpenResourceAccess.documentOf(resource));
  }

  private static TextDocumentIdentifier identifier(XtextResource resource) {
    return new TextDocumentIdentifier(resource.getURI().toString());
  }

  /** An index of every model loaded in the resource's set, for the reference finder. */
  private ResourceDescriptionsData index(XtextResource resource) {
    List<IResourceDescription> descriptions = new ArrayList<>();
    for (Resource r : List.copyOf(resource.getResourceSet().getResources())) {
      IResourceServiceProvider language = languages.getResourceServiceProvider(r.getURI());
      if (language != null) {
        descriptions.add(language.getResourceDescriptionManager().getResourceDescription(r));
      }
    }
    return new ResourceDescriptionsData(descriptions);
  }
}
