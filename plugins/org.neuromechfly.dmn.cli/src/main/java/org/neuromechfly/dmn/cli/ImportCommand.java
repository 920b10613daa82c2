package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.export.Exports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn import model.nir}: an NIR graph trained elsewhere as a {@code .circuit} plus its weights. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Turn an NIR graph into a .circuit model and a weights file.")
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the NIR file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "existing folder for the .circuit and weights files (default: current folder)")
  Path out;

  @Option(names = "--dt", paramLabel = "SECONDS", description = "time step when the NIR file has no dt in its metadata")
  Double dt;

  @Option(names = "--force", description = "replace existing .circuit and weights files whose content differs (e.g. a hand-edited model)")
  boolean force;

  @Override
  public Integer call() {
    var result = Exports.importNir(file, out, dt, force);
    spec.commandLine().getOut().println("wrote " + result.circuitFile() + " and " + result.weightsFile());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
