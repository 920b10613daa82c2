package org.neuromechfly.dmn.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a checkpoint holds: the next episode, parameter values, optimiser state, the loss history
 * and the best held-out score so far. Jackson writes and reads it as JSON; doubles round-trip exactly.
 */
public final class TrainingState {
  public int nextEpisode;
  public long optimizerStep;
  public Map<String, double[]> parameters = new LinkedHashMap<>();
  public Map<String, double[]> firstMoments = new LinkedHashMap<>();
  public Map<String, double[]> secondMoments = new LinkedHashMap<>();
  public List<EpisodeReport> history = new ArrayList<>();
  public double bestSuccess = -1;
  public int bestEpisode = -1;
}
