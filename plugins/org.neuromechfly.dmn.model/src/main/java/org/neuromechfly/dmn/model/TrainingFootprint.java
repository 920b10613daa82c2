package org.neuromechfly.dmn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory that training a circuit with the fused BPTT kernel needs, estimated from its sizes
 * before anything is allocated, so that a model too large to train is refused with figures instead
 * of failing with an {@code OutOfMemoryError} minutes later. One estimate for the validator (while
 * typing), the command line (before training) and the engine, which also takes from it how to keep
 * the episode's record ({@link #segmentSteps}).
 *
 * <p>What dominates is that record ({@link EpisodeHistorySize}): while the whole of it — membrane and
 * output (and synaptic current, with a {@code tau_syn}) for every step of every episode in the batch,
 * {@code steps × batch × cells × 4} bytes each in float, plus a clamp byte with a refractory period —
 * fits {@link #FULL_HISTORY_BUDGET}, the kernel keeps it; beyond, it keeps checkpoints every S ≈
 * √(2·steps) steps and recomputes each segment in the backward pass (memory ∝ √steps, about one more
 * forward pass of time, the same bits). On top: about 19 doubles per step and fly for the world, the
 * first fly's outputs of the last episode for the rasters ({@code steps × cells × 4} bytes), per-step
 * scratch of about {@code (14 + longest delay) × 8} bytes per cell and fly, and about 48 bytes per
 * synapse and thread (weights, gradients, optimiser moments, indices). Weights of connectome
 * projections are counted only by {@link #ofWired} (their size is known once the data is read; small
 * next to the record of a circuit, the largest part of a whole brain's), the sparsity loss's
 * per-window factors (a double per cell, fly and 100 ms) not at all. A
 * fixed {@value #BASE_BYTES} bytes cover the rest of the program.
 *
 * @param bytes estimated bytes
 * @param historyBytes of which the episode's record for the backward pass (whole, or checkpoints,
 *     one segment and the sensory drive)
 * @param segmentSteps steps per recomputed segment, or 0 when the whole record is kept
 * @param largestArray elements of the largest single array (Java arrays hold at most {@link #MAX_ARRAY})
 * @param largestArrayOwner what that array belongs to, for messages
 */
public record TrainingFootprint(
    long bytes, long historyBytes, int segmentSteps, long largestArray, String largestArrayOwner) {

  /** The most elements a Java array can hold. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** The rest of the program: language, connectome data, plots. */
  public static final long BASE_BYTES = 256L << 20;
  /**
   * The largest whole-episode record (all flies of a training step) the kernel keeps; a longer episode
   * is recomputed segment by segment. 512 MiB keeps the example's 1-second episodes (290 MB) whole, so
   * they pay no recomputation, and bounds 5-second ones (1.5 GB whole) to about 100 MB.
   */
  public static final long FULL_HISTORY_BUDGET = 512L << 20;
  /** {@code segmentSteps} argument of {@link #estimate}: keep the whole record if it fits the budget. */
  public static final int CHOOSE = -1;
  /** Bytes of a recorded value in training (float). */
  public static final int FLOAT_BYTES = 4;

  private static final int WORLD_DOUBLES_PER_STEP = 19;
  private static final int SCRATCH_DOUBLES_PER_CELL = 14;
  private static final int BYTES_PER_SYNAPSE = 48;

  /**
   * A population's size and what it records per step.
   *
   * @param sensory whether the world drives it (a recomputing kernel keeps its drive of every step)
   */
  public record PopulationSize(String name, int cells, boolean synapticCurrent, boolean refractory, boolean sensory) {

    /** A population the world does not drive. */
    public PopulationSize(String name, int cells, boolean synapticCurrent, boolean refractory) {
      this(name, cells, synapticCurrent, refractory, false);
    }
  }

  /** A projection's estimated synapse count ({@link #synapses}). */
  public record ProjectionSize(String label, long synapses) {}

  /**
   * Estimates from sizes for training in float, the record kept whole while it fits the budget.
   *
   * @param steps steps per episode
   * @param batch episodes per training step (all shards together)
   * @param longestDelaySteps longest projection delay, in steps (at least 1)
   * @param threads batch shards, each with its own copy of the weights
   */
  public static TrainingFootprint estimate(
      int steps, int batch, int longestDelaySteps, int threads, List<PopulationSize> populations,
      List<ProjectionSize> projections) {
    return estimate(steps, batch, longestDelaySteps, threads, populations, projections, FLOAT_BYTES, CHOOSE);
  }

  /**
   * Estimates from sizes.
   *
   * @param valueBytes bytes of a recorded value (4 in float, 8 in double)
   * @param segmentSteps steps per recomputed segment as asked for: {@link #CHOOSE}, 0 for the whole
   *     record, or a length (as long as the episode or longer: the whole record)
   */
  public static TrainingFootprint estimate(
      int steps, int batch, int longestDelaySteps, int threads, List<PopulationSize> populations,
      List<ProjectionSize> projections, int valueBytes, int segmentSteps) {
    double t = Math.max(steps, 1);
    double b = Math.max(batch, 1);
    EpisodeHistorySize history = EpisodeHistorySize.of(populations, longestDelaySteps, valueBytes);
    int segment = history.choose((int) t, (int) b, segmentSteps, FULL_HISTORY_BUDGET);
    double recorded = segment == 0 ? history.full(t, b) : history.segmented(t, b, segment);
    double rows = segment == 0 ? t : segment + history.leadIn();
    double total = BASE_BYTES + WORLD_DOUBLES_PER_STEP * 8.0 * b * t + recorded;
    double largest = t;
    String owner = "the world's per-step record";
    for (PopulationSize p : populations) {
      double n = Math.max(p.cells(), 0);
      total += t * n * valueBytes; // the first fly's outputs, for the rasters
      total += b * n * 8.0 * (SCRATCH_DOUBLES_PER_CELL + Math.max(longestDelaySteps, 1) + 1);
      double record = rows * b * n;
      if (record > largest) {
        largest = record;
        owner = "the record of " + p.name() + (segment == 0 ? " (steps × batch × cells)"
            : " (" + segment + "-step segments: (segment + delay) × batch × cells)");
      }
      if (t * n > largest) {
        largest = t * n;
        owner = "the first fly's record of " + p.name() + " (steps × cells)";
      }
    }
    for (ProjectionSize p : projections) {
      total += (double) p.synapses() * BYTES_PER_SYNAPSE * (Math.max(threads, 1) + 1);
      if (p.synapses() > largest) {
        largest = p.synapses();
        owner = "the weights of " + p.label();
      }
    }
    return new TrainingFootprint(clamp(total), clamp(recorded), segment, clamp(largest), owner);
  }

  /** The estimate for a compiled circuit trained on its task with {@code threads} shards, in float. */
  public static TrainingFootprint of(CircuitSpec spec, int threads) {
    return of(spec, threads, FLOAT_BYTES, CHOOSE);
  }

  /**
   * The estimate for a compiled circuit trained on its task with {@code threads} shards.
   *
   * @param valueBytes bytes of a recorded value (4 in float, 8 in double)
   * @param segmentSteps as for {@link #estimate(int, int, int, int, List, List, int, int)}
   */
  public static TrainingFootprint of(CircuitSpec spec, int threads, int valueBytes, int segmentSteps) {
    return of(spec, threads, valueBytes, segmentSteps, Map.of());
  }

  /**
   * The estimate once the circuit is wired, in float: every projection with the synapses it was given
   * ({@code wired}, by {@link Projection#label()}) instead of its rule's count — connectome projections,
   * which count 0 before the data is read, included. At whole-brain scale they are what dominates (the
   * FlyWire brain's 15 M connections: about 1.4 GB of weights, gradients, moments and indices with one shard).
   */
  public static TrainingFootprint ofWired(CircuitSpec spec, int threads, Map<String, Long> wired) {
    return of(spec, threads, FLOAT_BYTES, CHOOSE, wired);
  }

  private static TrainingFootprint of(CircuitSpec spec, int threads, int valueBytes, int segmentSteps,
      Map<String, Long> wired) {
    int steps = 1;
    double dt = 1e-3;
    List<String> sensed = List.of();
    if (spec.task() instanceof NavigationTask task) {
      steps = task.steps();
      dt = task.dt().si();
      sensed = sensed(spec, task);
    }
    List<PopulationSize> populations = new ArrayList<>();
    for (Population p : spec.populations()) {
      boolean synaptic = p.neuron().tauSyn() != null && p.neuron().tauSyn().si() > 0;
      populations.add(new PopulationSize(p.name(), p.count(), synaptic, p.neuron().refractory().si() > 0,
          sensed.contains(p.name())));
    }
    int longest = 1;
    List<ProjectionSize> projections = new ArrayList<>();
    for (Projection pr : spec.projections()) {
      int sources = spec.population(pr.source()).map(Population::count).orElse(0);
      int targets = spec.population(pr.target()).map(Population::count).orElse(0);
      Long known = wired.get(pr.label());
      projections.add(new ProjectionSize(pr.label(), known != null ? known : synapses(pr.connectivity(), sources,
          targets)));
      if (pr.delay() != null) {
        longest = Math.max(longest, delaySteps(pr.delay().si(), dt));
      }
    }
    return estimate(steps, spec.training().batch(), longest, threads, populations, projections, valueBytes,
        segmentSteps);
  }

  /**
   * The populations the world drives: the odour sensors the task names (else those of cell type ORN,
   * as the odour world chooses them) and its wind sensors when there is a wind.
   */
  private static List<String> sensed(CircuitSpec spec, NavigationTask task) {
    List<String> out = new ArrayList<>();
    if (task.odourSensors() != null) {
      out.add(task.odourSensors());
    } else {
      spec.populations().stream().filter(p -> p.cellType().equalsIgnoreCase("ORN")).findFirst()
          .ifPresent(p -> out.add(p.name()));
    }
    if (task.windSensors() != null && task.wind() != null) {
      out.add(task.windSensors());
    }
    return out;
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
