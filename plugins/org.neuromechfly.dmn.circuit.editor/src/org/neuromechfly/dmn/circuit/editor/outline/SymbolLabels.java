package org.neuromechfly.dmn.circuit.editor.outline;

import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.graphics.Image;

/** An outline element as a name with its detail in grey ("KC  2000 × KC") and an icon by kind. */
final class SymbolLabels extends LabelProvider implements IStyledLabelProvider {
  @Override
  public StyledString getStyledText(Object element) {
    DocumentSymbol symbol = (DocumentSymbol) element;
    StyledString text = new StyledString(symbol.getName());
    if (symbol.getDetail() != null && !symbol.getDetail().isBlank()) {
      text.append("  " + symbol.getDetail(), StyledString.DECORATIONS_STYLER);
    }
    return text;
  }

  @Override
  public String getText(Object element) {
    return getStyledText(element).getString();
  }

  @Override
  public Image getImage(Object element) {
    return SymbolImages.of(((DocumentSymbol) element).getKind());
  }
}
