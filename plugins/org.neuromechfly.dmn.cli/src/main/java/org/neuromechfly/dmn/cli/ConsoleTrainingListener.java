package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.neuromechfly.dmn.engine.EpisodeReport;
import org.neuromechfly.dmn.engine.TrainingListener;

/** Reports a training run on the console: evaluations, checkpoints and messages; episodes in log mode. */
final class ConsoleTrainingListener implements TrainingListener {
  private final PrintWriter out;
  private final boolean logEpisodes;

  ConsoleTrainingListener(PrintWriter out, boolean logEpisodes) {
    this.out = out;
    this.logEpisodes = logEpisodes;
  }

  @Override
  public void started(int firstEpisode, int episodes, long learnableParameters) {
    out.printf(Locale.ROOT, "episodes %d..%d, %,d learnable parameters%n", firstEpisode, episodes - 1, learnableParameters);
    out.flush();
  }

  @Override
  public void episode(EpisodeReport report) {
    if (logEpisodes) {
      out.printf(Locale.ROOT, "episode %d  loss %.4f  %s  |g| %.3g  %.1f s%n", report.episode(), report.loss(), components(report), report.gradientNorm(), report.seconds());
      out.flush();
    }
  }

  @Override
  public void evaluated(int episode, double success, double closestApproachMetres) {
    out.printf(Locale.ROOT, "episode %d: held-out success %.1f %%, mean closest approach %.1f mm%n", episode, 100 * success, 1000 * closestApproachMetres);
    out.flush();
  }

  @Override
  public void checkpoint(int episode, Path file) {
    if (logEpisodes) {
      out.println("checkpoint after episode " + episode + ": " + file);
      out.flush();
    }
  }

  @Override
  public void message(String text) {
    out.println("note: " + text);
    out.flush();
  }

  private static String components(EpisodeReport report) {
    StringBuilder b = new StringBuilder();
    report.components().forEach((k, v) -> b.append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", v)).append("  "));
    return b.toString().trim();
  }
}
