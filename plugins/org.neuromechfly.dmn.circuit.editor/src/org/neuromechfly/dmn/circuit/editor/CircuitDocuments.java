package org.neuromechfly.dmn.circuit.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * Turns the text of an editor document into an Xtext resource, and finds the workspace file behind it.
 * Every call parses into a fresh resource set: the editor's text may be unsaved, and a fresh set cannot
 * see stale state from an earlier keystroke.
 */
public final class CircuitDocuments {
  private CircuitDocuments() {}

  /** The workspace file an editor document was opened from, if it was opened from one. */
  public static Optional<IFile> fileOf(IDocument document) {
    ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
    if (buffer == null || buffer.getLocation() == null) {
      return Optional.empty();
    }
    IPath location = buffer.getLocation();
    if (location.segmentCount() < 2) {
      return Optional.empty();
    }
    IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(location);
    return file.exists() ? Optional.of(file) : Optional.empty();
  }

  /** Parses the document's current text; the resource's URI is the file's, so messages name it. */
  public static XtextResource parse(IDocument document) {
    return parse(document.get(), uriOf(document));
  }

  /** The URI models parsed from the document get: the file's platform URI, where there is a file. */
  public static URI uriOf(IDocument document) {
    return fileOf(document)
        .map(f -> URI.createPlatformResourceURI(f.getFullPath().toString(), true))
        .orElseGet(() -> URI.createURI("synthetic:/editor.circuit"));
  }

  /** Parses text into a new resource with the given URI. */
  public static XtextResource parse(String text, URI uri) {
    var injector = CircuitEditorPlugin.getInjector();
    XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
    XtextResource resource =
        (XtextResource) injector.getInstance(IResourceFactory.class).createResource(uri);
    resourceSet.getResources().add(resource);
    try {
      // reparse() reads the string directly, so no encoding guess stands between editor and parser.
      resource.reparse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resource;
  }
}
