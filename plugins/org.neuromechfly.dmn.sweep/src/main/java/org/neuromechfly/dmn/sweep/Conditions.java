package org.neuromechfly.dmn.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a sweep grouped by condition: every swept setting except the seed. Each condition's
 * figures are mean ± s.d. over its seeds (completed runs only).
 */
final class Conditions {
  private Conditions() {}

  /** The axes that make a condition (all but {@value SweepPlan#SEED}). */
  static List<SweepPlan.Axis> axes(SweepPlan plan) {
    return plan.axes().stream().filter(a -> !a.setting().equals(SweepPlan.SEED)).toList();
  }

  /** Condition label → its runs' rows, in sweep order; completed runs only. */
  static LinkedHashMap<String, List<RunRow>> of(SweepPlan plan, List<RunRow> rows) {
    LinkedHashMap<String, List<RunRow>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String label = label(plan.runs().get(i).settings());
      groups.computeIfAbsent(label, k -> new ArrayList<>());
      if (rows.get(i).completed()) {
        groups.get(label).add(rows.get(i));
      }
    }
    return groups;
  }

  /** "loss.energy = 0.1" (the seed left out); "all runs" for a pure ensemble. */
  static String label(Map<String, String> settings) {
    StringBuilder b = new StringBuilder();
    settings.forEach((k, v) -> {
      if (!k.equals(SweepPlan.SEED)) {
        b.append(b.length() == 0 ? "" : ", ").append(k).append(" = ").append(v);
      }
    });
    return b.length() == 0 ? "all runs" : b.toString();
  }

  /** Mean and sample standard deviation of the finite values (NaN s.d. for fewer than two). */
  static double[] meanSd(List<RunRow> rows, String column) {
    double[] v = rows.stream().mapToDouble(r -> r.number(column)).filter(Double::isFinite).toArray();
    if (v.length == 0) {
      return new double[] {Double.NaN, Double.NaN, 0};
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN, v.length};
  }
}
