package org.neuromechfly.dmn.engine.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * A plot drawn with Java2D, for the two figures XChart cannot draw: a concentration field under
 * trajectories, and a spike raster with a tick per spike and whole-number cell axes. Data
 * coordinates map to the plot area; axes get "nice" ticks (integers where asked).
 */
final class Figure {
  static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 40;
  private static final int BOTTOM = 55;

  private final BufferedImage image;
  final Graphics2D g;
  private final double x0;
  private final double x1;
  private final double y0;
  private final double y1;
  private final int plotWidth;
  private final int plotHeight;

  /** A figure {@code width × height} pixels showing data x in [x0, x1] and y in [y0, y1]. */
  Figure(int width, int height, double x0, double x1, double y0, double y1) {
    System.setProperty("java.awt.headless", "true");
    this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    this.g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    this.x0 = x0;
    this.x1 = x1;
    this.y0 = y0;
    this.y1 = y1;
    this.plotWidth = width - LEFT - RIGHT;
    this.plotHeight = height - TOP - BOTTOM;
  }

  /** The plot area size that keeps equal scales on both axes for a figure {@code width} pixels wide. */
  static int heightForEqualScale(int width, double xSpan, double ySpan) {
    return (int) Math.round((width - LEFT - RIGHT) * ySpan / xSpan) + TOP + BOTTOM;
  }

  double px(double x) {
    return LEFT + (x - x0) / (x1 - x0) * plotWidth;
  }

  double py(double y) {
    return TOP + plotHeight - (y - y0) / (y1 - y0) * plotHeight;
  }

  /** Fills the plot area with a field {@code [ny][nx]} over the data range, colour by {@code palette}. */
  void field(double[][] values, java.util.function.DoubleFunction<Color> palette) {
    int ny = values.length;
    int nx = values[0].length;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        g.setColor(palette.apply(values[j][i]));
        int xa = (int) Math.floor(px(x0 + (x1 - x0) * i / nx));
        int xb = (int) Math.ceil(px(x0 + (x1 - x0) * (i + 1) / nx));
        int ya = (int) Math.floor(py(y0 + (y1 - y0) * (j + 1) / ny));
        int yb = (int) Math.ceil(py(y0 + (y1 - y0) * j / ny));
        g.fillRect(xa, ya, xb - xa, yb - ya);
      }
    }
  }

  void polyline(double[] x, double[] y, Color colour, float width) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(px(x[0]), py(y[0]));
    for (int i = 1; i < x.length; i++) {
      path.lineTo(px(x[i]), py(y[i]));
    }
    g.setColor(colour);
    g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  void dot(double x, double y, double radiusPx, Color colour) {
    g.setColor(colour);
    g.fill(new java.awt.geom.Ellipse2D.Double(px(x) - radiusPx, py(y) - radiusPx, 2 * radiusPx, 2 * radiusPx));
  }

  void circle(double x, double y, double radius, Color colour, float width) {
    g.setColor(colour);
    g.setStroke(new BasicStroke(width));
    double r = radius / (x1 - x0) * plotWidth;
    g.draw(new java.awt.geom.Ellipse2D.Double(px(x) - r, py(y) - r, 2 * r, 2 * r));
  }

  /** An arrow in pixels from (x, y) data coordinates, pointing at {@code angle} (radians), with a label. */
  void arrow(double x, double y, double angle, double lengthPx, String label, Color colour) {
    double ax = px(x);
    double ay = py(y);
    double bx = ax + lengthPx * Math.cos(angle);
    double by = ay - lengthPx * Math.sin(angle);
    g.setColor(colour);
    g.setStroke(new BasicStroke(3f));
    g.draw(new java.awt.geom.Line2D.Double(ax, ay, bx, by));
    for (double side : new double[] {-0.45, 0.45}) {
      double hx = bx - 12 * Math.cos(angle + side);
      double hy = by + 12 * Math.sin(angle + side);
      g.draw(new java.awt.geom.Line2D.Double(bx, by, hx, hy));
    }
    g.setFont(TEXT);
    g.drawString(label, (float) Math.min(ax, bx), (float) (Math.min(ay, by) - 8));
  }

  /** Axes with ticks and labels, and the title. */
  void axes(String title, String xLabel, String yLabel, boolean integerX, boolean integerY) {
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(LEFT, TOP, plotWidth, plotHeight);
    g.setFont(TEXT);
    FontMetrics fm = g.getFontMetrics();
    for (double t : ticks(x0, x1, integerX)) {
      int x = (int) Math.round(px(t));
      g.drawLine(x, TOP + plotHeight, x, TOP + plotHeight + 5);
      String s = label(t);
      g.drawString(s, x - fm.stringWidth(s) / 2, TOP + plotHeight + 20);
    }
    for (double t : ticks(y0, y1, integerY)) {
      int y = (int) Math.round(py(t));
      g.drawLine(LEFT - 5, y, LEFT, y);
      String s = label(t);
      g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 2);
    }
    g.drawString(xLabel, LEFT + plotWidth / 2 - fm.stringWidth(xLabel) / 2, TOP + plotHeight + 42);
    java.awt.geom.AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + plotHeight / 2) - fm.stringWidth(yLabel) / 2, 18);
    g.setTransform(saved);
    g.setFont(TITLE);
    g.drawString(title, LEFT, TOP - 14);
  }

  /** About five round ticks inside [a, b]; whole numbers only when {@code integer}. */
  static double[] ticks(double a, double b, boolean integer) {
    double span = b - a;
    double raw = span / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    if (integer) {
      step = Math.max(1, Math.round(step));
    }
    double first = Math.ceil(a / step) * step;
    int n = (int) Math.floor((b - first) / step + 1e-9) + 1;
    double[] t = new double[Math.max(0, n)];
    for (int i = 0; i < t.length; i++) {
      t[i] = first + i * step;
    }
    return t;
  }

  private static String label(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%d", Math.round(v))
        : String.format(Locale.ROOT, "%.3g", v);
  }

  void save(Path file) {
    g.dispose();
    RunFolder.write(file, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer");
      }
    });
  }
}
