package org.neuromechfly.dmn.engine.world;

/**
 * Odour concentration over the arena, relative to the peak at the source, for every fly of a batch
 * over an episode. A field is drawn anew for each episode from a seed (the plume is not the fly's
 * doing, so it is a constant for the gradient) and is read step by step, in order.
 */
interface OdourField {

  /** Draws the field of an episode: {@code batch} independent realisations over {@code steps} steps. */
  void begin(int batch, int steps, long seed);

  /** Moves the field on to step {@code t} (called once per step, in order, before the step is read). */
  void advance(int t);

  /**
   * The concentration for fly {@code b} at (x, y) at the current step.
   *
   * @param gradient receives ∂c/∂x, ∂c/∂y when not {@code null}
   */
  double concentration(int b, double x, double y, double[] gradient);

  /**
   * The concentration averaged over the episode's steps on a grid of cell centres (for pictures):
   * {@code [ny][nx]} for fly 0, estimated from {@code samples} snapshots spread over the episode.
   */
  double[][] picture(double width, double height, int nx, int ny, int steps, int samples);
}
