package org.neuromechfly.dmn.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one readable line: bad input names what is wrong and what to do; only
 * {@code DMN_DEBUG=1} shows stack traces, and only for our own bugs.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (e instanceof UserError || e instanceof org.neuromechfly.dmn.connectome.ConnectomeException || e instanceof IllegalArgumentException
        || e instanceof org.neuromechfly.dmn.export.ExportException) {
      err.println("error: " + e.getMessage());
    } else if (e instanceof java.io.IOException io) {
      err.println("error: " + describe(io));
    } else {
      err.println("internal error: " + e + " — please report it; set DMN_DEBUG=1 for the stack trace");
    }
    if ("1".equals(System.getenv("DMN_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return missing.getFile() + ": no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
