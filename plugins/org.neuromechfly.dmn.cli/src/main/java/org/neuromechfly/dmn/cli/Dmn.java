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

  /** Runs a command line and returns the exit code (0 ok, 1 failed on the input, 2 usage error). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new Dmn()).setExecutionExceptionHandler(new FailureHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
