package org.neuromechfly.dmn.circuit.editor.outline;

import java.util.EnumMap;
import java.util.Map;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * Small icons for outline elements, drawn once per kind: a coloured disc with a letter (P population,
 * → projection, C connectome, T task, L loss term, B block). Drawn rather than shipped so the outline
 * needs no image files; disposed when the display goes.
 */
final class SymbolImages {
  private static final Map<SymbolKind, Image> IMAGES = new EnumMap<>(SymbolKind.class);

  private SymbolImages() {}

  static synchronized Image of(SymbolKind kind) {
    return IMAGES.computeIfAbsent(kind == null ? SymbolKind.Namespace : kind, SymbolImages::draw);
  }

  private static Image draw(SymbolKind kind) {
    Display display = Display.getCurrent();
    int size = 16;
    ImageData transparent = new ImageData(size, size, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
    transparent.alphaData = new byte[size * size];
    Image canvas = new Image(display, transparent);
    GC gc = new GC(canvas);
    gc.setAntialias(SWT.ON);
    gc.setTextAntialias(SWT.ON);
    Color fill = new Color(colour(kind));
    gc.setBackground(fill);
    gc.fillOval(1, 1, size - 2, size - 2);
    gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
    FontData data = display.getSystemFont().getFontData()[0];
    Font font = new Font(display, data.getName(), 7, SWT.BOLD);
    gc.setFont(font);
    String letter = letter(kind);
    var extent = gc.textExtent(letter);
    gc.drawText(letter, (size - extent.x) / 2, (size - extent.y) / 2, true);
    gc.dispose();
    font.dispose();
    // the drawn disc becomes opaque; everything around it stays transparent
    ImageData drawn = canvas.getImageData();
    canvas.dispose();
    drawn.alphaData = new byte[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = x + 0.5 - size / 2.0;
        double dy = y + 0.5 - size / 2.0;
        drawn.alphaData[y * size + x] = (byte) (dx * dx + dy * dy <= (size / 2.0 - 0.5) * (size / 2.0 - 0.5) ? 255 : 0);
      }
    }
    Image image = new Image(display, drawn);
    display.disposeExec(image::dispose);
    return image;
  }

  private static RGB colour(SymbolKind kind) {
    return switch (kind) {
      case Class -> new RGB(46, 125, 50);
      case Event -> new RGB(21, 101, 192);
      case File -> new RGB(121, 85, 72);
      case Object -> new RGB(239, 108, 0);
      case Field -> new RGB(198, 40, 40);
      case Module -> new RGB(69, 90, 100);
      default -> new RGB(106, 27, 154);
    };
  }

  private static String letter(SymbolKind kind) {
    return switch (kind) {
      case Class -> "P";
      case Event -> "→";
      case File -> "C";
      case Object -> "T";
      case Field -> "L";
      case Module -> "M";
      default -> "B";
    };
  }
}
