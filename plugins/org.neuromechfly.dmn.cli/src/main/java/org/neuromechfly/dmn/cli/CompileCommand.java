package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.model.json.CircuitJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn compile FILE --ir out.json}: the circuit IR as canonical JSON. */
@Command(name = "compile", mixinStandardHelpOptions = true, description = "Compile a valid .circuit file to the circuit IR (canonical JSON).")
final class CompileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the .circuit file")
  Path file;

  @Option(names = "--ir", paramLabel = "OUT", description = "where to write the IR JSON (default: standard output)")
  Path ir;

  @Override
  public Integer call() throws Exception {
    ModelWorkspace workspace = new ModelWorkspace();
    var model = workspace.load(file);
    if (model.hasErrors()) {
      Diagnostics.print(model, spec.commandLine().getErr());
      spec.commandLine().getErr().println(file + ": not compiled, fix the errors above first");
      return 1;
    }
    String json = CircuitJson.write(workspace.compile(model));
    if (ir == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      OutputFiles.writeAtomically(ir, json);
      spec.commandLine().getErr().println("wrote " + ir);
    }
    return 0;
  }
}
