package org.neuromechfly.dmn.circuit.ide.hover;

import com.google.inject.Inject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/** The language server's hover: {@link CircuitDocumentation} of the word under the mouse, as Markdown. */
public class CircuitHoverService extends HoverService {
  @Inject private CircuitDocumentation documentation;
  @Inject private DocumentExtensions documents;

  @Override
  public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
    int offset = document.getOffSet(params.getPosition());
    return documentation
        .at(resource, offset)
        .map(d -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, d.markdown()), documents.newRange(resource, d.region())))
        .orElse(IHoverService.EMPTY_HOVER);
  }
}
