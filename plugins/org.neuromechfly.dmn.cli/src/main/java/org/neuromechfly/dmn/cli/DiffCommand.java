package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.model.diff.CircuitDiff;
import org.neuromechfly.dmn.model.diff.ModelChange;
import org.neuromechfly.dmn.model.json.CircuitJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn diff A B}: what changed between two models, in domain terms, ignoring layout. */
@Command(name = "diff", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 2,
    description = "Semantic difference of two .circuit models (exit 0: same, 1: different, 2: error).")
final class DiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BEFORE")
  Path before;

  @Parameters(index = "1", paramLabel = "AFTER")
  Path after;

  @Option(names = "--json", description = "machine-readable output: a JSON array of changes")
  boolean json;

  @Mixin DataDirOption data;

  @Override
  public Integer call() throws Exception {
    ModelWorkspace workspace = new ModelWorkspace(data.directory());
    var err = spec.commandLine().getErr();
    var a = workspace.compileOrFail(before, err, "not compared");
    var b = workspace.compileOrFail(after, err, "not compared");
    var changes = CircuitDiff.between(a, b);
    var out = spec.commandLine().getOut();
    if (json) {
      out.print(CircuitJson.pretty(changes));
    } else if (changes.isEmpty()) {
      out.println("no semantic differences");
    } else {
      changes.stream().map(ModelChange::describe).forEach(out::println);
    }
    out.flush();
    return changes.isEmpty() ? 0 : 1;
  }
}
