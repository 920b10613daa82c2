package org.neuromechfly.dmn.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of a long command (training, sweeps) on the error stream. It redraws its line in
 * place, so a console line printed meanwhile first breaks it ({@link #breakLine}). Inactive until
 * started: log mode ({@code --no-progress}) never starts it.
 */
final class ConsoleBar implements AutoCloseable {
  private ProgressBar bar;

  /** Shows a bar for {@code task}, {@code max} units, already at {@code at}. */
  void start(String task, long max, long at, String unit, int updateMillis, boolean showSpeed) {
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(updateMillis);
    if (unit != null) {
      builder.setUnit(unit, 1);
    }
    if (showSpeed) {
      builder.showSpeed();
    }
    bar = builder.build();
    bar.stepTo(at);
  }

  boolean active() {
    return bar != null;
  }

  /** Moves the bar to {@code to} with {@code extra} after it. */
  void step(long to, String extra) {
    bar.stepTo(to);
    bar.setExtraMessage(extra);
  }

  /** Before a console line: ends the bar's line so the two do not overwrite each other. */
  void breakLine() {
    if (bar != null) {
      System.err.println();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
