package org.neuromechfly.dmn.circuit.editor.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Pictures of the workbench as it shows on the screen, for README and the evidence. */
final class Screenshots {
  private Screenshots() {}

  /** The screen area of {@code window}, with {@code popup} (a hover; may be null) drawn in as it shows. */
  static void capture(Shell window, Shell popup, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Display display = window.getDisplay();
    Rectangle area = window.getBounds();
    Image image = new Image(display, area.width, area.height);
    GC gc = new GC(display);
    gc.copyArea(image, area.x, area.y);
    gc.dispose();
    if (popup != null) {
      // a popup is a shell of its own that the screen copy may miss: printed and framed where it shows
      GC onImage = new GC(image);
      Rectangle at = popup.getBounds();
      Image drawn = new Image(display, at.width, at.height);
      GC popupGc = new GC(drawn);
      popup.print(popupGc);
      popupGc.dispose();
      onImage.drawImage(drawn, at.x - area.x, at.y - area.y);
      onImage.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
      onImage.drawRectangle(at.x - area.x, at.y - area.y, at.width - 1, at.height - 1);
      onImage.dispose();
      drawn.dispose();
    }
    ImageData data = image.getImageData();
    image.dispose();
    ImageLoader loader = new ImageLoader();
    loader.data = new ImageData[] {data};
    loader.save(file.toString(), SWT.IMAGE_PNG);
  }
}
