package org.neuromechfly.dmn.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.neuromechfly.dmn.sweep.PlannedRun;
import org.neuromechfly.dmn.sweep.RunRow;
import org.neuromechfly.dmn.sweep.SparkSweep;
import org.neuromechfly.dmn.sweep.SweepListener;

/**
 * Reports a sweep on the console: a progress bar over the episodes of all runs with the runs done,
 * running and failed and an ETA (or, with {@code --no-progress}, a progress line a minute), and a line
 * per finished run.
 */
final class ConsoleSweepListener implements SweepListener, AutoCloseable {
  private final PrintWriter out;
  private final boolean log;
  private final ConsoleBar bar = new ConsoleBar();
  private long startNanos;
  private long startEpisodes = -1;
  private long lastLine;

  ConsoleSweepListener(PrintWriter out, boolean log) {
    this.out = out;
    this.log = log;
  }

  @Override
  public void started(int runs, int done, int slots) {
    out.printf(Locale.ROOT, "%d runs, %d already finished; up to %d at once%n", runs, done, slots);
    out.flush();
    startNanos = System.nanoTime();
  }

  @Override
  public void progress(Progress p) {
    if (startEpisodes < 0) {
      startEpisodes = p.episodesDone();
      if (!log) {
        bar.start("sweep", p.episodesTotal(), p.episodesDone(), " ep", 1000, false);
      }
    }
    String runs = String.format(Locale.ROOT, "runs: %d done, %d running, %d failed of %d", p.completed(), p.running(),
        p.failed(), p.runs());
    if (bar.active()) {
      bar.step(p.episodesDone(), runs);
    } else if (System.nanoTime() - lastLine > 60e9) {
      lastLine = System.nanoTime();
      out.printf(Locale.ROOT, "%s; episodes %d/%d; ETA %s%n", runs, p.episodesDone(), p.episodesTotal(), eta(p));
      out.flush();
    }
  }

  /** Remaining time at this process's rate so far. */
  private String eta(Progress p) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long done = p.episodesDone() - startEpisodes;
    if (done <= 0) {
      return "unknown yet";
    }
    return SparkSweep.duration(seconds / done * (p.episodesTotal() - p.episodesDone()));
  }

  @Override
  public void finished(PlannedRun run, RunRow row) {
    bar.breakLine();
    if (row.completed()) {
      out.printf(Locale.ROOT, "%s (%s): completed, held-out success %.1f %%, ground speed %.1f mm/s, %.0f s%n", run.id(),
          run.describe(), 100 * row.number("success_after"), row.number("ground_speed_mm_s"), row.number("seconds"));
    } else {
      out.printf(Locale.ROOT, "%s (%s): FAILED: %s%n", run.id(), run.describe(), row.get("error"));
    }
    out.flush();
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
}
