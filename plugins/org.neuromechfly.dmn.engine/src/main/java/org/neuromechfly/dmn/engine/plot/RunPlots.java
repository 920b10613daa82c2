package org.neuromechfly.dmn.engine.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neuromechfly.dmn.engine.train.EpisodeReport;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.world.Trajectory;

/** The PNG figures of a run folder, drawn with XChart: losses, trajectories and spike rasters. */
public final class RunPlots {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 650;

  private RunPlots() {}

  /** Total loss and each weighted component per episode. */
  public static void losses(List<EpisodeReport> history, Path file) {
    if (history.isEmpty()) {
      return;
    }
    XYChart chart = chart("Training loss", "episode", "loss");
    double[] x = history.stream().mapToDouble(EpisodeReport::episode).toArray();
    line(chart, "total", x, history.stream().mapToDouble(EpisodeReport::loss).toArray());
    TreeSet<String> names = new TreeSet<>();
    history.forEach(r -> names.addAll(r.components().keySet()));
    for (String n : names) {
      line(chart, n, x, history.stream().mapToDouble(r -> r.components().getOrDefault(n, 0.0)).toArray());
    }
    save(chart, file);
  }

  /** Every fly's path in millimetres, the source and the success radius. */
  public static void trajectories(Trajectory tr, String title, double successRadius, Path file) {
    XYChart chart = chart(title, "x (mm)", "y (mm)");
    for (int b = 0; b < tr.batch(); b++) {
      double[] x = new double[tr.steps() + 1];
      double[] y = new double[tr.steps() + 1];
      x[0] = tr.startX()[b] * 1e3;
      y[0] = tr.startY()[b] * 1e3;
      for (int t = 0; t < tr.steps(); t++) {
        x[t + 1] = tr.x()[b][t] * 1e3;
        y[t + 1] = tr.y()[b][t] * 1e3;
      }
      XYSeries s = chart.addSeries("fly " + b, x, y);
      s.setMarker(SeriesMarkers.NONE);
      s.setShowInLegend(false);
    }
    double[] cx = new double[65];
    double[] cy = new double[65];
    for (int i = 0; i < cx.length; i++) {
      double a = 2 * Math.PI * i / (cx.length - 1);
      cx[i] = (tr.sourceX() + successRadius * Math.cos(a)) * 1e3;
      cy[i] = (tr.sourceY() + successRadius * Math.sin(a)) * 1e3;
    }
    XYSeries goal = chart.addSeries("success radius", cx, cy);
    goal.setMarker(SeriesMarkers.NONE);
    goal.setLineWidth(3f);
    save(chart, file);
  }

  /** Spike raster of batch element 0 for one population (at most {@code maxCells} cells). */
  public static void raster(NetworkActivity activity, int population, int maxCells, double dt, Path file) {
    PopulationState st = activity.state(population);
    String name = activity.population(population).name();
    XYChart chart = chart("Spikes of " + name + (activity.population(population).graded() ? " (graded: output > 0)" : ""),
        "time (ms)", "cell");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(2);
    int cells = Math.min(st.cells(), maxCells);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int t = 0; t < st.steps(); t++) {
      for (int n = 0; n < cells; n++) {
        if (st.output(t, 0, n) > 0) {
          xs.add(t * dt * 1e3);
          ys.add((double) n);
        }
      }
    }
    if (xs.isEmpty()) {
      xs.add(0.0);
      ys.add(-1.0);
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setMarker(SeriesMarkers.CIRCLE);
    save(chart, file);
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return c;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y) {
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
  }

  private static void save(XYChart chart, Path file) {
    System.setProperty("java.awt.headless", "true");
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
