package org.neuromechfly.dmn.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.model.Optimizer;

/**
 * Adam (β₁ 0.9, β₂ 0.999, ε 1e-8), plain SGD, or RMSProp (ρ 0.99, ε 1e-8) over the learnable
 * parameters, with its moment state exposed for checkpoints.
 */
public final class UpdateRule {
  private final Optimizer kind;
  private final Map<String, double[]> first = new LinkedHashMap<>();
  private final Map<String, double[]> second = new LinkedHashMap<>();
  private long step;

  public UpdateRule(Optimizer kind, List<Parameter> learnable) {
    this.kind = kind;
    for (Parameter p : learnable) {
      first.put(p.name(), new double[p.size()]);
      second.put(p.name(), new double[p.size()]);
    }
  }

  /** Applies one update with learning rate {@code lr} to every parameter from its gradient. */
  public void apply(List<Parameter> learnable, double lr) {
    step++;
    double c1 = 1 - Math.pow(0.9, step);
    double c2 = 1 - Math.pow(0.999, step);
    for (Parameter p : learnable) {
      double[] v = p.value();
      double[] g = p.gradient();
      double[] m = first.get(p.name());
      double[] s = second.get(p.name());
      for (int i = 0; i < v.length; i++) {
        switch (kind) {
          case SGD -> v[i] -= lr * g[i];
          case RMSPROP -> {
            s[i] = 0.99 * s[i] + 0.01 * g[i] * g[i];
            v[i] -= lr * g[i] / (Math.sqrt(s[i]) + 1e-8);
          }
          case ADAM -> {
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            s[i] = 0.999 * s[i] + 0.001 * g[i] * g[i];
            v[i] -= lr * (m[i] / c1) / (Math.sqrt(s[i] / c2) + 1e-8);
          }
        }
      }
    }
  }

  public long step() {
    return step;
  }

  /** Moment state for a checkpoint. */
  public Map<String, double[]> firstMoments() {
    return first;
  }

  public Map<String, double[]> secondMoments() {
    return second;
  }

  /** Restores state written by a checkpoint. */
  public void restore(long steps, Map<String, double[]> m, Map<String, double[]> s) {
    this.step = steps;
    m.forEach((k, v) -> System.arraycopy(v, 0, first.get(k), 0, v.length));
    s.forEach((k, v) -> System.arraycopy(v, 0, second.get(k), 0, v.length));
  }
}
