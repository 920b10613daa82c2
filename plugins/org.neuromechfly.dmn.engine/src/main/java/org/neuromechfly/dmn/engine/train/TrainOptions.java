package org.neuromechfly.dmn.engine.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;

/**
 * How a circuit trains, on top of its own training block: the run's choices that the model does not
 * make (or that the command line overrides). Built with {@link #builder()}; the defaults are the
 * model's episodes and engine, one thread, 64 held-out starts and the standard rate calibration.
 *
 * @param episodes episode count overriding the circuit's, or {@code null}
 * @param engine execution path overriding the circuit's, or {@code null}
 * @param resumeFrom a run folder whose checkpoint to continue from, or {@code null}
 * @param threads worker threads over the batch's {@link #SHARDS} shards (results do not depend on it)
 * @param heldOut number of fixed held-out starts evaluated before and after training
 * @param world odour-world settings
 * @param network engine numerics (precision, layout, …), or {@code null} for the training defaults
 *     with the circuit's surrogate
 * @param curriculumEpisodes episodes of start-distance curriculum (0 = none)
 * @param rateTargets target mean rates (Hz) per population for the initial rate calibration
 *     ({@link RateCalibration}) overriding the model's {@code initial rate} settings; {@code null} for
 *     the model's, empty for none
 */
public record TrainOptions(
    Integer episodes,
    ExecutionEngine engine,
    Path resumeFrom,
    int threads,
    int heldOut,
    WorldSettings world,
    NetworkOptions network,
    int curriculumEpisodes,
    Map<String, Double> rateTargets) {

  /**
   * Shards a batch is split into (at most; each gets at least two flies), each with its own copy of the
   * network; their gradients are summed in shard order. Fixed, so that a run gives the same bits on one
   * core or many.
   */
  public static final int SHARDS = 4;

  /** The shards a batch of {@code batch} flies is split into: up to {@link #SHARDS}, at least two flies each. */
  public static int shardsFor(int batch) {
    return Math.max(1, Math.min(SHARDS, Math.max(1, batch) / 2));
  }

  /** The flies of shard {@code shard} of {@code count}: the batch split as evenly as it goes, first shards first. */
  public static int shardSize(int batch, int count, int shard) {
    return batch / count + (shard < batch % count ? 1 : 0);
  }

  /** The world's noise seed of the shard whose first fly is {@code firstFly}, in an episode seeded {@code seed}. */
  public static long shardNoiseSeed(long seed, int firstFly) {
    return seed + 7919L * firstFly;
  }

  public TrainOptions {
    rateTargets = rateTargets == null ? null : Map.copyOf(rateTargets);
    Objects.requireNonNull(world, "world");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, not " + threads);
    }
    if (episodes != null && episodes < 0) {
      throw new IllegalArgumentException("episodes must be >= 0, not " + episodes);
    }
    if (heldOut < 0 || curriculumEpisodes < 0) {
      throw new IllegalArgumentException("held-out starts and curriculum episodes must be >= 0");
    }
  }

  /** The defaults: the circuit's episodes and engine, every core, 64 held-out starts, its initial rates. */
  public static TrainOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .episodes(episodes)
        .engine(engine)
        .resumeFrom(resumeFrom)
        .threads(threads)
        .heldOut(heldOut)
        .world(world)
        .network(network)
        .curriculumEpisodes(curriculumEpisodes)
        .rateTargets(rateTargets);
  }

  /** The episodes to train in total: the override, else the circuit's. */
  public int episodesFor(CircuitSpec spec) {
    return episodes != null ? episodes : spec.training().episodes();
  }

  /** Target rates (Hz) of the initial calibration: the override, else the populations' {@code initial rate}. */
  public Map<String, Double> rateTargetsFor(CircuitSpec spec) {
    if (rateTargets != null) {
      return rateTargets;
    }
    Map<String, Double> declared = new java.util.LinkedHashMap<>();
    spec.populations().forEach(p -> {
      if (p.initialRate() != null) {
        declared.put(p.name(), p.initialRate().si());
      }
    });
    return declared;
  }

  /** The execution path: the override, else the circuit's. */
  public ExecutionEngine engineFor(CircuitSpec spec) {
    return engine != null ? engine : spec.training().engine();
  }

  /** Builds {@link TrainOptions}. */
  public static final class Builder {
    private Integer episodes;
    private ExecutionEngine engine;
    private Path resumeFrom;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int heldOut = 64;
    private WorldSettings world = WorldSettings.defaults();
    private NetworkOptions network;
    private int curriculumEpisodes;
    private Map<String, Double> rateTargets;

    private Builder() {}

    public Builder episodes(Integer value) {
      episodes = value;
      return this;
    }

    public Builder engine(ExecutionEngine value) {
      engine = value;
      return this;
    }

    public Builder resumeFrom(Path runFolder) {
      resumeFrom = runFolder;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder heldOut(int value) {
      heldOut = value;
      return this;
    }

    public Builder world(WorldSettings value) {
      world = value;
      return this;
    }

    public Builder network(NetworkOptions value) {
      network = value;
      return this;
    }

    public Builder curriculumEpisodes(int value) {
      curriculumEpisodes = value;
      return this;
    }

    public Builder rateTargets(Map<String, Double> value) {
      rateTargets = value;
      return this;
    }

    public TrainOptions build() {
      return new TrainOptions(episodes, engine, resumeFrom, threads, heldOut, world, network, curriculumEpisodes,
          rateTargets);
    }
  }
}
