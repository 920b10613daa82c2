package org.neuromechfly.dmn.engine.train;

/** Hears about a training run as it goes; every method has a no-op default. */
public interface TrainingListener {

  /** Before the first episode of this process (after a resume: the first resumed episode). */
  default void started(int firstEpisode, int episodes, long learnableParameters) {}

  /** After every episode. */
  default void episode(EpisodeReport report) {}

  /** Held-out evaluation (fraction of successful starts) at a checkpoint. */
  default void evaluated(int episode, double success, double closestApproachMetres) {}

  /** A checkpoint was written. */
  default void checkpoint(int episode, java.nio.file.Path file) {}

  /** Something the user should read: validation warnings, NaN roll-backs. */
  default void message(String text) {}

  TrainingListener NONE = new TrainingListener() {};
}
