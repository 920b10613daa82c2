package org.neuromechfly.dmn.sweep;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuromechfly.dmn.engine.run.RunFolder;

/** The sweep report's figures: outcome measures against a swept setting, trajectories, learned parameters. */
final class SweepCharts {
  static final Color[] PALETTE = {new Color(0x1f, 0x6f, 0xb4), new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
      new Color(0x94, 0x67, 0xbd), new Color(0xff, 0x7f, 0x0e), new Color(0x8c, 0x56, 0x4b)};
  private static final Color SEED_DOT = new Color(0x9a, 0x9a, 0x9a);

  static {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
  }

  private SweepCharts() {}

  /** An outcome measure: column, title, and a factor for display (e.g. 100 for fractions shown in %). */
  record Measure(String column, String title, double scale) {}

  /**
   * One panel per measure: mean ± s.d. over seeds against the values of {@code axis} (its values as
   * numbers: "20 ms" → 20), one series per combination of the other swept settings, the seeds as grey dots.
   */
  static void outcomes(SweepPlan plan, List<RunRow> rows, SweepPlan.Axis axis, List<Measure> measures, Path png) {
    List<Double> parsed = axis.values().stream().map(SweepCharts::numberOf).toList();
    boolean words = parsed.stream().anyMatch(d -> d.isNaN());
    List<Double> xs = words ? java.util.stream.IntStream.range(0, parsed.size()).mapToObj(i -> (double) i + 1).toList()
        : parsed;
    boolean log = xs.stream().allMatch(x -> x > 0) && xs.stream().mapToDouble(d -> d).max().orElse(1)
        / xs.stream().mapToDouble(d -> d).min().orElse(1) >= 20;
    // series: the other condition axes' values
    Map<String, List<Integer>> series = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> s = new LinkedHashMap<>(plan.runs().get(i).settings());
      s.remove(axis.setting());
      series.computeIfAbsent(Conditions.label(s), k -> new ArrayList<>()).add(i);
    }
    List<Chart<?, ?>> panels = new ArrayList<>();
    for (Measure m : measures) {
      XYChart chart = xy(m.title(), axis.setting(), 420, 300);
      chart.getStyler().setXAxisLogarithmic(log);
      chart.getStyler().setLegendVisible(series.size() > 1);
      if (words) {
        chart.setCustomXAxisTickLabelsFormatter(x -> {
          int i = (int) Math.round(x) - 1;
          return Math.abs(x - Math.rint(x)) < 1e-9 && i >= 0 && i < axis.values().size() ? axis.values().get(i) : "";
        });
      }
      int colour = 0;
      boolean any = false;
      for (var entry : series.entrySet()) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        List<Double> dotX = new ArrayList<>();
        List<Double> dotY = new ArrayList<>();
        for (int v = 0; v < axis.values().size(); v++) {
          List<RunRow> cell = new ArrayList<>();
          for (int i : entry.getValue()) {
            if (plan.runs().get(i).settings().get(axis.setting()).equals(axis.values().get(v)) && rows.get(i).completed()) {
              cell.add(rows.get(i));
            }
          }
          double[] ms = Conditions.meanSd(cell, m.column());
          if (Double.isFinite(ms[0])) {
            x.add(xs.get(v));
            y.add(ms[0] * m.scale());
            e.add(Double.isFinite(ms[1]) ? ms[1] * m.scale() : 0);
          }
          for (RunRow r : cell) {
            if (Double.isFinite(r.number(m.column()))) {
              dotX.add(xs.get(v));
              dotY.add(r.number(m.column()) * m.scale());
            }
          }
        }
        if (x.isEmpty()) {
          continue;
        }
        any = true;
        Color c = PALETTE[colour++ % PALETTE.length];
        if (!dotX.isEmpty()) {
          XYSeries dots = chart.addSeries("seeds " + entry.getKey(), dotX, dotY);
          dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          dots.setMarker(SeriesMarkers.CIRCLE);
          dots.setMarkerColor(SEED_DOT);
          dots.setShowInLegend(false);
        }
        XYSeries mean = chart.addSeries(entry.getKey().equals("all runs") ? "mean ± s.d." : entry.getKey(), x, y, e);
        mean.setLineColor(c);
        mean.setMarkerColor(c);
        mean.setMarker(SeriesMarkers.SQUARE);
        mean.setLineWidth(2f);
      }
      if (any) {
        panels.add(chart);
      }
    }
    grid(panels, 3, png);
  }

  /** Learned values of one neuron parameter of one population: a box per condition (cells × seeds pooled). */
  static Chart<?, ?> parameterBoxes(String title, String unit, Map<String, double[]> byCondition) {
    BoxChart chart = new BoxChartBuilder().width(420).height(300).title(title).yAxisTitle(unit).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
    chart.getStyler().setXAxisLabelRotation(20);
    int i = 0;
    for (var e : byCondition.entrySet()) {
      if (e.getValue().length > 0) {
        chart.addSeries(e.getKey(), e.getValue()).setFillColor(PALETTE[i++ % PALETTE.length]);
      }
    }
    return chart;
  }

  /** The runs' "after training" trajectories side by side: a row per condition, a column per seed. */
  static void trajectories(SweepFolder folder, SweepPlan plan, List<RunRow> rows, Path png) throws IOException {
    Map<String, List<Integer>> byCondition = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byCondition.computeIfAbsent(Conditions.label(plan.runs().get(i).settings()), k -> new ArrayList<>()).add(i);
    }
    int columns = byCondition.values().stream().mapToInt(List::size).max().orElse(1);
    int cellW = 320;
    int cellH = 0;
    Map<Integer, BufferedImage> images = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Path file = folder.run(plan.runs().get(i)).resolve(RunFolder.TRAJECTORIES_AFTER);
      if (rows.get(i).completed() && Files.isRegularFile(file)) {
        BufferedImage img = ImageIO.read(file.toFile());
        images.put(i, img);
        cellH = Math.max(cellH, img.getHeight() * cellW / img.getWidth());
      }
    }
    if (images.isEmpty()) {
      return;
    }
    int labelH = 26;
    int left = 10;
    BufferedImage out = new BufferedImage(left + columns * cellW, byCondition.size() * (cellH + 2 * labelH),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    int row = 0;
    for (var e : byCondition.entrySet()) {
      int y = row * (cellH + 2 * labelH);
      g.setColor(new Color(0x1d, 0x24, 0x30));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString(e.getKey(), left, y + 18);
      int col = 0;
      for (int i : e.getValue()) {
        int x = left + col * cellW;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0x5d, 0x68, 0x78));
        g.drawString("seed " + plan.runs().get(i).seed() + " · " + plan.runs().get(i).id()
            + (rows.get(i).completed() ? "" : " · failed"), x, y + labelH + 14);
        BufferedImage img = images.get(i);
        if (img != null) {
          g.drawImage(img, x, y + 2 * labelH, cellW - 6, img.getHeight() * (cellW - 6) / img.getWidth(), null);
        }
        col++;
      }
      row++;
    }
    g.dispose();
    save(out, png);
  }

  static XYChart xy(String title, String x, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(x).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    return chart;
  }

  /** Panels in a grid of {@code columns}, saved as one PNG (nothing when there is no panel). */
  static void grid(List<Chart<?, ?>> panels, int columns, Path png) {
    if (panels.isEmpty()) {
      return;
    }
    int w = panels.get(0).getWidth();
    int h = panels.get(0).getHeight();
    int cols = Math.min(columns, panels.size());
    int rowsN = (panels.size() + cols - 1) / cols;
    BufferedImage out = new BufferedImage(cols * w, rowsN * h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      g.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), (i % cols) * w, (i / cols) * h, null);
    }
    g.dispose();
    save(out, png);
  }

  private static void save(BufferedImage image, Path png) {
    RunFolder.write(png, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer");
      }
    });
  }

  /** The number in a value as written: "0.1" → 0.1, "20 ms" → 20; words get their position. */
  static double numberOf(String value) {
    try {
      return Double.parseDouble(value.split(" ")[0]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
