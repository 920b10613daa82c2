package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.model.json.CircuitJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn compile FILE --ir out.json}: the circuit IR as canonical JSON. */
@Command(name = "compile", mixinStandardHelpOptions = true, description = "Compile a valid .circuit file to the circuit IR (canonical JSON).")
final class CompileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the .circuit file")
  Path file;

  @Option(names = "--ir", paramLabel = "OUT", description = "where to write the IR JSON (default: standard output); its folder must exist")
  Path ir;

  @Option(names = "--force", description = "replace an existing --ir file whose content differs")
  boolean force;

  @Mixin DataDirOption data;

  @Override
  public Integer call() throws Exception {
    ModelWorkspace workspace = new ModelWorkspace(data.directory());
    String json = CircuitJson.write(workspace.compileOrFail(file, spec.commandLine().getErr(), "not compiled"));
    if (ir == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      Path folder = ir.toAbsolutePath().getParent();
      var outcome = OutputFiles.write(folder, Map.of(ir, json), force).get(ir);
      spec.commandLine().getErr().println((outcome == OutputFiles.Outcome.UNCHANGED ? "unchanged " : "wrote ") + ir);
    }
    return 0;
  }
}
