package org.neuromechfly.dmn.engine.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.neuromechfly.dmn.engine.behaviour.BehaviourMeasure;

/** The behaviour figures of a run folder: ground-speed distributions and the condition contrasts. */
public final class BehaviourPlots {
  private BehaviourPlots() {}

  /**
   * Distribution of ground speed (20 ms frames) before and after training, in 2 mm/s bins up to
   * {@code maxSpeed}, as fractions of frames; the published 5–20 mm/s walking range is marked in the title.
   */
  public static void groundSpeed(double[] before, double[] after, double maxSpeed, Path file) {
    double bin = 2e-3;
    int bins = (int) Math.ceil(maxSpeed * 1.05 / bin);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      labels.add(String.valueOf((int) Math.round(i * bin * 1e3)));
    }
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
        .title("Ground speed, all 20 ms frames (walking flies: 5-20 mm/s on average; Alvarez-Salvado 2018, Demir 2020)")
        .xAxisTitle("ground speed (mm/s, bin start)").yAxisTitle("fraction of frames").build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisLabelRotation(0);
    chart.addSeries("before training", labels, histogram(before, bin, bins));
    chart.addSeries("after training", labels, histogram(after, bin, bins));
    save(chart, file);
  }

  /** Bars of the measures whose conditions contrast (in odour vs clean air, during vs after odour). */
  public static void contrasts(Map<String, List<BehaviourMeasure>> byPhase, Path file) {
    List<String> keys = List.of("upwind_velocity_odour", "upwind_velocity_clean", "saccade_rate", "ground_speed");
    List<String> names = List.of("upwind, in odour (mm/s)", "upwind, clean air (mm/s)", "saccades (1/s)",
        "ground speed (mm/s)");
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
        .title("Behaviour before and after training (held-out flies)").xAxisTitle("").yAxisTitle("value").build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    byPhase.forEach((phase, measures) -> {
      List<Double> values = new ArrayList<>();
      for (String k : keys) {
        double v = measures.stream().filter(m -> m.key().equals(k)).mapToDouble(BehaviourMeasure::value).findFirst()
            .orElse(Double.NaN);
        values.add(Double.isNaN(v) ? 0.0 : v);
      }
      chart.addSeries(phase, names, values);
    });
    save(chart, file);
  }

  private static List<Double> histogram(double[] values, double bin, int bins) {
    double[] counts = new double[bins];
    for (double v : values) {
      counts[Math.min(bins - 1, Math.max(0, (int) (v / bin)))]++;
    }
    List<Double> out = new ArrayList<>();
    for (double c : counts) {
      out.add(values.length == 0 ? 0 : c / values.length);
    }
    return out;
  }

  private static void save(CategoryChart chart, Path file) {
    System.setProperty("java.awt.headless", "true");
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
