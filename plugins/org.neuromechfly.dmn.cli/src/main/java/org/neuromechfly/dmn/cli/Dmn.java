package org.neuromechfly.dmn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dmn}: validate, format, compile and train {@code .circuit} models from the command line. */
@Command(
    name = "dmn",
    mixinStandardHelpOptions = true,
    versionProvider = DmnVersion.class,
    description = "NeuroMechFly DMN: connectome-constrained spiking circuits of the fruit fly.",
    subcommands = {
      ValidateCommand.class,
      CompileCommand.class,
      FormatCommand.class,
      TrainCommand.class,
      GenerateCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      DiffCommand.class,
      ReportCommand.class,
      AnalyzeCommand.class,
      SimulateCommand.class,
      LspCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Dmn implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs a command line and returns the exit code (0 ok, 1 failed on the input, 2 usage error; for
   * {@code diff} 1 means "different" and 2 "error").
   */
  public static int run(String... args) {
    return run(commandLine(), args);
  }

  /** Runs a command line writing to the given streams (for tools that embed {@code dmn}). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return run(cli, args);
  }

  private static int run(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // the validator and train refuse models they estimate too large; this is the last resort
      cli.getErr().println("error: out of memory (" + e.getMessage() + "); give Java more memory, e.g."
          + " DMN_JAVA_OPTS=-Xmx16g, or make the model smaller (batch, steps, cells)");
      cli.getErr().flush();
      return 1;
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new Dmn())
        .setExecutionExceptionHandler(new FailureHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
