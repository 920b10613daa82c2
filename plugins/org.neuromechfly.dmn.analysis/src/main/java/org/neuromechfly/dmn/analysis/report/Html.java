package org.neuromechfly.dmn.analysis.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A small HTML writer for the run report: escaped text, tables, figures embedded as data URIs. */
final class Html {
  private final StringBuilder out = new StringBuilder();

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Appends raw markup. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  Html open(String tag, String cssClass) {
    out.append('<').append(tag);
    if (cssClass != null) {
      out.append(" class=\"").append(escape(cssClass)).append('"');
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** {@code <tag class>text</tag>}. */
  Html element(String tag, String cssClass, String text) {
    return open(tag, cssClass).text(text).close(tag);
  }

  /** A section with an id (for the table of contents) and a heading. */
  Html section(String id, String title) {
    out.append("<section id=\"").append(escape(id)).append("\">\n<h2>").append(escape(title)).append("</h2>\n");
    return this;
  }

  Html endSection() {
    return raw("</section>\n");
  }

  /** A table; cells are escaped text unless they start with {@link #MARKUP}. */
  Html table(List<String> header, List<List<String>> rows, String cssClass) {
    open("table", cssClass);
    raw("<thead><tr>");
    for (String h : header) {
      raw("<th>").text(h).raw("</th>");
    }
    raw("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      raw("<tr>");
      for (String cell : row) {
        raw("<td>");
        if (cell != null && cell.startsWith(MARKUP)) {
          raw(cell.substring(MARKUP.length()));
        } else {
          text(cell);
        }
        raw("</td>");
      }
      raw("</tr>\n");
    }
    raw("</tbody>");
    return close("table");
  }

  /** Prefix of a table cell that holds markup rather than text. */
  static final String MARKUP = "\u0000html:";

  static String markup(String html) {
    return MARKUP + html;
  }

  /** A figure: the PNG embedded as a data URI, with a caption. */
  Html figure(Path png, String caption) {
    try {
      String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
      raw("<figure><img alt=\"").text(caption).raw("\" src=\"data:image/png;base64,").raw(data).raw("\">");
      raw("<figcaption>").text(caption).raw("</figcaption></figure>\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + png, e);
    }
  }

  /** A pass/warn badge. */
  static String badge(String verdict) {
    String v = verdict == null ? "none" : verdict.toLowerCase(Locale.ROOT);
    String label = switch (v) {
      case "pass" -> "pass";
      case "warn" -> "warn";
      default -> "n/a";
    };
    return markup("<span class=\"badge " + escape(v) + "\">" + label + "</span>");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
