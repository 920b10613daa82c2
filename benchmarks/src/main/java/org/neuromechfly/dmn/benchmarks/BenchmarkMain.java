package org.neuromechfly.dmn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every benchmark's {@code main} shares: the machine and its load before and after the run (the
 * figures depend on it), one-line errors for wrong arguments (exit 2), and where the repository is.
 */
public final class BenchmarkMain {
  /** Set by {@code benchmarks/run}: the repository root, for the files the benchmarks read from it. */
  public static final String ROOT_PROPERTY = "dmn.benchmarks.root";

  private BenchmarkMain() {}

  /** Reads a benchmark's settings from its arguments; throws {@link Arguments.UsageException} on bad ones. */
  @FunctionalInterface
  public interface Parser<S> {
    S parse(Arguments args);
  }

  /** A benchmark body over its settings. */
  @FunctionalInterface
  public interface Body<S> {
    void run(S settings) throws Exception;
  }

  /**
   * Runs the benchmark {@code name} (the name {@code benchmarks/run} knows it by): its arguments are read
   * first, so that a wrong one ends the run at once with one line on standard error and exit status 2.
   */
  public static <S> void run(String name, String[] args, Parser<S> parser, Body<S> body) throws Exception {
    Locale.setDefault(Locale.ROOT);
    S settings;
    try {
      Arguments arguments = new Arguments(args);
      settings = parser.parse(arguments);
      arguments.requireNoMore();
    } catch (Arguments.UsageException e) {
      System.err.println(name + ": " + e.getMessage() + " (benchmarks/run " + name + " --help lists the arguments)");
      System.exit(2);
      return;
    }
    System.out.println(name + ": " + Machine.describe());
    try {
      body.run(settings);
    } catch (Arguments.UsageException e) { // started wrongly, e.g. outside a checkout
      System.err.println(name + ": " + e.getMessage());
      System.exit(2);
    }
    System.out.println(name + ": done; load average " + Machine.loadAverage() + " (1/5/15 min)");
  }

  /** The repository root: {@value #ROOT_PROPERTY}, else the working directory. */
  public static Path repositoryRoot() {
    return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
  }

  /** An existing file of the repository, e.g. a golden IR. */
  public static Path repositoryFile(String relative) {
    Path file = repositoryRoot().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new Arguments.UsageException(relative + " not found under " + repositoryRoot()
          + ": start benchmarks through benchmarks/run (or set -D" + ROOT_PROPERTY + " to the repository root)");
    }
    return file;
  }
}
