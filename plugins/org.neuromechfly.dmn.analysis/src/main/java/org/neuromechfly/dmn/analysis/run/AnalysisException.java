package org.neuromechfly.dmn.analysis.run;

/**
 * An analysis cannot be done on the input it was given: a run folder from another model version,
 * connectome data that changed since training, a projection without synapse counts. The message says
 * what differs and what to do; the command line prints it without a stack trace.
 */
public class AnalysisException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message) {
    super(message);
  }

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
