package org.neuromechfly.dmn.connectome;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bad connectome input or an unrealisable projection, reported so a user can fix it without reading
 * a stack trace: the message names the file, the line and column where known, what is wrong and what
 * to do. Unchecked so that importers can raise it from inside streaming loops and lambdas.
 */
public class ConnectomeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final int column;

  /** A problem that is not tied to a place in a file (e.g. a projection whose counts disagree). */
  public ConnectomeException(String message) {
    this(null, 0, 0, message, null);
  }

  /** A problem not tied to a place in a file, caused by {@code cause}. */
  public ConnectomeException(String message, Throwable cause) {
    this(null, 0, 0, message, cause);
  }

  /**
   * A problem at a place in a file.
   *
   * @param file the file, or {@code null}
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param message what is wrong and what to do
   */
  public ConnectomeException(Path file, long line, int column, String message) {
    this(file, line, column, message, null);
  }

  /** As {@link #ConnectomeException(Path, long, int, String)}, with a cause. */
  public ConnectomeException(Path file, long line, int column, String message, Throwable cause) {
    super(place(file, line, column) + message, cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file the problem is in, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** 1-based line, or 0 when the problem is not tied to a line. */
  public long line() {
    return line;
  }

  /** 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** "file:line:column: " in the form compilers use, so editors and terminals can link to it. */
  private static String place(Path file, long line, int column) {
    if (file == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(file.toString());
    if (line > 0) {
      b.append(':').append(line);
      if (column > 0) {
        b.append(':').append(column);
      }
    }
    return b.append(": ").toString();
  }
}
