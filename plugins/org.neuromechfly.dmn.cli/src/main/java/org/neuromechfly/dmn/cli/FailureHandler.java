package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.neuromechfly.dmn.model.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one readable line: bad input names what is wrong and what to do. Only our own
 * bugs are "internal errors", and only for those does {@code DMN_DEBUG=1} add the stack trace. The exit
 * code is the command's {@code exitCodeOnExecutionException} (1; 2 for {@code diff}, whose 1 means
 * "different").
 */
final class FailureHandler implements IExecutionExceptionHandler {
  /** Longest error message printed (messages may quote user input). */
  private static final int MAX_MESSAGE = 4000;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    String problem = userProblem(e);
    if (problem != null) {
      err.println("error: " + printable(problem));
    } else {
      err.println("internal error: " + PrintableText.excerpt(String.valueOf(e), MAX_MESSAGE)
          + " — please report it; set DMN_DEBUG=1 for the stack trace");
      if ("1".equals(System.getenv("DMN_DEBUG"))) {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnExecutionException();
  }

  /** A message's lines (lists of problems span lines), each without control characters, cut short. */
  private static String printable(String message) {
    String cut = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "… (" + message.length() + " characters)" : message;
    return String.join("\n", java.util.Arrays.stream(cut.split("\n", -1)).map(PrintableText::oneLine).toList());
  }

  /** What is wrong with the input, or {@code null} when the failure is a bug of ours. */
  static String userProblem(Throwable e) {
    if (e instanceof UserError || e instanceof org.neuromechfly.dmn.connectome.ConnectomeException
        || e instanceof IllegalArgumentException || e instanceof org.neuromechfly.dmn.export.ExportException) {
      return e.getMessage();
    }
    if (e instanceof IOException io) {
      return describe(io);
    }
    if (e instanceof UncheckedIOException io) {
      return io.getMessage() != null && io.getMessage().contains(describe(io.getCause())) ? io.getMessage() : io.getMessage() + ": " + describe(io.getCause());
    }
    return null;
  }

  static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return missing.getFile() + ": no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return (fs.getFile() == null ? "" : fs.getFile() + ": ") + fs.getReason();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
