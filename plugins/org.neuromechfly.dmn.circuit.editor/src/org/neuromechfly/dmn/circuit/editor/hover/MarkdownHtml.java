package org.neuromechfly.dmn.circuit.editor.hover;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small Markdown the language services write for hovers (bold, italics, code, "- " lists, "---"
 * rules, paragraphs), as the simple HTML JFace's hover presenter renders.
 */
final class MarkdownHtml {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("\\*(.+?)\\*");
  private static final Pattern CODE = Pattern.compile("`(.+?)`");

  private MarkdownHtml() {}

  static String of(String markdown) {
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    for (String paragraph : markdown.strip().split("\n\\s*\n")) {
      if (paragraph.strip().equals("---")) {
        html.append("<hr/>");
        continue;
      }
      for (String line : paragraph.split("\n")) {
        if (line.startsWith("- ")) {
          if (!inList) {
            html.append("<ul>");
            inList = true;
          }
          html.append("<li>").append(inline(line.substring(2))).append("</li>");
        } else {
          if (inList) {
            html.append("</ul>");
            inList = false;
          }
          html.append("<p>").append(inline(line)).append("</p>");
        }
      }
      if (inList) {
        html.append("</ul>");
        inList = false;
      }
    }
    return html.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String inline(String text) {
    String html = escape(text);
    html = replace(BOLD, html, "<b>$1</b>");
    html = replace(ITALIC, html, "<i>$1</i>");
    return replace(CODE, html, "<code>$1</code>");
  }

  private static String replace(Pattern pattern, String text, String replacement) {
    Matcher matcher = pattern.matcher(text);
    return matcher.replaceAll(replacement);
  }
}
