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
 * @param threads batch shards trained in parallel (1 = single-threaded, fully reproducible across
 *     machines)
 * @param heldOut number of fixed held-out starts evaluated before and after training
 * @param world odour-world settings
 * @param network engine numerics (precision, layout, …), or {@code null} for the training defaults
 *     with the circuit's surrogate
 * @param curriculumEpisodes episodes of start-distance curriculum (0 = none)
 * @param rateTargets target mean rates (Hz) per population for the initial rate calibration
 *     ({@link RateCalibration}); empty for none
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

  public TrainOptions {
    rateTargets = rateTargets == null ? Map.of() : Map.copyOf(rateTargets);
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

  /** The defaults: the circuit's episodes and engine, one thread, 64 held-out starts, rate calibration. */
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

  /** The execution path: the override, else the circuit's. */
  public ExecutionEngine engineFor(CircuitSpec spec) {
    return engine != null ? engine : spec.training().engine();
  }

  /** Builds {@link TrainOptions}. */
  public static final class Builder {
    private Integer episodes;
    private ExecutionEngine engine;
    private Path resumeFrom;
    private int threads = 1;
    private int heldOut = 64;
    private WorldSettings world = WorldSettings.defaults();
    private NetworkOptions network;
    private int curriculumEpisodes;
    private Map<String, Double> rateTargets = RateCalibration.DEFAULT_TARGETS;

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
