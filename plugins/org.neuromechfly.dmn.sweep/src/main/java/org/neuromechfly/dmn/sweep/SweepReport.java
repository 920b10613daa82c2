package org.neuromechfly.dmn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.neuromechfly.dmn.engine.neuron.PositiveParameter;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The sweep report: {@code report.html} with the outcome of every condition (mean ± s.d. over seeds),
 * a figure per swept setting ({@code sweep-vs-<setting>.png}), the trajectories of every run side by
 * side ({@code sweep-trajectories.png}), the learned neuron parameters per cell type across the
 * ensemble ({@code sweep-parameters.png}), failures with their errors, and links to every run folder.
 */
public final class SweepReport {
  /** Outcome measures shown, in order. */
  static final List<SweepCharts.Measure> MEASURES = List.of(
      new SweepCharts.Measure("success_after", "held-out success (%)", 100),
      new SweepCharts.Measure("closest_approach_mm", "closest approach (mm)", 1),
      new SweepCharts.Measure("ground_speed_mm_s", "ground speed (mm/s)", 1),
      new SweepCharts.Measure("stopped_fraction", "fraction of time stopped (%)", 100),
      new SweepCharts.Measure("straightness", "path straightness", 1),
      new SweepCharts.Measure("upwind_odour_minus_clean_mm_s", "upwind velocity, odour − clean air (mm/s)", 1),
      new SweepCharts.Measure("saccades_per_s", "saccades per second", 1),
      new SweepCharts.Measure("final_loss_energy", "energy loss (last 5 episodes)", 1),
      new SweepCharts.Measure("final_loss_navigation", "navigation loss (last 5 episodes)", 1));

  private SweepReport() {}

