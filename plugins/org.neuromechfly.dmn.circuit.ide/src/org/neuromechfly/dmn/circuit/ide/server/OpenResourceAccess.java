package org.neuromechfly.dmn.circuit.ide.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.concurrent.IUnitOfWork;

/**
 * Serves already parsed resources to Xtext's language-server services (rename, quick fixes, find
 * references) as if a language server held them open, for clients that are not language clients: the
 * Eclipse editor and tests. Every model already loaded into the resource set of the one handed in can be
 * read; nothing is loaded on demand.
 */
public final class OpenResourceAccess implements ILanguageServerAccess, IReferenceFinder.IResourceAccess {
  private static final UriExtensions URIS = new UriExtensions();

  private final XtextResource resource;
  private final Document document;

  public OpenResourceAccess(XtextResource resource, Document document) {
    this.resource = resource;
    this.document = document;
  }

  /** A document of the resource's current text, as the services measure positions in it. */
  public static Document documentOf(XtextResource resource) {
    return new Document(1, resource.getParseResult().getRootNode().getText());
  }

  public Document document() {
    return document;
  }

  @Override
  public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
    return CompletableFuture.completedFuture(doSyncRead(uri, function));
  }

  @Override
  public <T> T doSyncRead(String uri, Function<Context, T> function) {
    XtextResource target = resourceFor(URI.createURI(uri));
    Document targetDocument = target == resource ? document : documentOf(target);
    return function.apply(new Context(target, targetDocument, true, CancelIndicator.NullImpl));
  }

  @Override
  public <R> R readOnly(URI targetURI, IUnitOfWork<R, ResourceSet> work) {
    try {
      return work.exec(resource.getResourceSet());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + targetURI, e);
    }
  }

  @Override
  public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("no index outside a language server"));
  }

  @Override
  public void addBuildListener(IBuildListener listener) {
    // nothing is ever built here
  }

  @Override
  public LanguageClient getLanguageClient() {
    return null;
  }

  @Override
  public ResourceSet newLiveScopeResourceSet(URI uri) {
    // services look the resource up by URI: hand them the set that already holds it
    return resource.getResourceSet();
  }

  @Override
  public InitializeParams getInitializeParams() {
    return null; // plain 'changes' edits keyed by URI
  }

  @Override
  public InitializeResult getInitializeResult() {
    return null;
  }

  /**
   * The resource a service means by a URI string: services spell URIs as LSP does (Xtext's
   * {@link UriExtensions}), so both spellings are compared with every loaded model's URI.
   */
  private XtextResource resourceFor(URI uri) {
    URI wanted = uri.trimFragment();
    for (Resource candidate : List.copyOf(resource.getResourceSet().getResources())) {
      if (candidate instanceof XtextResource xtext
          && (wanted.equals(candidate.getURI()) || wanted.toString().equals(URIS.toUriString(candidate.getURI())))) {
        return xtext;
      }
    }
    throw new IllegalArgumentException("no model loaded from " + uri);
  }
}
