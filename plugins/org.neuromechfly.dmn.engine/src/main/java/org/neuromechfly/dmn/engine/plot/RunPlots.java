package org.neuromechfly.dmn.engine.plot;

import java.awt.Color;
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
  /** Trajectories drawn over the plume: more hide it. */
  static final int DRAWN = 24;
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

  /**
   * The paths of up to {@value #DRAWN} flies in millimetres over the plume as the flies met it
   * (concentration averaged over the episode, log scale), with the starts, the source, the success
   * radius and the wind.
   *
   * @param plume mean concentration {@code [ny][nx]} over the arena, or {@code null} to leave it out
   */
  public static void trajectories(Trajectory tr, String title, double successRadius, double arenaWidth,
      double arenaHeight, double[][] plume, Path file) {
    double w = arenaWidth * 1e3;
    double h = arenaHeight * 1e3;
    int width = 1000;
    Figure f = new Figure(width, Figure.heightForEqualScale(width, w, h), 0, w, 0, h);
    if (plume != null) {
      double peak = 0;
      for (double[] row : plume) {
        for (double v : row) {
          peak = Math.max(peak, v);
        }
      }
      double top = Math.log10(Math.max(peak, 1e-12));
      f.field(plume, c -> {
        // four decades below the brightest cell fade to white
        double level = c <= 0 ? 0 : Math.max(0, Math.min(1, (Math.log10(c) - top + 4) / 4));
        return new Color((int) (255 - 120 * level), (int) (255 - 40 * level), 255);
      });
    }
    Color[] colours = {new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0x17becf)};
    int drawn = Math.min(DRAWN, tr.batch());
    for (int b = 0; b < drawn; b++) {
      double[] x = new double[tr.steps() + 1];
      double[] y = new double[tr.steps() + 1];
      x[0] = tr.startX()[b] * 1e3;
      y[0] = tr.startY()[b] * 1e3;
      for (int t = 0; t < tr.steps(); t++) {
        x[t + 1] = tr.x()[b][t] * 1e3;
        y[t + 1] = tr.y()[b][t] * 1e3;
      }
      Color c = colours[b % colours.length];
      f.polyline(x, y, new Color(c.getRed(), c.getGreen(), c.getBlue(), 190), 1.2f);
      f.dot(x[0], y[0], 2.5, Color.BLACK);
    }
    f.circle(tr.sourceX() * 1e3, tr.sourceY() * 1e3, successRadius * 1e3, Color.BLACK, 2f);
    f.dot(tr.sourceX() * 1e3, tr.sourceY() * 1e3, 4, Color.BLACK);
    if (tr.windSpeed() > 0) {
      // the wind blows away from the direction it comes from
      f.arrow(w * 0.06, h * 0.9, tr.windFrom() + Math.PI, 60,
          String.format(java.util.Locale.ROOT, "wind %.0f mm/s", tr.windSpeed() * 1e3), new Color(0x1f4e79));
    }
    f.axes(title + " (" + drawn + " of " + tr.batch() + " flies; dots: starts; circle: success radius)", "x (mm)",
        "y (mm)", false, false);
    f.save(file);
  }

  /**
   * Spike raster of batch element 0 for one population, time in milliseconds: every cell when the
   * population has at most {@code maxCells}, else {@code maxCells} of the cells that spiked (evenly
   * spread over them), labelled with their cell numbers' order.
   */
  public static void raster(NetworkActivity activity, int population, int maxCells, double dt, Path file) {
    PopulationState st = activity.state(population);
    String name = activity.population(population).name();
    boolean graded = activity.population(population).graded();
    int[] cells = shownCells(st, maxCells);
    double duration = st.steps() * dt * 1e3;
    int height = Math.max(300, Math.min(900, 200 + 6 * cells.length));
    Figure f = new Figure(1000, height, 0, duration, -0.5, cells.length - 0.5);
    long spikes = 0;
    f.g.setColor(graded ? new Color(0x9467bd) : Color.BLACK);
    double tick = Math.max(1.0, Math.min(8.0, (height - 95.0) / Math.max(1, cells.length) * 0.8));
    for (int i = 0; i < cells.length; i++) {
      for (int t = 0; t < st.steps(); t++) {
        if (st.output(t, 0, cells[i]) > 0) {
          double x = f.px(t * dt * 1e3);
          double y = f.py(i);
          f.g.fill(new java.awt.geom.Rectangle2D.Double(x - 0.6, y - tick / 2, 1.2, tick));
          spikes++;
        }
      }
    }
    String shown = cells.length == st.cells() ? st.cells() + " cells"
        : cells.length + " of " + st.cells() + " cells (" + (cells.length == 0 ? "none spiked" : "cells that spiked")
            + ")";
    f.axes((graded ? "Output > 0 of " + name + " (graded)" : "Spikes of " + name) + ", fly 0: " + shown + ", " + spikes
        + (graded ? " steps active" : " spikes"), "time (ms)", cells.length == st.cells() ? "cell" : "cell (row)",
        false, true);
    f.save(file);
  }

  /** Which cells a raster shows: all, or up to {@code max} of those that spiked, evenly spread. */
  static int[] shownCells(PopulationState st, int max) {
    if (st.cells() <= max) {
      int[] all = new int[st.cells()];
      for (int n = 0; n < all.length; n++) {
        all[n] = n;
      }
      return all;
    }
    List<Integer> spiking = new ArrayList<>();
    for (int n = 0; n < st.cells(); n++) {
      for (int t = 0; t < st.steps(); t++) {
        if (st.output(t, 0, n) > 0) {
          spiking.add(n);
          break;
        }
      }
    }
    int shown = Math.min(max, spiking.size());
    int[] out = new int[shown];
    for (int i = 0; i < shown; i++) {
      out[i] = spiking.get((int) ((long) i * spiking.size() / shown));
    }
    return out;
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
