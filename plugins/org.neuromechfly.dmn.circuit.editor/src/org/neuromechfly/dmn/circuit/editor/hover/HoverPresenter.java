package org.neuromechfly.dmn.circuit.editor.hover;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Drawable;

/**
 * Renders the hover's small HTML (paragraphs, bold, italics, code, list items, rules; see
 * {@link MarkdownHtml}) as styled text, all of it: JFace's HTML presenter cuts a hover to the popup's
 * first lines, which dropped the documentation under a long problem message.
 */
final class HoverPresenter implements DefaultInformationControl.IInformationPresenterExtension, DefaultInformationControl.IInformationPresenter {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)\\s*/?>");

  @Override
  public String updatePresentation(Drawable drawable, String html, TextPresentation presentation, int maxWidth, int maxHeight) {
    return render(html, presentation);
  }

  @Override
  @Deprecated
  public String updatePresentation(org.eclipse.swt.widgets.Display display, String html, TextPresentation presentation, int maxWidth, int maxHeight) {
    return render(html, presentation);
  }

  /** The text to show, with bold and italic ranges added to {@code presentation}. */
  static String render(String html, TextPresentation presentation) {
    StringBuilder text = new StringBuilder();
    Matcher tags = TAG.matcher(html);
    int at = 0;
    int[] styledFrom = {-1, -1}; // where the open <b> and <i> began
    while (tags.find()) {
      text.append(unescape(html.substring(at, tags.start())));
      at = tags.end();
      boolean closing = !tags.group(1).isEmpty();
      switch (tags.group(2)) {
        case "b" -> span(presentation, text, styledFrom, 0, closing, SWT.BOLD);
        case "i" -> span(presentation, text, styledFrom, 1, closing, SWT.ITALIC);
        case "p" -> newLineUnlessAtStart(text, closing);
        case "li" -> {
          if (!closing) {
            newLineUnlessAtStart(text, false);
            text.append("• ");
          }
        }
        case "hr" -> {
          newLineUnlessAtStart(text, false);
          text.append('\n');
        }
        default -> { } // code, ul: no look of their own here
      }
    }
    text.append(unescape(html.substring(at)));
    return text.toString().strip();
  }

  /** Opens a bold or italic span, or closes it into a style range. */
  private static void span(TextPresentation presentation, StringBuilder text, int[] from, int which, boolean closing, int fontStyle) {
    if (!closing) {
      from[which] = text.length();
    } else if (from[which] >= 0) {
      style(presentation, from[which], text.length(), fontStyle);
      from[which] = -1;
    }
  }

  private static void newLineUnlessAtStart(StringBuilder text, boolean closing) {
    if (!closing && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
  }

  private static void style(TextPresentation presentation, int from, int to, int fontStyle) {
    if (presentation != null && to > from) {
      presentation.mergeStyleRange(new StyleRange(from, to - from, null, null, fontStyle));
    }
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
