package org.neuromechfly.dmn.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.WeightInit;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The run report: one self-contained HTML page ({@value RunFolder#REPORT}) that shows whatever the
 * run folder holds — the summary, behaviour against published values, the training losses,
 * trajectories, the model, spike rasters, the weights and activity analyses and HDF5 recordings —
 * with every figure embedded, no script and no network access, so it opens offline in any browser.
 * A section whose files are missing is left out; a file that cannot be read is named in the page.
 * The page carries no date, so the same run folder gives the same bytes.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunFolder folder;
  private final Html html = new Html();
  private final List<String[]> contents = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private RunReport(RunFolder folder) {
    this.folder = folder;
  }

  /** Writes {@value RunFolder#REPORT} into the run folder and returns it. */
  public static Path write(Path runDir) {
    RunFolder folder;
    try {
      folder = RunFolder.existing(runDir);
    } catch (IllegalArgumentException e) {
      throw new org.neuromechfly.dmn.analysis.run.AnalysisException(e.getMessage(), e);
    }
    String page = new RunReport(folder).render();
    return folder.writeText(RunFolder.REPORT, page);
  }

  private String render() {
    CircuitSpec spec = circuit();
    JsonNode summary = json(RunFolder.SUMMARY_JSON);
    String name = spec != null ? spec.name() : folder.path().getFileName().toString();
    summary(summary);
    behaviour();
    training();
    trajectories();
    if (spec != null) {
      model(spec, summary);
    }
    rasters();
    weights();
    activity();
    recordings();
    files();
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(name)).append(" — run report</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<header><div class=\"wrap\"><p class=\"kicker\">NeuroMechFly DMN · run report</p><h1>")
        .append(Html.escape(name)).append("</h1><p class=\"where\">").append(Html.escape(folder.path().toAbsolutePath().normalize().toString()))
        .append("</p></div></header>\n<nav class=\"wrap\">");
    for (String[] entry : contents) {
      page.append("<a href=\"#").append(Html.escape(entry[0])).append("\">").append(Html.escape(entry[1])).append("</a>");
    }
    page.append("</nav>\n<main class=\"wrap\">\n");
    if (!problems.isEmpty()) {
      page.append("<div class=\"problems\"><strong>Files that could not be read:</strong><ul>");
      problems.forEach(p -> page.append("<li>").append(Html.escape(p)).append("</li>"));
      page.append("</ul></div>\n");
    }
    page.append(html).append("</main>\n<footer class=\"wrap\">Written by <code>dmn report</code> from the files of this"
        + " run folder. Figures are embedded; the page needs no network.</footer>\n</body>\n</html>\n");
    return page.toString();
  }

  private void section(String id, String title) {
    contents.add(new String[] {id, title});
    html.section(id, title);
  }

  // --- sections ---------------------------------------------------------------------------------

  private void summary(JsonNode s) {
    if (s == null) {
      return;
    }
    section("summary", "Summary");
    html.raw("<div class=\"cards\">");
    card("held-out success", pct(s.path("successBefore")) + " → " + pct(s.path("successAfter")),
        s.path("heldOutStarts").asInt() + " fixed starts, before → after training");
    card("closest approach", mm(s.path("closestApproachBeforeMm")) + " → " + mm(s.path("closestApproachAfterMm")),
        "mean over held-out starts");
    card("mean speed after", num(s.path("meanSpeedAfterMmPerS").asDouble(), 1) + " mm/s", "held-out, after training");
    JsonNode kc = s.path("measuresAfter").path("active:KC");
    if (!kc.isMissingNode()) {
      card("KCs active", pct(kc), "after training");
    }
    card("episodes", s.path("episodes").asText(), num(s.path("secondsPerEpisode").asDouble(), 2) + " s per episode; best "
        + s.path("bestEpisode").asText());
    html.raw("</div>\n");
    List<List<String>> rows = new ArrayList<>();
    s.fields().forEachRemaining(e -> {
      if (!e.getValue().isContainerNode()) {
        rows.add(List.of(e.getKey(), e.getValue().asText()));
      }
    });
    html.raw("<details><summary>summary.json</summary>");
    html.table(List.of("field", "value"), rows, "compact");
    JsonNode calibration = s.path("rateCalibration");
    if (calibration.isObject() && calibration.size() > 0) {
      List<List<String>> cal = new ArrayList<>();
      calibration.fields().forEachRemaining(e -> cal.add(List.of(e.getKey(), num(e.getValue().asDouble(), 4))));
      html.element("p", null, "Initial rate calibration (what it set, and the rates reached):");
      html.table(List.of("setting", "value"), cal, "compact");
    }
    html.raw("</details>\n").endSection();
  }

  private void card(String title, String value, String note) {
    html.raw("<div class=\"card\"><div class=\"label\">").text(title).raw("</div><div class=\"value\">").text(value)
        .raw("</div><div class=\"note\">").text(note).raw("</div></div>");
  }

  private void behaviour() {
    JsonNode b = json(RunFolder.BEHAVIOUR);
    List<Path> plots = plots("behaviour");
    if (b == null && plots.isEmpty()) {
      return;
    }
    section("behaviour", "Behaviour against real flies");
    if (b != null && b.path("after").isArray()) {
      Map<String, JsonNode> before = new LinkedHashMap<>();
      b.path("before").forEach(m -> before.put(m.path("key").asText(), m));
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode m : b.path("after")) {
        JsonNode was = before.get(m.path("key").asText());
        JsonNode ref = m.path("reference");
        rows.add(List.of(m.path("name").asText(m.path("key").asText()),
            was == null ? "" : measured(was), measured(m), ref.path("text").asText(""), ref.path("source").asText(""),
            Html.badge(verdict(m.path("verdict").asText()))));
      }
      html.element("p", null, "The held-out flies' walking before and after training, beside published values for"
          + " walking flies (the verdict is of the trained flies).");
      html.table(List.of("measure", "before training", "after training", "published value / range", "citation", ""),
          rows, "data");
    } else if (b != null) {
      problems.add(RunFolder.BEHAVIOUR + ": no 'after' list of measures; shown as text below");
      html.raw("<pre>").text(b.toPrettyString()).raw("</pre>");
    }
    plots.forEach(p -> html.figure(p, p.getFileName().toString().replace(".png", "")));
    html.endSection();
  }

  /** A behaviour measure's value with its unit. */
  private static String measured(JsonNode m) {
    JsonNode v = m.path("value");
    String unit = m.path("unit").asText("");
    if (v.isNumber()) {
      return num(v.asDouble(), Math.abs(v.asDouble()) >= 100 ? 0 : 2) + (unit.isEmpty() ? "" : " " + unit);
    }
    return v.isMissingNode() || v.isNull() ? "–" : v.asText();
  }

  /** The engine's verdicts as pass / warn / none. */
  private static String verdict(String engine) {
    return switch (engine) {
      case "WITHIN", "AS_PUBLISHED", "PASS", "pass" -> "pass";
      case "OUTSIDE", "NOT_AS_PUBLISHED", "WARN", "warn" -> "warn";
      default -> "none";
    };
  }

  private void training() {
    Path csv = folder.file(RunFolder.HISTORY_CSV);
    Path loss = folder.file(RunFolder.LOSS_PLOT);
    if (!Files.isRegularFile(csv) && !Files.isRegularFile(loss)) {
      return;
    }
    section("training", "Training");
    if (Files.isRegularFile(loss)) {
      html.figure(loss, "Loss per episode: total and each weighted component");
    }
    if (Files.isRegularFile(csv)) {
      try {
        List<String> lines = Files.readAllLines(csv);
        if (lines.size() > 1) {
          String[] header = lines.get(0).split(",");
          String[] first = lines.get(1).split(",");
          String[] last = lines.get(lines.size() - 1).split(",");
          List<List<String>> rows = new ArrayList<>();
          for (int c = 0; c < header.length; c++) {
            if (!header[c].equals("episode")) {
              double lo = Double.POSITIVE_INFINITY;
              for (int l = 1; l < lines.size(); l++) {
                String[] f = lines.get(l).split(",");
                if (c < f.length && !f[c].isEmpty()) {
                  lo = Math.min(lo, Double.parseDouble(f[c]));
                }
              }
              rows.add(List.of(header[c], cell(first, c), cell(last, c), Double.isFinite(lo) ? num(lo, 4) : ""));
            }
          }
          html.element("p", null, (lines.size() - 1) + " episodes in history.csv: the loss components and measures at the"
              + " first and last episode, and their smallest value.");
          html.table(List.of("column", "first episode", "last episode", "minimum"), rows, "data compact");
        }
      } catch (IOException | RuntimeException e) {
        problems.add(csv.getFileName() + ": " + e.getMessage());
      }
    }
    html.endSection();
  }

  private void trajectories() {
    Path before = folder.file(RunFolder.TRAJECTORIES_BEFORE);
    Path after = folder.file(RunFolder.TRAJECTORIES_AFTER);
    if (!Files.isRegularFile(before) && !Files.isRegularFile(after)) {
      return;
    }
    section("trajectories", "Trajectories");
    html.raw("<div class=\"pair\">");
    if (Files.isRegularFile(before)) {
      html.figure(before, "Held-out starts before training");
    }
    if (Files.isRegularFile(after)) {
      html.figure(after, "Held-out starts after training");
    }
    html.raw("</div>").endSection();
  }

  private void model(CircuitSpec spec, JsonNode summary) {
    section("model", "Model");
    if (spec.task() instanceof NavigationTask t) {
      html.element("p", null, String.format(Locale.ROOT, "Task: navigation in a %s × %s arena to an odour source at"
          + " (%s, %s); %d steps of %s; starts within %s of (%s, %s); max speed %s.", t.arenaWidth(), t.arenaHeight(),
          t.source().x(), t.source().y(), t.steps(), t.dt(), t.startRadius(), t.startCentre().x(), t.startCentre().y(),
          t.maxSpeed()));
    }
    List<List<String>> pops = new ArrayList<>();
    for (Population p : spec.populations()) {
      pops.add(List.of(p.name(), p.cellType(), Integer.toString(p.count()), String.valueOf(p.neuron().tauMem()),
          p.neuron().graded() ? "graded" : "spiking", p.learned().toString().toLowerCase(Locale.ROOT)));
    }
    html.element("h3", null, "Populations");
    html.table(List.of("population", "cell type", "cells", "τ_mem", "output", "learns"), pops, "data");
    Map<String, Integer> edges = edgeCounts();
    List<List<String>> projs = new ArrayList<>();
    for (Projection p : spec.projections()) {
      projs.add(List.of(p.label(), rule(p.connectivity()), p.sign().name().toLowerCase(Locale.ROOT), weight(p.weight()),
          p.learnable() ? "learns" : "fixed", edges.containsKey(p.label()) ? String.format(Locale.ROOT, "%,d", edges.get(p.label())) : ""));
    }
    html.element("h3", null, "Projections");
    html.table(List.of("projection", "wiring", "sign", "initial weight", "training", "synapses (edges)"), projs, "data");
    JsonNode provenance = json(RunFolder.CONNECTOME);
    if (provenance != null && provenance.path("sources").size() > 0) {
      List<List<String>> src = new ArrayList<>();
      provenance.path("sources").forEach(s -> src.add(List.of(s.path("source").asText(), s.path("format").asText(),
          s.path("version").asText(""), s.path("sha256").asText("").isEmpty() ? "" : s.path("sha256").asText().substring(0, 16) + "…",
          s.path("query").asText())));
      html.element("h3", null, "Connectome data");
      html.table(List.of("source", "format", "version", "sha256", "selection"), src, "data compact");
      List<List<String>> cells = new ArrayList<>();
      provenance.path("populations").forEach(c -> cells.add(List.of(c.path("population").asText(), c.path("origin").asText(),
          Integer.toString(c.path("ids").size()), typeSummary(c.path("types")))));
      html.table(List.of("population", "cells from", "cells", "cell types (most common)"), cells, "data compact");
    }
    html.endSection();
  }

  private Map<String, Integer> edgeCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Path best = folder.file(RunFolder.CHECKPOINT);
    JsonNode cp = Files.isRegularFile(best) ? json(RunFolder.CHECKPOINT) : null;
    JsonNode params = cp == null ? null : cp.path("parameters");
    if (params != null) {
      params.fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("w:")) {
          counts.put(e.getKey().substring(2), e.getValue().size());
        }
      });
    }
    return counts;
  }

  private static String typeSummary(JsonNode types) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    types.forEach(t -> counts.merge(t.asText("?"), 1, Integer::sum));
    return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
        .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")
        + (counts.size() > 6 ? ", … (" + counts.size() + " types)" : "");
  }

  private static String rule(Connectivity c) {
    if (c instanceof Connectivity.FromConnectome f) {
      var q = f.query();
      List<String> parts = new ArrayList<>();
      if (q.roi() != null) {
        parts.add("roi " + q.roi());
      }
      if (q.preType() != null) {
        parts.add("pre " + q.preType());
      }
      if (q.postType() != null) {
        parts.add("post " + q.postType());
      }
      if (q.side() != null) {
        parts.add("side " + q.side());
      }
      parts.add("≥ " + Math.max(1, q.minSynapses()) + " synapses");
      return "from " + f.source() + ": " + String.join(", ", parts);
    }
    if (c instanceof Connectivity.Glomerular g) {
      return g.map() != null ? "glomerular by " + g.map() : g.glomeruli() == 0 ? "glomerular" : "glomerular, " + g.glomeruli() + " glomeruli";
    }
    if (c instanceof Connectivity.RandomFanIn f) {
      return "random fan-in " + f.fanIn() + (f.ipsilateral() ? ", ipsilateral" : "");
    }
    return c instanceof Connectivity.Dense ? "dense" : "one to one";
  }

  private static String weight(WeightInit w) {
    if (w instanceof WeightInit.SynapseScaled s) {
      return "synapses × " + s.scale();
    }
    if (w instanceof WeightInit.Constant c) {
      return "constant " + c.value();
    }
    if (w instanceof WeightInit.Uniform u) {
      return "uniform(" + u.low() + ", " + u.high() + ")";
    }
    if (w instanceof WeightInit.Normal n) {
      return "normal(" + n.mean() + ", " + n.std() + ")";
    }
    return w.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  private void rasters() {
    List<Path> rasters = plots("raster");
    if (rasters.isEmpty()) {
      return;
    }
    section("rasters", "Spike rasters");
    html.raw("<div class=\"grid\">");
    rasters.forEach(p -> html.figure(p, p.getFileName().toString().replace(".png", "")));
    html.raw("</div>").endSection();
  }

  private void weights() {
    JsonNode w = json(RunFolder.WEIGHTS_JSON);
    if (w == null) {
      return;
    }
    section("weights", "Learned weights against synapse counts");
    html.element("p", "method", w.path("method").asText() + " Parameters: " + w.path("parameters").asText() + ", "
        + w.path("shuffles").asText() + " shuffles.");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode r : w.path("projections")) {
      rows.add(statRow(r, true));
    }
    html.table(STAT_HEADER, rows, "data");
    if (w.path("skipped").size() > 0) {
      html.raw("<ul class=\"skipped\">");
      w.path("skipped").fields().forEachRemaining(e -> html.raw("<li>").text(e.getKey() + " " + e.getValue().asText()).raw("</li>"));
      html.raw("</ul>");
    }
    for (JsonNode r : w.path("projections")) {
      Path figure = folder.plot("weights", r.path("projection").asText());
      if (Files.isRegularFile(figure)) {
        html.figure(figure, r.path("projection").asText() + ": learned (blue) and untrained (grey) magnitudes against"
            + " synapse counts; Spearman ρ against degree-preserving shuffles");
      }
    }
    if (w.path("pairs").size() > 0) {
      List<List<String>> pairs = new ArrayList<>();
      for (JsonNode r : w.path("pairs")) {
        pairs.add(statRow(r, false));
      }
      html.raw("<details><summary>By cell-type pair (" + w.path("pairs").size() + " pairs with ≥ 20 edges)</summary>");
      List<String> header = new ArrayList<>(STAT_HEADER);
      header.set(0, "pair");
      html.table(header, pairs, "data compact");
      html.raw("</details>");
    }
    html.endSection();
  }

  private static final List<String> STAT_HEADER = List.of("projection", "edges", "Spearman ρ learned [95 % CI]",
      "shuffled ρ mean [2.5–97.5 %]", "p", "ρ untrained", "Pearson r learned", "shuffled r mean [2.5–97.5 %]", "p",
      "r untrained");

  private static List<String> statRow(JsonNode r, boolean projection) {
    JsonNode s = r.path("spearman");
    JsonNode p = r.path("pearson");
    String name = projection ? r.path("projection").asText()
        : r.path("projection").asText() + ": " + r.path("preType").asText() + " → " + r.path("postType").asText();
    return List.of(name, r.path("edges").asText(),
        num(s.path("learned").asDouble(Double.NaN), 3) + " [" + num(s.path("learnedLow").asDouble(Double.NaN), 3) + ", "
            + num(s.path("learnedHigh").asDouble(Double.NaN), 3) + "]",
        nullRange(s.path("learnedTest")), pValue(s.path("learnedTest").path("p")),
        num(s.path("untrained").asDouble(Double.NaN), 3),
        num(p.path("learned").asDouble(Double.NaN), 3), nullRange(p.path("learnedTest")), pValue(p.path("learnedTest").path("p")),
        num(p.path("untrained").asDouble(Double.NaN), 3));
  }

  private static String nullRange(JsonNode t) {
    return num(t.path("nullMean").asDouble(Double.NaN), 3) + " [" + num(t.path("nullLow").asDouble(Double.NaN), 3) + ", "
        + num(t.path("nullHigh").asDouble(Double.NaN), 3) + "]";
  }

  private static String pValue(JsonNode p) {
    double v = p.asDouble(Double.NaN);
    return !Double.isFinite(v) ? "" : v < 0.001 ? "< 0.001" : num(v, 3);
  }

  private void activity() {
    JsonNode a = json(RunFolder.ACTIVITY_JSON);
    if (a == null) {
      return;
    }
    section("activity", "Activity against the fly");
    html.element("p", "method", "Protocol: " + a.path("protocol").asText() + ". Parameters: " + a.path("parameters").asText() + ".");
    List<List<String>> rows = new ArrayList<>();
    int pass = 0;
    int warn = 0;
    for (JsonNode r : a.path("rows")) {
      String verdict = r.path("verdict").asText();
      pass += verdict.equals("pass") ? 1 : 0;
      warn += verdict.equals("warn") ? 1 : 0;
      String reference = r.path("low").isNumber()
          ? num(r.path("low").asDouble(), 3) + " – " + num(r.path("high").asDouble(), 3)
          : "";
      rows.add(List.of(r.path("cellType").asText(), r.path("measure").asText(),
          num(r.path("value").asDouble(Double.NaN), 3) + (r.path("unit").asText().isEmpty() ? "" : " " + r.path("unit").asText()),
          reference, r.path("source").asText(""), Html.badge(verdict)));
    }
    html.element("p", null, pass + " pass, " + warn + " warn, " + (rows.size() - pass - warn) + " without a reference.");
    html.table(List.of("cell type", "measure", "trained circuit", "reference", "source", ""), rows, "data");
    for (Path p : plots("activity")) {
      html.figure(p, p.getFileName().toString().replace(".png", ""));
    }
    html.endSection();
  }

  private void recordings() {
    List<Path> h5 = list().stream().filter(p -> p.getFileName().toString().endsWith(".h5")).toList();
    if (h5.isEmpty()) {
      return;
    }
    section("recordings", "Recordings (HDF5)");
    for (Path file : h5) {
      try (HdfFile hdf = new HdfFile(file)) {
        html.element("h3", null, file.getFileName().toString());
        Object source = hdf.getAttribute("source") == null ? null : hdf.getAttribute("source").getData();
        Object description = hdf.getAttribute("session_description") == null ? null
            : hdf.getAttribute("session_description").getData();
        if (description != null) {
          html.element("p", null, description + (source == null ? "" : " — " + source));
        }
        List<List<String>> rows = new ArrayList<>();
        collect(hdf, rows);
        html.raw("<details><summary>" + rows.size() + " datasets</summary>");
        html.table(List.of("dataset", "shape", "type", "unit"), rows, "data compact");
        html.raw("</details>");
      } catch (RuntimeException e) {
        problems.add(file.getFileName() + ": not a readable HDF5 file (" + e.getMessage() + ")");
      }
    }
    html.endSection();
  }

  private static void collect(Group group, List<List<String>> rows) {
    for (Node node : group.getChildren().values()) {
      if (node instanceof Group g) {
        collect(g, rows);
      } else if (node instanceof Dataset d) {
        var unit = d.getAttribute("unit");
        rows.add(List.of(d.getPath(), Arrays.toString(d.getDimensions()), d.getJavaType().getSimpleName(),
            unit == null ? "" : String.valueOf(unit.getData())));
      }
    }
  }

  private void files() {
    List<Path> all = list();
    if (all.isEmpty()) {
      return;
    }
    section("files", "Files of the run folder");
    List<List<String>> rows = new ArrayList<>();
    for (Path p : all) {
      try {
        rows.add(List.of(p.getFileName().toString(), String.format(Locale.ROOT, "%,d", Files.size(p))));
      } catch (IOException e) {
        rows.add(List.of(p.getFileName().toString(), "?"));
      }
    }
    html.table(List.of("file", "bytes"), rows, "compact");
    html.endSection();
  }

  // --- reading the folder ----------------------------------------------------------------------

  private CircuitSpec circuit() {
    try {
      return CircuitJson.read(Files.readString(folder.file(RunFolder.CIRCUIT)));
    } catch (IOException | RuntimeException e) {
      problems.add(RunFolder.CIRCUIT + ": " + e.getMessage());
      return null;
    }
  }

  private JsonNode json(String name) {
    Path file = folder.file(name);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      problems.add(name + ": " + e.getMessage());
      return null;
    }
  }

  /** PNGs named {@code <prefix>-*.png}, sorted. */
  private List<Path> plots(String prefix) {
    return list().stream().filter(p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix + "-") && n.endsWith(".png");
    }).toList();
  }

  private List<Path> list() {
    try (Stream<Path> files = Files.list(folder.path())) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  // --- formatting --------------------------------------------------------------------------------

  private static String cell(String[] row, int c) {
    return c < row.length ? row[c] : "";
  }




  private static String pct(JsonNode v) {
    return v.isNumber() ? num(100 * v.asDouble(), 1) + " %" : "–";
  }

  private static String mm(JsonNode v) {
    return v.isNumber() ? num(v.asDouble(), 1) + " mm" : "–";
  }

  static String num(double v, int digits) {
    if (!Double.isFinite(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }


  private static final String STYLE = """
      :root { --ink:#1d2430; --muted:#5d6878; --line:#e3e7ee; --accent:#1f6fb4; --bg:#f6f8fb; --pass:#1e7d32; --warn:#b36b00; }
      * { box-sizing: border-box; }
      body { margin:0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; color:var(--ink); background:var(--bg); }
      .wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
      header { background: linear-gradient(120deg, #12385f, #1f6fb4); color: #fff; padding: 28px 0 22px; }
      header h1 { margin: 4px 0 2px; font-size: 30px; letter-spacing: .2px; }
      header .kicker { margin: 0; opacity: .8; text-transform: uppercase; font-size: 12px; letter-spacing: 1.5px; }
      header .where { margin: 0; opacity: .75; font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 12px; word-break: break-all; }
      nav { display: flex; flex-wrap: wrap; gap: 6px; padding-top: 14px; padding-bottom: 4px; }
      nav a { color: var(--accent); text-decoration: none; background: #fff; border: 1px solid var(--line); border-radius: 999px; padding: 3px 12px; font-size: 13px; }
      section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 16px 0; }
      h2 { margin: 0 0 12px; font-size: 20px; }
      h3 { margin: 18px 0 8px; font-size: 16px; color: var(--muted); }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin-bottom: 12px; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fbfcfe; }
      .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .8px; }
      .card .value { font-size: 22px; font-weight: 600; margin: 2px 0; }
      .card .note { color: var(--muted); font-size: 12px; }
      table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13.5px; }
      th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
      th { background: #f1f4f8; font-weight: 600; position: sticky; top: 0; }
      table.compact td, table.compact th { padding: 3px 8px; font-size: 12.5px; }
      tbody tr:hover { background: #f8fafc; }
      .badge { display: inline-block; min-width: 40px; text-align: center; border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 600; color: #fff; background: #8a94a3; }
      .badge.pass { background: var(--pass); }
      .badge.warn { background: var(--warn); }
      figure { margin: 10px 0 16px; }
      figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
      figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
      .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 12px; }
      details { margin: 8px 0; }
      summary { cursor: pointer; color: var(--accent); }
      .method { color: var(--muted); font-size: 13.5px; }
      .problems { background: #fff4e5; border: 1px solid #f3c98b; border-radius: 8px; padding: 10px 14px; margin-top: 16px; }
      footer { color: var(--muted); font-size: 12px; padding: 8px 24px 32px; }
      code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; }
      """;
}
