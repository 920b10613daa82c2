package org.neuromechfly.dmn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn fmt FILE…}: rewrite files in the canonical layout, or {@code --check} that they are. */
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
      var model = workspace.load(file);
      if (!model.resource().getParseResult().getSyntaxErrors().iterator().hasNext()) {
        String formatted = workspace.canonicalText(model);
        String current = Files.readString(file);
        if (!formatted.equals(current)) {
          if (check) {
            out.println(file + ": not formatted");
            problems++;
          } else {
            OutputFiles.writeAtomically(file, formatted);
            out.println("formatted " + file);
          }
        }
      } else {
        Diagnostics.print(model, err);
        err.println(file + ": not formatted, fix the syntax errors first");
        problems++;
      }
    }
    out.flush();
    err.flush();
    return problems == 0 ? 0 : 1;
  }
}
