package org.neuromechfly.dmn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory that training a circuit with the fused BPTT kernel needs, estimated from its sizes
 * before anything is allocated, so that a model too large to train is refused with figures instead
 * of failing with an {@code OutOfMemoryError} minutes later. One estimate for the validator (while
 * typing), the command line (before training) and the engine.
 *
 * <p>What dominates: every population keeps its membrane and output (and synaptic current, with a
 * {@code tau_syn}) for every step of every episode in the batch, in float, for the backward pass —
 * {@code steps × batch × cells × 4} bytes each — plus about 19 doubles per step and fly for the
 * world, per-step scratch of about {@code (14 + longest delay) × 8} bytes per cell and fly, and
 * about 48 bytes per synapse and thread (weights, gradients, optimiser moments, indices). Weights of
 * connectome projections are not counted (their size is known only once the data is read; they are
 * small next to the traces). A fixed {@value #BASE_BYTES} bytes cover the rest of the program.
 *
 * @param bytes estimated bytes
 * @param largestArray elements of the largest single array (Java arrays hold at most {@link #MAX_ARRAY})
 * @param largestArrayOwner what that array belongs to, for messages
 */
public record TrainingFootprint(long bytes, long largestArray, String largestArrayOwner) {

  /** The most elements a Java array can hold. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** The rest of the program: language, connectome data, plots. */
  public static final long BASE_BYTES = 256L << 20;

  private static final int WORLD_DOUBLES_PER_STEP = 19;
  private static final int SCRATCH_DOUBLES_PER_CELL = 14;
  private static final int BYTES_PER_SYNAPSE = 48;

  /** A population's size and what it records per step. */
  public record PopulationSize(String name, int cells, boolean synapticCurrent, boolean refractory) {}

  /** A projection's estimated synapse count ({@link #synapses}). */
  public record ProjectionSize(String label, long synapses) {}

  /**
   * Estimates from sizes.
   *
   * @param steps steps per episode
   * @param batch episodes per training step (all shards together)
   * @param longestDelaySteps longest projection delay, in steps (at least 1)
   * @param threads batch shards, each with its own copy of the weights
   */
  public static TrainingFootprint estimate(
      int steps, int batch, int longestDelaySteps, int threads, List<PopulationSize> populations,
      List<ProjectionSize> projections) {
    double t = Math.max(steps, 1);
    double b = Math.max(batch, 1);
    double total = BASE_BYTES + WORLD_DOUBLES_PER_STEP * 8.0 * b * t;
    double largest = b * t;
    String owner = "the world's per-step record";
    for (PopulationSize p : populations) {
      double n = Math.max(p.cells(), 0);
      double perStep = t * b * n;
      int traces = 2 + (p.synapticCurrent() ? 1 : 0);
      total += perStep * (4.0 * traces + (p.refractory() ? 1 : 0));
      total += b * n * 8.0 * (SCRATCH_DOUBLES_PER_CELL + Math.max(longestDelaySteps, 1) + 1);
      if (perStep > largest) {
        largest = perStep;
        owner = "the record of " + p.name() + " (steps × batch × cells)";
      }
    }
    for (ProjectionSize p : projections) {
      total += (double) p.synapses() * BYTES_PER_SYNAPSE * (Math.max(threads, 1) + 1);
      if (p.synapses() > largest) {
        largest = p.synapses();
        owner = "the weights of " + p.label();
      }
    }
    return new TrainingFootprint(clamp(total), clamp(largest), owner);
  }

  /** The estimate for a compiled circuit trained on its task with {@code threads} shards. */
  public static TrainingFootprint of(CircuitSpec spec, int threads) {
    int steps = 1;
    double dt = 1e-3;
    if (spec.task() instanceof NavigationTask task) {
      steps = task.steps();
      dt = task.dt().si();
    }
    List<PopulationSize> populations = new ArrayList<>();
    for (Population p : spec.populations()) {
      populations.add(new PopulationSize(p.name(), p.count(), p.neuron().tauSyn() != null, p.neuron().refractory().si() > 0));
    }
    int longest = 1;
    List<ProjectionSize> projections = new ArrayList<>();
    for (Projection pr : spec.projections()) {
      int sources = spec.population(pr.source()).map(Population::count).orElse(0);
      int targets = spec.population(pr.target()).map(Population::count).orElse(0);
      projections.add(new ProjectionSize(pr.label(), synapses(pr.connectivity(), sources, targets)));
      if (pr.delay() != null) {
        longest = Math.max(longest, delaySteps(pr.delay().si(), dt));
      }
    }
    return estimate(steps, spec.training().batch(), longest, threads, populations, projections);
  }

  /**
   * Synapses a rule makes between populations of these sizes (0 for connectome rules, whose count
   * the data decides).
   */
  public static long synapses(Connectivity rule, int sources, int targets) {
    long s = Math.max(sources, 0);
    long t = Math.max(targets, 0);
    if (rule instanceof Connectivity.OneToOne) {
      return Math.min(s, t);
    }
    if (rule instanceof Connectivity.Glomerular g) {
      return g.glomeruli() > 0 ? s * t / g.glomeruli() : s * t;
    }
    if (rule instanceof Connectivity.RandomFanIn f) {
      return t * Math.max(f.fanIn(), 0);
    }
    if (rule instanceof Connectivity.Dense) {
      return s * t;
    }
    return 0;
  }

  /** A delay in whole steps as the engine rounds it, at least 1, saturating instead of overflowing. */
  public static int delaySteps(double seconds, double dt) {
    double steps = Math.rint(seconds / dt);
    if (!(steps >= 1)) {
      return 1;
    }
    return steps >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) steps;
  }

  /** Whether every array fits the Java limit; if not, no machine can train the model as it is. */
  public boolean arraysFit() {
    return largestArray <= MAX_ARRAY;
  }

  /** Whether the estimate fits in {@code availableBytes}. */
  public boolean fitsIn(long availableBytes) {
    return bytes <= availableBytes;
  }

  /** The heap this Java VM may use. */
  public static long availableHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  /** A byte count for people: {@code 1.5 GiB}, {@code 300 MiB}. */
  public static String size(long bytes) {
    if (bytes >= Long.MAX_VALUE / 2) {
      return "more than 4 EiB";
    }
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  private static long clamp(double v) {
    return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) v;
  }
}
