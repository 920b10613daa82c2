package org.neuromechfly.dmn.analysis.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuromechfly.dmn.engine.run.RunFolder;

/** The analyses' figures: XChart charts in one style, saved as PNG through an atomic write. */
public final class Charts {
  public static final Color LEARNED = new Color(0x1f, 0x6f, 0xb4);
  public static final Color UNTRAINED = new Color(0x9a, 0x9a, 0x9a);
  public static final Color REFERENCE = new Color(0x2c, 0xa0, 0x2c);
  public static final Color WARN = new Color(0xd6, 0x27, 0x28);

  static {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
  }

  private Charts() {}

  /** An XY chart with the analyses' style. */
  public static XYChart xy(String title, String x, String y, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
    chart.getStyler().setAntiAlias(true);
    return chart;
  }

  /** Adds a scatter series of small dots. */
  public static XYSeries dots(XYChart chart, String name, double[] x, double[] y, Color color) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
    return s;
  }

  /** Adds a line without markers. */
  public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineWidth(width);
    return s;
  }

  /** Saves one chart as PNG. */
  public static Path save(Chart<?, ?> chart, Path file) {
    return RunFolder.write(file, tmp -> Files.write(tmp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG)));
  }

  /** Saves charts side by side as one PNG. */
  public static Path saveRow(Path file, Chart<?, ?>... charts) {
    int width = 0;
    int height = 0;
    BufferedImage[] images = new BufferedImage[charts.length];
    for (int i = 0; i < charts.length; i++) {
      images[i] = BitmapEncoder.getBufferedImage(charts[i]);
      width += images[i].getWidth();
      height = Math.max(height, images[i].getHeight());
    }
    BufferedImage row = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = row.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    int x = 0;
    for (BufferedImage image : images) {
      g.drawImage(image, x, 0, null);
      x += image.getWidth();
    }
    g.dispose();
    return RunFolder.write(file, tmp -> {
      if (!ImageIO.write(row, "png", tmp.toFile())) {
        throw new IOException("no PNG writer");
      }
    });
  }

  /** Histogram outline of {@code values} over {@code bins} equal bins as a stepped line's points. */
  public static double[][] histogram(double[] values, int bins, double low, double high) {
    double[] counts = new double[bins];
    double width = (high - low) / bins;
    for (double v : values) {
      if (Double.isFinite(v)) {
        int b = (int) Math.floor((v - low) / width);
        counts[Math.max(0, Math.min(bins - 1, b))]++;
      }
    }
    double[] x = new double[2 * bins + 2];
    double[] y = new double[2 * bins + 2];
    x[0] = low;
    y[0] = 0;
    for (int b = 0; b < bins; b++) {
      x[2 * b + 1] = low + b * width;
      y[2 * b + 1] = counts[b];
      x[2 * b + 2] = low + (b + 1) * width;
      y[2 * b + 2] = counts[b];
    }
    x[2 * bins + 1] = high;
    y[2 * bins + 1] = 0;
    return new double[][] {x, y};
  }

}
