package org.neuromechfly.dmn.circuit.editor.hover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.AbstractReusableInformationControlCreator;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextHoverExtension2;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;

/**
 * The hover over a word of a model: what the word means, from the language server's hover service — a
 * population with its size and its cell type's reference values and citations, a unit's dimension, a
 * keyword's meaning — rendered in full in the text hover popup. Over an underlined problem it stays
 * silent, so the Generic Editor's marker hover shows the problem with its quick fixes on its own: two
 * hovers at once are composed into one popup that the Generic Editor of Eclipse 4.34 sizes to a few
 * pixels, which is what users saw.
 */
public class CircuitTextHover implements ITextHover, ITextHoverExtension, ITextHoverExtension2 {
  private String parsedText;
  private XtextResource parsed;

  @Override
  public IRegion getHoverRegion(ITextViewer viewer, int offset) {
    IDocument document = viewer.getDocument();
    for (IMarker marker : markers(document)) {
      if (marker.getAttribute(IMarker.CHAR_START, -1) <= offset && offset <= marker.getAttribute(IMarker.CHAR_END, -1)) {
        return null; // the marker hover's turn
      }
    }
    return documentation(document, offset).map(h -> region(document, h)).orElse(null);
  }

  @Override
  public Object getHoverInfo2(ITextViewer viewer, IRegion region) {
    String html = html(viewer.getDocument(), region);
    return html.isEmpty() ? null : html;
  }

  @Override
  @Deprecated
  public String getHoverInfo(ITextViewer viewer, IRegion region) {
    return (String) getHoverInfo2(viewer, region);
  }

  @Override
  public IInformationControlCreator getHoverControlCreator() {
    return new AbstractReusableInformationControlCreator() {
      @Override
      protected IInformationControl doCreateInformationControl(Shell parent) {
        return new DefaultInformationControl(parent, EditorsUI.getTooltipAffordanceString(), new HoverPresenter());
      }
    };
  }

  /** The hover's HTML for a word's region: its documentation, or empty. */
  public String html(IDocument document, IRegion region) {
    return documentation(document, region.getOffset()).map(hover -> MarkdownHtml.of(hover.getContents().getRight().getValue())).orElse("");
  }

  private Optional<Hover> documentation(IDocument document, int offset) {
    Hover hover = CircuitEditorPlugin.services().hover(parse(document), offset);
    return hover.getContents() != null && hover.getContents().isRight() && hover.getRange() != null && !hover.getContents().getRight().getValue().isBlank()
        ? Optional.of(hover)
        : Optional.empty();
  }

  private IRegion region(IDocument document, Hover hover) {
    Document positions = new Document(1, parsedText);
    int start = positions.getOffSet(hover.getRange().getStart());
    return new Region(start, positions.getOffSet(hover.getRange().getEnd()) - start);
  }

  /** The document parsed; region and information are asked for one after the other on the same text. */
  private synchronized XtextResource parse(IDocument document) {
    String text = document.get();
    if (!text.equals(parsedText)) {
      parsed = CircuitDocuments.parse(text, CircuitDocuments.uriOf(document));
      parsedText = text;
    }
    return parsed;
  }

  private static List<IMarker> markers(IDocument document) {
    Optional<IFile> file = CircuitDocuments.fileOf(document);
    if (file.isEmpty()) {
      return List.of();
    }
    try {
      return new ArrayList<>(List.of(file.get().findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO)));
    } catch (CoreException e) {
      return List.of();
    }
  }
}
