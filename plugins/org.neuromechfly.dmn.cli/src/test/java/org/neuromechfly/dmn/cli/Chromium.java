package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, as the tests drive it: a fresh profile per run, no network services,
 * console messages logged to stderr ({@code --enable-logging=stderr --v=0}: one {@code CONSOLE} line
 * per message, errors and failed loads included).
 */
final class Chromium {
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--disable-default-apps", "--enable-logging=stderr", "--v=0", "--hide-scrollbars");

  record Run(int exit, String stdout, String stderr) {
    /** The console messages the page produced. */
    List<String> console() {
      List<String> lines = new ArrayList<>();
      for (String line : stderr.split("\n")) {
        if (line.contains(":CONSOLE")) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  private Chromium() {}

  /** The browser, if installed (CI installs Debian's chromium). */
  static Optional<Path> find() {
    for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Runs the browser on {@code page} with extra arguments (e.g. --dump-dom, --screenshot=FILE). */
  static Run run(Path browser, Path profile, Path page, String... extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(browser.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
