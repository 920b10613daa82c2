package org.neuromechfly.dmn.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A benchmark's positional arguments, read by position with a name and a default, so that a wrong
 * value is reported as "T must be a positive integer, not 'x'" rather than as a stack trace. What each
 * benchmark takes is listed by {@code benchmarks/run --help}.
 */
public final class Arguments {
  private final String[] values;
  private int declared;

  public Arguments(String[] values) {
    this.values = values.clone();
  }

  /** Argument {@code index} as an integer of at least {@code min}, or {@code fallback} when absent. */
  public int integer(int index, String name, int fallback, int min) {
    String text = raw(index);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be an integer of at least " + min + ", not '" + text + "'");
  }

  /** Argument {@code index} as text, or {@code fallback} when absent. */
  public String text(int index, String name, String fallback) {
    String text = raw(index);
    return text == null ? fallback : text;
  }

  /** A comma-separated list of integers of at least {@code min}, e.g. {@code 2,1}. */
  public List<Integer> integers(int index, String name, String fallback, int min) {
    String text = raw(index);
    String list = text == null ? fallback : text;
    try {
      List<Integer> out = Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
      if (!out.isEmpty() && out.stream().allMatch(v -> v >= min)) {
        return out;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        name + " must be a comma-separated list of integers of at least " + min + ", not '" + list + "'");
  }

  /** Argument {@code index} as a path, or {@code fallback} when absent. */
  public Path path(int index, String name, Path fallback) {
    String text = raw(index);
    return text == null ? fallback : Path.of(text);
  }

  /** Fails when more arguments were given than the benchmark has read. */
  public void requireNoMore() {
    if (values.length > declared) {
      throw new UsageException("too many arguments: " + values.length + " given, at most " + declared
          + " expected (extra: " + String.join(" ", Arrays.copyOfRange(values, declared, values.length)) + ")");
    }
  }

  private String raw(int index) {
    declared = Math.max(declared, index + 1);
    return index < values.length ? values[index] : null;
  }

  /** A wrong argument: reported in one line, exit status 2. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
