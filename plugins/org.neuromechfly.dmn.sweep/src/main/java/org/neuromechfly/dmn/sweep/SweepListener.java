package org.neuromechfly.dmn.sweep;

/** Hears about a sweep as it goes; every method has a no-op default. */
public interface SweepListener {

  /**
   * Before the first run starts.
   *
   * @param runs runs in the sweep
   * @param done runs already finished (a resumed sweep)
   * @param slots runs Spark can train at once (cores / threads per run)
   */
  default void started(int runs, int done, int slots) {}

  /** Every second or so while runs train. */
  default void progress(Progress progress) {}

  /** A run finished (completed or failed). */
  default void finished(PlannedRun run, RunRow row) {}

  /** Something the user should read. */
  default void message(String text) {}

  /**
   * Where a sweep stands.
   *
   * @param runs runs in the sweep
   * @param completed runs completed
   * @param failed runs failed
   * @param running runs training now
   * @param episodesDone episodes trained so far over all runs (finished runs count in full)
   * @param episodesTotal episodes of the whole sweep
   */
  record Progress(int runs, int completed, int failed, int running, long episodesDone, long episodesTotal) {}

  SweepListener NONE = new SweepListener() {};
}
