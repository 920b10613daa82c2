package org.neuromechfly.dmn.engine.parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every parameter of a network in a stable order (the order of creation), so that checkpoints, the
 * optimiser state and gradient sums are laid out identically on every run.
 */
public final class ParameterSet {
  private final Map<String, Parameter> byName = new LinkedHashMap<>();

  /** Adds a parameter, or returns the existing one of that name (shared parameters). */
  public Parameter getOrCreate(String name, double[] initial, boolean learnable) {
    Parameter existing = byName.get(name);
    if (existing != null) {
      if (existing.size() != initial.length) {
        throw new IllegalArgumentException(
            "shared parameter " + name + " has size " + existing.size() + ", not " + initial.length);
      }
      return existing;
    }
    Parameter p = new Parameter(name, initial, learnable);
    byName.put(name, p);
    return p;
  }

  public Optional<Parameter> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<Parameter> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  public List<Parameter> learnable() {
    return byName.values().stream().filter(Parameter::learnable).toList();
  }

  public void zeroGradients() {
    byName.values().forEach(Parameter::zeroGradient);
  }

  /** Euclidean norm of all learnable gradients. */
  public double gradientNorm() {
    double sum = 0;
    for (Parameter p : learnable()) {
      for (double g : p.gradient()) {
        sum += g * g;
      }
    }
    return Math.sqrt(sum);
  }

  /** Number of learnable scalars. */
  public long learnableCount() {
    return learnable().stream().mapToLong(Parameter::size).sum();
  }

  /** Copies every value into a flat map (for checkpoints and comparisons). */
  public Map<String, double[]> snapshot() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    byName.forEach((k, v) -> copy.put(k, v.value().clone()));
    return copy;
  }

  /** Restores values written by {@link #snapshot()}; every name must match. */
  public void restore(Map<String, double[]> values) {
    for (Parameter p : byName.values()) {
      double[] v = values.get(p.name());
      if (v == null || v.length != p.size()) {
        throw new IllegalArgumentException("checkpoint lacks parameter " + p.name() + " or its size differs");
      }
      System.arraycopy(v, 0, p.value(), 0, v.length);
    }
  }
}
