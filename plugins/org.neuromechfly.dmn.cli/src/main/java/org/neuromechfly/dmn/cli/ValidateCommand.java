package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn validate FILE…}: every diagnostic, one per line; non-zero exit when any file has errors. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check .circuit files: syntax, units, names, connectivity, reference and connectome data.")
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".circuit files to check")
  List<Path> files;

  @Option(names = "--werror", description = "Treat warnings as errors.")
  boolean warningsAreErrors;

  @Mixin DataDirOption data;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    ModelWorkspace workspace = new ModelWorkspace(data.directory());
    int failed = 0;
    for (Path file : files) {
      try {
        var model = workspace.load(file);
        Diagnostics.print(model, out);
        boolean warnings = model.issues().stream().anyMatch(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.WARNING);
        if (model.hasErrors() || warningsAreErrors && warnings) {
          failed++;
        }
      } catch (UserError e) {
        err.println("error: " + e.getMessage());
        failed++;
      }
    }
    out.flush();
    err.flush();
    if (failed > 0) {
      err.println(failed + " of " + files.size() + " file(s) failed validation");
      err.flush();
    }
    return failed == 0 ? 0 : 1;
  }
}
