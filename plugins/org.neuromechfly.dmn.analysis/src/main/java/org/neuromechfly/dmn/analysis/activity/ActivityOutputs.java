package org.neuromechfly.dmn.analysis.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neuromechfly.dmn.analysis.Csv;
import org.neuromechfly.dmn.analysis.plot.Charts;
import org.neuromechfly.dmn.analysis.run.TrainedRun;
import org.neuromechfly.dmn.connectome.reference.Range;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * Writes an activity analysis into the run folder: {@value RunFolder#ACTIVITY_JSON} (the protocol and
 * every row with its reference and verdict), {@value RunFolder#ACTIVITY_CSV}, {@code activity-pulse.png}
 * (population rates over a pulse trial) and {@code activity-kc.png} (KCs responding per trial, intact
 * and with APL silenced, against the reference band).
 */
public final class ActivityOutputs {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Color[] PALETTE = {
    new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28),
    new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f)
  };

  private ActivityOutputs() {}

  public static List<Path> write(TrainedRun run, ActivityAnalysis.Result result, Range kcSparsity) {
    RunFolder folder = run.folder();
    List<Path> written = new ArrayList<>();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("circuit", run.spec().name());
    json.put("parameters", run.parameterFile().getFileName().toString());
    json.put("protocol", result.protocol());
    json.put("rows", result.rows());
    try {
      written.add(folder.writeText(RunFolder.ACTIVITY_JSON, JSON.writeValueAsString(json) + "\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    written.add(folder.writeText(RunFolder.ACTIVITY_CSV, csv(result.rows())));
    written.add(pulseFigure(folder, result.traces()));
    if (!result.traces().respondersIntact().isEmpty()) {
      written.add(kcFigure(folder, result.traces(), kcSparsity));
    }
    return written;
  }

  static String csv(List<ActivityAnalysis.Row> rows) {
    StringBuilder b = new StringBuilder("measure,cell_type,cells,value,unit,reference_low,reference_high,verdict,source\n");
    for (ActivityAnalysis.Row r : rows) {
      b.append(Csv.text(r.measure())).append(',').append(Csv.text(r.cellType())).append(',').append(r.cells()).append(',')
          .append(Csv.num(r.value())).append(',').append(r.unit()).append(',')
          .append(r.low() == null ? "" : Csv.num(r.low())).append(',').append(r.high() == null ? "" : Csv.num(r.high()))
          .append(',').append(r.verdict()).append(',').append(r.source() == null ? "" : Csv.text(r.source())).append('\n');
    }
    return b.toString();
  }

  private static Path pulseFigure(RunFolder folder, ActivityAnalysis.Traces traces) {
    XYChart chart = Charts.xy("Population rate over an odour-pulse trial (mean of trials)", "time (ms)",
        "rate (Hz, 10 ms bins)", 900, 560);
    chart.getStyler().setYAxisLogarithmic(true);
    int i = 0;
    double bin = 10;
    double max = 1;
    for (var e : traces.pulseRate().entrySet()) {
      double[] rate = e.getValue();
      double[] x = new double[rate.length];
      double[] y = new double[rate.length];
      for (int k = 0; k < rate.length; k++) {
        x[k] = (k + 0.5) * bin;
        y[k] = Math.max(rate[k], 0.1); // log axis: silence drawn at 0.1 Hz
        max = Math.max(max, y[k]);
      }
      Charts.line(chart, e.getKey(), x, y, PALETTE[i++ % PALETTE.length], 2f);
    }
    double on = traces.onset() * traces.dt() * 1e3;
    double off = traces.offset() * traces.dt() * 1e3;
    Charts.line(chart, String.format(Locale.ROOT, "odour %.0f-%.0f ms", on, off), new double[] {on, on, off, off},
        new double[] {0.1, max * 2, max * 2, 0.1}, Color.BLACK, 1f);
    return Charts.save(chart, folder.plot("activity", "pulse"));
  }

  private static Path kcFigure(RunFolder folder, ActivityAnalysis.Traces traces, Range band) {
    XYChart chart = Charts.xy("KCs responding to the odour pulse, per trial", "trial", "fraction of KCs", 900, 560);
    int i = 0;
    int trials = 0;
    for (var e : traces.respondersIntact().entrySet()) {
      Color c = PALETTE[i++ % PALETTE.length];
      double[] y = e.getValue();
      trials = y.length;
      Charts.line(chart, e.getKey() + " intact", trialAxis(y.length), y, c, 2f);
      double[] blocked = traces.respondersBlocked().get(e.getKey());
      if (blocked != null) {
        Charts.line(chart, e.getKey() + " APL silenced", trialAxis(blocked.length), blocked, c, 1f)
            .setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
      }
    }
    if (band != null && trials > 0) {
      Charts.line(chart, String.format(Locale.ROOT, "reference %.0f-%.0f %%", band.low() * 100, band.high() * 100),
          new double[] {1, trials, trials, 1, 1}, new double[] {band.low(), band.low(), band.high(), band.high(), band.low()},
          Charts.REFERENCE, 1.5f);
    }
    return Charts.save(chart, folder.plot("activity", "kc"));
  }

  private static double[] trialAxis(int n) {
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = k + 1;
    }
    return x;
  }


}