  static void write(SweepFolder folder, SweepPlan plan, List<RunRow> rows, SweepResult result) {
    try {
      List<String[]> figures = new ArrayList<>();
      for (SweepPlan.Axis axis : Conditions.axes(plan)) {
        String name = "sweep-vs-" + RunRows.column(axis.setting()) + ".png";
        SweepCharts.outcomes(plan, rows, axis, MEASURES, folder.file(name));
        figures.add(new String[] {name, "Outcomes against " + axis.setting() + ": mean ± s.d. over seeds (squares, bars),"
            + " each seed's run (grey dots)."});
      }
      SweepCharts.trajectories(folder, plan, rows, folder.file("sweep-trajectories.png"));
      if (Files.isRegularFile(folder.file("sweep-trajectories.png"))) {
        figures.add(new String[] {"sweep-trajectories.png", "Held-out flies after training, a row per condition and a"
            + " column per seed (each run's trajectories-after.png)."});
      }
      List<String[]> parameterRows = parameters(folder, plan, rows);
      if (Files.isRegularFile(folder.file("sweep-parameters.png"))) {
        figures.add(new String[] {"sweep-parameters.png", "Learned neuron parameters per cell type: every cell of every"
            + " seed's final network, a box per condition (median, quartiles, whiskers)."});
      }
      SweepFolder.writeAtomically(folder.file(SweepFolder.REPORT), html(plan, rows, result, figures, parameterRows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep report in " + folder, e);
    }
  }

  /** Figure of the learned parameters; returns table rows (parameter, condition, mean ± s.d. over seeds). */
  private static List<String[]> parameters(SweepFolder folder, SweepPlan plan, List<RunRow> rows) {
    CircuitSpec spec = CircuitJson.read(plan.runs().get(0).circuitJson());
    double tauFloor = org.neuromechfly.dmn.engine.network.NetworkOptions.training(new org.neuromechfly.dmn.engine.neuron.SurrogateSpike(
        spec.training().surrogate(), spec.training().surrogateSlope())).tauFloor();
    List<Chart<?, ?>> panels = new ArrayList<>();
    List<String[]> table = new ArrayList<>();
    Map<Integer, Map<String, double[]>> learned = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Path checkpoint = folder.run(plan.runs().get(i)).resolve(RunFolder.CHECKPOINT);
      if (rows.get(i).completed() && Files.isRegularFile(checkpoint)) {
        learned.put(i, CheckpointStore.readParameters(checkpoint));
      }
    }
    if (learned.isEmpty()) {
      return table;
    }
    for (Population p : spec.populations()) {
      for (LearnableParameter kind : p.learned()) {
        boolean tau = kind == LearnableParameter.TAU_MEM || kind == LearnableParameter.TAU_SYN;
        String key = (p.sharing() == org.neuromechfly.dmn.model.ParameterSharing.PER_CELL_TYPE ? "type:" + p.cellType()
            : p.name()) + "." + kind.keyword();
        Map<String, double[]> byCondition = new LinkedHashMap<>();
        Map<String, List<Double>> modelMeans = new LinkedHashMap<>();
        for (var e : learned.entrySet()) {
          double[] raw = e.getValue().get(key);
          if (raw == null) {
            continue;
          }
          double[] values = new double[raw.length];
          double sum = 0;
          for (int c = 0; c < raw.length; c++) {
            values[c] = tau ? 1e3 * PositiveParameter.value(raw[c], tauFloor) : raw[c];
            sum += values[c];
          }
          String condition = Conditions.label(plan.runs().get(e.getKey()).settings());
          byCondition.merge(condition, values, SweepReport::concat);
          modelMeans.computeIfAbsent(condition, k -> new ArrayList<>()).add(sum / values.length);
        }
        if (byCondition.isEmpty()) {
          continue;
        }
        panels.add(SweepCharts.parameterBoxes(p.name() + " (" + p.cellType() + ") " + kind.keyword(),
            tau ? "ms" : "normalised", byCondition));
        modelMeans.forEach((condition, means) -> {
          double m = means.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
          double sd = means.size() < 2 ? Double.NaN : Math.sqrt(means.stream().mapToDouble(d -> (d - m) * (d - m)).sum()
              / (means.size() - 1));
          table.add(new String[] {p.name() + " (" + p.cellType() + ")", kind.keyword() + (tau ? " (ms)" : ""), condition,
              meanSd(m, sd), Integer.toString(means.size())});
        });
      }
    }
    SweepCharts.grid(panels, 3, folder.file("sweep-parameters.png"));
    return table;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static String meanSd(double mean, double sd) {
    if (!Double.isFinite(mean)) {
      return "–";
    }
    return Double.isFinite(sd) ? String.format(Locale.ROOT, "%.3g ± %.2g", mean, sd) : String.format(Locale.ROOT, "%.3g", mean);
  }

  private static String html(SweepPlan plan, List<RunRow> rows, SweepResult result, List<String[]> figures,
      List<String[]> parameterRows) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(plan.circuit())).append(" — sweep report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<header><div class=\"wrap\"><p class=\"kicker\">NeuroMechFly DMN · sweep report</p><h1>")
        .append(esc(plan.circuit())).append("</h1><p class=\"where\">").append(esc(result.folder().toString()))
        .append("</p></div></header>\n<main class=\"wrap\">\n");
    int completed = rows.size() - result.failed();
    h.append("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">")
        .append(card("runs", Integer.toString(rows.size()), plan.axes().size() + " swept setting(s)"))
        .append(card("completed", Integer.toString(completed), result.failed() + " failed"))
        .append(card("in parallel", Integer.toString(result.slots()), "Spark master " + result.master()))
        .append(card("wall time", SparkSweep.duration(result.seconds()), result.trained() + " run(s) trained by this process"))
        .append("</div>\n<table class=\"compact\"><thead><tr><th>setting</th><th>values</th></tr></thead><tbody>\n");
    for (SweepPlan.Axis a : plan.axes()) {
      h.append("<tr><td>").append(esc(a.setting())).append("</td><td>").append(esc(String.join(", ", a.values())))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>");
    if (plan.episodes() != null) {
      h.append("<p class=\"note\">Every run trained ").append(plan.episodes()).append(" episodes (--episodes).</p>");
    }
    h.append("<p>Table: <a href=\"").append(SweepFolder.CSV).append("\">").append(SweepFolder.CSV).append("</a> and <code>")
        .append(SweepFolder.PARQUET).append("</code>, one row per run.</p></section>\n");
    // conditions
    h.append("<section id=\"conditions\"><h2>Outcome by condition (mean ± s.d. over seeds)</h2><table><thead><tr>")
        .append("<th>condition</th><th>n</th>");
    for (SweepCharts.Measure m : MEASURES) {
      h.append("<th>").append(esc(m.title())).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (var e : Conditions.of(plan, rows).entrySet()) {
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(e.getValue().size()).append("</td>");
      for (SweepCharts.Measure m : MEASURES) {
        double[] ms = Conditions.meanSd(e.getValue(), m.column());
        h.append("<td>").append(esc(meanSd(ms[0] * m.scale(), ms[1] * m.scale()))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></section>\n<section id=\"figures\"><h2>Figures</h2>\n");
    for (String[] f : figures) {
      h.append("<figure><img alt=\"").append(esc(f[1])).append("\" src=\"").append(esc(f[0])).append("\"><figcaption>")
          .append(esc(f[1])).append("</figcaption></figure>\n");
    }
    h.append("</section>\n");
    if (!parameterRows.isEmpty()) {
      h.append("<section id=\"parameters\"><h2>Learned neuron parameters (mean per network, mean ± s.d. over seeds)</h2>")
          .append("<table class=\"compact\"><thead><tr><th>population</th><th>parameter</th><th>condition</th>")
          .append("<th>value</th><th>n</th></tr></thead><tbody>\n");
      for (String[] r : parameterRows) {
        h.append("<tr>");
        for (String c : r) {
          h.append("<td>").append(esc(c)).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody></table></section>\n");
    }
    h.append("<section id=\"runs\"><h2>Runs</h2><table class=\"compact\"><thead><tr><th>run</th><th>settings</th>")
        .append("<th>status</th><th>success</th><th>speed (mm/s)</th><th>seconds</th><th>error</th></tr></thead><tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      PlannedRun run = plan.runs().get(i);
      RunRow r = rows.get(i);
      h.append("<tr><td><a href=\"").append(SweepFolder.RUNS).append('/').append(esc(run.id())).append("/\">")
          .append(esc(run.id())).append("</a></td><td>").append(esc(run.describe())).append("</td><td>")
          .append("<span class=\"badge ").append(r.completed() ? "pass" : "warn").append("\">")
          .append(esc(String.valueOf(r.get(RunRows.STATUS)))).append("</span></td><td>")
          .append(esc(meanSd(100 * r.number("success_after"), Double.NaN))).append(" %</td><td>")
          .append(esc(meanSd(r.number("ground_speed_mm_s"), Double.NaN))).append("</td><td>")
          .append(esc(String.format(Locale.ROOT, "%.0f", r.number("seconds")))).append("</td><td>")
          .append(esc(r.get(RunRows.ERROR) == null ? "" : r.get(RunRows.ERROR).toString())).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String card(String label, String value, String note) {
    return "<div class=\"card\"><div class=\"label\">" + esc(label) + "</div><div class=\"value\">" + esc(value)
        + "</div><div class=\"note\">" + esc(note) + "</div></div>";
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  // the look of the run report (analysis module), so both read alike
  private static final String STYLE = """
      :root { --ink:#1d2430; --muted:#5d6878; --line:#e3e7ee; --accent:#1f6fb4; --bg:#f6f8fb; --pass:#1e7d32; --warn:#b36b00; }
      * { box-sizing: border-box; }
      body { margin:0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; color:var(--ink); background:var(--bg); }
      .wrap { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
      header { background: linear-gradient(120deg, #12385f, #1f6fb4); color: #fff; padding: 28px 0 22px; }
      header h1 { margin: 4px 0 2px; font-size: 30px; }
      header .kicker { margin: 0; opacity: .8; text-transform: uppercase; font-size: 12px; letter-spacing: 1.5px; }
      header .where { margin: 0; opacity: .75; font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 12px; word-break: break-all; }
      section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 16px 0; }
      h2 { margin: 0 0 12px; font-size: 20px; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin-bottom: 12px; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fbfcfe; }
      .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .8px; }
      .card .value { font-size: 22px; font-weight: 600; margin: 2px 0; }
      .card .note, p.note { color: var(--muted); font-size: 12px; }
      table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13.5px; }
      th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
      th { background: #f1f4f8; font-weight: 600; }
      table.compact td, table.compact th { padding: 3px 8px; font-size: 12.5px; }
      .badge { display: inline-block; min-width: 40px; text-align: center; border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 600; color: #fff; background: #8a94a3; }
      .badge.pass { background: var(--pass); }
      .badge.warn { background: var(--warn); }
      figure { margin: 10px 0 16px; }
      figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
      figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
      """;
}
