package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.neuromechfly.dmn.engine.train.EpisodeReport;
import org.neuromechfly.dmn.engine.train.TrainingListener;

/**
 * Reports a training run on the console: a progress bar (episodes, ETA, the current loss and its
 * breakdown) on the error stream, or, in log mode ({@code --no-progress}), one line per episode;
 * evaluations, checkpoints and messages either way.
 */
final class ConsoleTrainingListener implements TrainingListener, AutoCloseable {
  private final PrintWriter out;
  private final boolean logEpisodes;
  private final ConsoleBar bar = new ConsoleBar();

  /** @param logEpisodes one line per episode instead of a progress bar */
  ConsoleTrainingListener(PrintWriter out, boolean logEpisodes) {
    this.out = out;
    this.logEpisodes = logEpisodes;
  }

  @Override
  public void started(int firstEpisode, int episodes, long learnableParameters) {
    out.printf(Locale.ROOT, "episodes %d..%d, %,d learnable parameters%n", firstEpisode, episodes - 1, learnableParameters);
    out.flush();
    if (!logEpisodes) {
      bar.start("train", episodes, firstEpisode, null, 500, true);
    }
  }

  @Override
  public void episode(EpisodeReport report) {
    if (bar.active()) {
      bar.step(report.episode() + 1, String.format(Locale.ROOT, "loss %.4f (%s)", report.loss(),
          report.components().entrySet().stream().sorted(Map.Entry.comparingByKey())
              .map(e -> String.format(Locale.ROOT, "%s %.3g", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", "))));
    }
    if (logEpisodes) {
      out.printf(Locale.ROOT, "episode %d  loss %.4f  %s  |g| %.3g  %.1f s%n", report.episode(), report.loss(),
          components(report), report.gradientNorm(), report.seconds());
      out.flush();
    }
  }

  @Override
  public void evaluated(int episode, double success, double closestApproachMetres) {
    bar.breakLine();
    out.printf(Locale.ROOT, "episode %d: held-out success %.1f %%, mean closest approach %.1f mm%n", episode,
        100 * success, 1000 * closestApproachMetres);
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
    bar.breakLine();
    out.println("note: " + text);
    out.flush();
  }

  @Override
  public void close() {
    bar.close();
  }

  private static String components(EpisodeReport report) {
    StringBuilder b = new StringBuilder();
    report.components().forEach((k, v) -> b.append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", v)).append("  "));
    return b.toString().trim();
  }
}
