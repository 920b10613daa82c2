package org.neuromechfly.dmn.engine.samediff;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;

/**
 * Parameter-by-parameter comparison of two gradients of the same model (matched by parameter name):
 * the relative error ‖a − b‖ / ‖a‖ of each parameter whose gradient is not negligible.
 */
record GradientAgreement(Map<String, Double> relative, Map<String, Double> norm) {

  static GradientAgreement of(ParameterSet reference, ParameterSet other) {
    Map<String, Double> rel = new LinkedHashMap<>();
    Map<String, Double> norms = new LinkedHashMap<>();
    double largest = 0;
    for (Parameter p : reference.all()) {
      largest = Math.max(largest, norm(p.gradient()));
    }
    for (Parameter p : reference.all()) {
      double[] a = p.gradient();
      double[] b = other.get(p.name()).orElseThrow(() -> new AssertionError("no parameter " + p.name())).gradient();
      double diff = 0;
      for (int i = 0; i < a.length; i++) {
        diff += (a[i] - b[i]) * (a[i] - b[i]);
      }
      double n = norm(a);
      norms.put(p.name(), n);
      // gradients below 1e-12 of the largest are rounding noise of exact zeros
      if (n > 1e-12 * largest) {
        rel.put(p.name(), Math.sqrt(diff) / n);
      }
    }
    return new GradientAgreement(rel, norms);
  }

  double worst() {
    return relative.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  long nonzero() {
    return relative.size();
  }

  String report() {
    StringBuilder s = new StringBuilder();
    norm.forEach((k, v) -> s.append(String.format("%-24s |g| %.3e rel %s%n", k, v,
        relative.containsKey(k) ? String.format("%.2e", relative.get(k)) : "-")));
    return s.toString();
  }

  private static double norm(double[] g) {
    return Math.sqrt(Arrays.stream(g).map(x -> x * x).sum());
  }
}
