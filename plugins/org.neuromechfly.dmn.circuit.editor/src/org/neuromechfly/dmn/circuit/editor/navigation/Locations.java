package org.neuromechfly.dmn.circuit.editor.navigation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.ide.server.Document;

/**
 * Turns the language services' LSP locations (a URI and lines/characters) into places in workspace
 * files (a file and offsets), against the text an open editor shows or, for a closed file, its saved
 * text; and shows such a place in an editor.
 */
public final class Locations {

  /** A range of a workspace file, in offsets. */
  public record Place(IFile file, int offset, int length, String lineText, int line) {}

  private Locations() {}

  /** The place a location names, if it names a workspace file. */
  public static Optional<Place> resolve(Location location) {
    URI uri = URI.createURI(location.getUri());
    if (!uri.isPlatformResource()) {
      return Optional.empty();
    }
    IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(uri.toPlatformString(true)));
    return text(file).map(text -> {
      Document document = new Document(1, text);
      Range range = location.getRange();
      int start = document.getOffSet(range.getStart());
      int end = document.getOffSet(range.getEnd());
      int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
      int lineEnd = text.indexOf('\n', start);
      String line = text.substring(start == 0 ? 0 : lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
      return new Place(file, start, end - start, line, range.getStart().getLine() + 1);
    });
  }

  /** Opens the place's file in its editor and selects the range. */
  public static Optional<ITextEditor> reveal(Place place) {
    try {
      IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), place.file(), true);
      if (editor instanceof ITextEditor text) {
        text.selectAndReveal(place.offset(), place.length());
        return Optional.of(text);
      }
    } catch (PartInitException e) {
      org.eclipse.core.runtime.ILog.of(Locations.class).warn("Cannot open " + place.file(), e);
    }
    return Optional.empty();
  }

  /** A file's text as the user sees it: an open editor's document, else the saved contents. */
  private static Optional<String> text(IFile file) {
    ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
    if (buffer != null) {
      return Optional.of(buffer.getDocument().get());
    }
    if (!file.exists()) {
      return Optional.empty();
    }
    try (InputStream in = file.getContents(true)) {
      return Optional.of(new String(in.readAllBytes(), Charset.forName(file.getCharset())));
    } catch (IOException | CoreException e) {
      return Optional.empty();
    }
  }
}
