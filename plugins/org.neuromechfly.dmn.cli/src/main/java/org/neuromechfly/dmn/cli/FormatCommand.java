package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmn fmt FILE…}: rewrite files in the canonical layout, or {@code --check} that they are. A
 * file that cannot be formatted (unreadable, not UTF-8, syntax errors) is reported by name and the
 * others are still formatted.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true, description = "Format .circuit files in the one canonical layout (review by diff).")
final class FormatCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".circuit files to format in place")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing; list files that are not formatted and exit 1 if any.")
  boolean check;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    ModelWorkspace workspace = new ModelWorkspace();
    int problems = 0;
    for (Path file : files) {
      try {
        if (!format(workspace, file)) {
          problems++;
        }
      } catch (UserError e) {
        err.println("error: " + e.getMessage());
        problems++;
      }
    }
    out.flush();
    err.flush();
    return problems == 0 ? 0 : 1;
  }

  /** Formats (or checks) one file; false when it is not (or cannot be) formatted. */
  private boolean format(ModelWorkspace workspace, Path file) throws java.io.IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var model = workspace.parse(file);
    if (!model.parsed() || model.hasErrors()) {
      Diagnostics.print(model, err);
      err.println(file + ": not formatted, fix the errors above first");
      return false;
    }
    String formatted = workspace.canonicalText(model);
    if (formatted.equals(SourceText.read(file).text())) {
      return true; // (a byte-order mark makes the text differ: formatting drops it)
    }
    if (check) {
      out.println(file + ": not formatted");
      return false;
    }
    OutputFiles.writeAtomically(file, formatted);
    out.println("formatted " + file);
    return true;
  }
}
