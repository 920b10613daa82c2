package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Issue;
import org.neuromechfly.dmn.circuit.circuit.SweepAxis;
import org.neuromechfly.dmn.circuit.circuit.SweepBlock;
import org.neuromechfly.dmn.circuit.sweep.SweepPoints;
import org.neuromechfly.dmn.circuit.validation.SweepChecks;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.SweepSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;
import org.neuromechfly.dmn.sweep.PlannedRun;
import org.neuromechfly.dmn.sweep.SweepPlan;

/**
 * Plans a sweep from a model and the command line: the model's sweep block, with axes added or
 * replaced by {@code --set SETTING=VALUES} and {@code --seeds RANGE}, validated by the language as a
 * sweep block; then every run's model, validated and compiled like any model, before anything trains.
 */
final class SweepPlanner {
  private final ModelWorkspace workspace;
  private final PrintWriter err;

  SweepPlanner(ModelWorkspace workspace, PrintWriter err) {
    this.workspace = workspace;
    this.err = err;
  }

  /** An axis line of the effective sweep block and where it came from ({@code FILE:LINE} or the option). */
  private record AxisLine(String setting, String text, String origin) {}

  /**
   * @return the plan, or {@code null} after printing why there is none (errors in the model, the sweep or a run)
   */
  SweepPlan plan(Path file, List<String> sets, String seeds, Integer episodes, boolean yes) {
    ModelWorkspace.LoadedModel model = workspace.load(file);
    if (model.hasErrors()) {
      Diagnostics.print(model, err);
      err.println(file + ": no sweep, fix the errors above first");
      return null;
    }
    String text = NodeModelUtils.getNode(model.circuit()).getRootNode().getText();
    LinkedHashMap<String, AxisLine> axes = new LinkedHashMap<>();
    SweepBlock block = model.circuit().getElements().stream().filter(SweepBlock.class::isInstance)
        .map(SweepBlock.class::cast).findFirst().orElse(null);
    if (block != null) {
      for (SweepAxis axis : block.getAxes()) {
        INode node = NodeModelUtils.getNode(axis);
        axes.put(axis.getSetting(), new AxisLine(axis.getSetting(), node.getText().trim(), file + ":" + node.getStartLine()));
      }
    }
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0 || eq == set.length() - 1) {
        throw new UserError("--set " + set + ": expected SETTING=VALUES, e.g. --set loss.energy=0.01,0.1,1 or --set"
            + " training.lr=0.001..0.1log3");
      }
      String setting = set.substring(0, eq).trim();
      axes.put(setting, new AxisLine(setting, "vary " + setting + " " + values(set.substring(eq + 1)), "--set " + set));
    }
    if (seeds != null) {
      axes.put(SweepPlan.SEED, new AxisLine(SweepPlan.SEED, "vary " + SweepPlan.SEED + " " + values(seeds), "--seeds " + seeds));
    }
    if (axes.isEmpty()) {
      throw new UserError(file + ": nothing to sweep: the model has no 'sweep { vary … }' block and no --set or --seeds"
          + " was given (e.g. --set loss.energy=0.01,0.1,1 --seeds 1..4)");
    }
    // the effective model: the written sweep block blanked out (offsets and lines kept), the effective one appended
    String effectiveText = text;
    if (block != null) {
      INode node = NodeModelUtils.getNode(block);
      effectiveText = text.substring(0, node.getOffset()) + node.getText().replaceAll("[^\n]", " ")
          + text.substring(node.getOffset() + node.getLength());
    }
    int firstLine = (int) effectiveText.chars().filter(c -> c == '\n').count() + (effectiveText.endsWith("\n") ? 1 : 2);
    StringBuilder sweepText = new StringBuilder(effectiveText.endsWith("\n") ? "" : "\n").append("sweep {\n");
    List<AxisLine> lines = new ArrayList<>(axes.values());
    lines.forEach(a -> sweepText.append("  ").append(a.text()).append('\n'));
    sweepText.append("}\n");
    ModelWorkspace.LoadedModel effective = workspace.loadText(file, effectiveText + sweepText);
    boolean bad = false;
    for (Issue issue : effective.issues()) {
      if (issue.getSeverity() != Severity.ERROR && issue.getSeverity() != Severity.WARNING) {
        continue;
      }
      int line = issue.getLineNumber() == null ? 0 : issue.getLineNumber();
      int index = line - firstLine - 1; // the line after 'sweep {'
      boolean inSweep = line >= firstLine;
      if (!inSweep) {
        continue; // the model's own diagnostics were shown by validation of the file itself
      }
      String where = index >= 0 && index < lines.size() ? lines.get(index).origin() : file + " (sweep)";
      if (org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes.LARGE_SWEEP.equals(issue.getCode())) {
        continue; // the run count is checked below, with --yes
      }
      err.println(where + ": " + issue.getSeverity().name().toLowerCase(Locale.ROOT) + ": " + issue.getMessage() + " ["
          + Diagnostics.code(issue.getCode()) + "]");
      bad |= issue.getSeverity() == Severity.ERROR;
    }
    if (bad) {
      err.println(file + ": no sweep, fix the sweep above first");
      return null;
    }
    CircuitSpec compiled = workspace.compile(effective);
    SweepSpec sweep = compiled.sweep();
    long runs = sweep.runCount();
    if (runs == 0) {
      throw new UserError(file + ": the sweep has no runs (an axis without values)");
    }
    if (runs > SweepChecks.LARGE && !yes) {
      throw new UserError(String.format(Locale.ROOT, "%s: this sweep trains %,d runs (more than %d); check the axes and"
          + " add --yes to start it", file, runs, SweepChecks.LARGE));
    }
    if (runs > Integer.MAX_VALUE / 2) {
      throw new UserError(file + ": " + runs + " runs cannot be planned");
    }
    List<SweepPlan.Axis> planAxes = sweep.axes().stream().map(a -> new SweepPlan.Axis(a.setting(),
        a.values().stream().map(org.neuromechfly.dmn.circuit.sweep.SweepValues::text).toList())).toList();
    Map<String, List<SweepSpec.Value>> byText = new LinkedHashMap<>();
    sweep.axes().forEach(a -> byText.put(a.setting(), a.values()));
    SweepPoints points = workspace.get(SweepPoints.class);
    List<PlannedRun> planned = new ArrayList<>();
    int width = Math.max(3, Integer.toString((int) runs).length());
    int index = 0;
    int invalid = 0;
    for (LinkedHashMap<String, String> combination : SweepPlan.combinations(planAxes)) {
      Map<String, SweepSpec.Value> values = new LinkedHashMap<>();
      combination.forEach((setting, v) -> {
        List<String> texts = planAxes.stream().filter(a -> a.setting().equals(setting)).findFirst().orElseThrow().values();
        values.put(setting, byText.get(setting).get(texts.indexOf(v)));
      });
      String id = String.format(Locale.ROOT, "run-%0" + width + "d", index);
      String runText;
      try {
        runText = points.text(effective.circuit(), values);
      } catch (IllegalArgumentException e) {
        throw new UserError(file + ": " + e.getMessage());
      }
      ModelWorkspace.LoadedModel run = workspace.loadText(file, runText);
      if (run.hasErrors()) {
        String describe = String.join(", ", combination.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
        for (Issue issue : run.issues()) {
          if (issue.getSeverity() == Severity.ERROR && invalid < 20) {
            err.println(id + " (" + describe + "): line " + issue.getLineNumber() + ": " + issue.getMessage() + " ["
                + Diagnostics.code(issue.getCode()) + "]");
          }
        }
        invalid++;
        index++;
        continue;
      }
      CircuitSpec spec = workspace.compile(run);
      String json = CircuitJson.write(spec);
      planned.add(new PlannedRun(index, id, combination, spec.training().seed(), json, runText,
          SweepPlan.runHash(json, episodes)));
      index++;
    }
    if (invalid > 0) {
      err.println(file + ": no sweep: " + invalid + " of " + runs + " runs would train an invalid model (above); change"
          + " the values that make them so");
      return null;
    }
    return new SweepPlan(compiled.name(), file.toString(), planAxes, episodes, planned);
  }

  /** {@code 0.01,0.1,1} → {@code 0.01, 0.1, 1}; {@code 1..8} and {@code 0.001..0.1log3} as the language writes them. */
  static String values(String option) {
    return option.replace(",", ", ").replace("..", " .. ").replaceAll("(?<=\\d)(log|every)", " $1 ")
        .replaceAll("\\s+", " ").trim();
  }
}
