package org.neuromechfly.dmn.model;

import java.util.Set;

/**
 * The keywords of the {@code .circuit} language, for code that writes {@code .circuit} text without the
 * grammar at hand (the NIR importer): a name spelled like a keyword must be escaped as {@code ^name},
 * as Xtext reads it. {@code circuit.tests} checks this list against the grammar.
 */
public final class CircuitKeywords {
  /** Every identifier-like keyword of the grammar. */
  public static final Set<String> WORDS = Set.of("activity", "log", "sweep", "vary", "cell_class", "cell_type", "duration", "experiment", "neurons", "poisson",
      "refractory_mode", "silence", "stimulate", "super_class", "arena", "at", "band", "batch", "bias", "blank", "bptt",
      "by", "checkpoint", "circuit", "clip", "connectome", "constant", "count", "delay", "dense", "dt", "energy",
      "engine", "episodes", "every", "export", "fan_in", "fixed", "floor", "forward", "from", "gamma", "glomerular",
      "glomeruli", "goal", "graded", "gradient", "initial", "ipsilateral", "kaiming", "learn", "loihi", "loss", "lr",
      "max", "meander", "min_synapses", "motor", "navigation", "nir", "normal", "odour", "of", "on", "one_to_one",
      "optimizer", "plume", "population", "post", "pre", "projection", "radius", "random", "rate", "reference",
      "refractory", "reset", "roi", "schedule", "seed", "sensed", "sha256", "shared", "side", "sigma", "sign", "slope",
      "source", "sparsity", "speed", "spread", "start", "steps", "subtract", "success", "surrogate", "synapses",
      "target", "task", "tau_mem", "tau_syn", "threshold", "to", "training", "transmitter", "trials", "turn", "uniform",
      "version", "warmup", "weight", "where", "wind", "window", "within", "x", "xavier");

  private CircuitKeywords() {}

  /** An identifier as {@code .circuit} text: {@code ^name} when it is spelled like a keyword. */
  public static String escape(String identifier) {
    return WORDS.contains(identifier) ? "^" + identifier : identifier;
  }
}
