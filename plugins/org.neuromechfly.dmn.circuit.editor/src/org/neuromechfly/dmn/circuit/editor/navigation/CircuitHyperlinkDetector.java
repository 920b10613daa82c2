package org.neuromechfly.dmn.circuit.editor.navigation;

import java.util.List;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Ctrl+click and F3 (the Generic Editor's "open hyperlink") on a use of a population or connectome
 * source: jumps to its declaration, found by the language server's definition service.
 */
public class CircuitHyperlinkDetector extends AbstractHyperlinkDetector {

  @Override
  public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
    if (viewer.getDocument() == null || CircuitDocuments.fileOf(viewer.getDocument()).filter(f -> "circuit".equals(f.getFileExtension())).isEmpty()) {
      return null;
    }
    int offset = region.getOffset();
    XtextResource resource = CircuitDocuments.parse(viewer.getDocument());
    // only uses link somewhere: a declaration's own name would link to itself
    if (resource.getParseResult() == null
        || CircuitEditorPlugin.getInjector().getInstance(EObjectAtOffsetHelper.class).resolveCrossReferencedElementAt(resource, offset) == null) {
      return null;
    }
    ILeafNode word = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
    if (word == null) {
      return null;
    }
    List<Locations.Place> targets = CircuitEditorPlugin.services().declarations(resource, offset).stream()
        .map(Locations::resolve)
        .flatMap(java.util.Optional::stream)
        .toList();
    if (targets.isEmpty()) {
      return null;
    }
    IRegion link = new Region(word.getOffset(), word.getLength());
    return targets.stream().map(target -> new DeclarationHyperlink(link, target)).toArray(IHyperlink[]::new);
  }

  /** A link from a use to a declaration. */
  private record DeclarationHyperlink(IRegion getHyperlinkRegion, Locations.Place target) implements IHyperlink {
    @Override
    public String getTypeLabel() {
      return "Declaration";
    }

    @Override
    public String getHyperlinkText() {
      return "Open Declaration (" + target.lineText() + ")";
    }

    @Override
    public void open() {
      Locations.reveal(target);
    }
  }
}
