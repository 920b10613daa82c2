package org.neuromechfly.dmn.engine;

import java.util.Locale;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar (episodes, ETA, current loss and its breakdown) that forwards every event
 * to the caller's listener.
 */
final class ProgressReporter implements TrainingListener, AutoCloseable {
  private final TrainingListener next;
  private final boolean draw;
  private ProgressBar bar;

  ProgressReporter(TrainingListener next, boolean draw) {
    this.next = next;
    this.draw = draw;
  }

  @Override
  public void started(int firstEpisode, int episodes, long learnable) {
    if (draw) {
      bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(episodes).setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(500).showSpeed().build();
      bar.stepTo(firstEpisode);
    }
    next.started(firstEpisode, episodes, learnable);
  }

  @Override
  public void episode(EpisodeReport r) {
    if (bar != null) {
      bar.stepTo(r.episode() + 1);
      bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f (%s)", r.loss(),
          r.components().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
              .map(e -> String.format(Locale.ROOT, "%s %.3g", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", "))));
    }
    next.episode(r);
  }

  @Override
  public void evaluated(int episode, double success, double closest) {
    next.evaluated(episode, success, closest);
  }

  @Override
  public void checkpoint(int episode, java.nio.file.Path file) {
    next.checkpoint(episode, file);
  }

  @Override
  public void message(String text) {
    if (bar != null) {
      System.err.println();
    }
    next.message(text);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
