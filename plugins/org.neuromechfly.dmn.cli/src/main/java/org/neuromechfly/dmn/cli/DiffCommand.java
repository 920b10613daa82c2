package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.model.diff.CircuitDiff;
import org.neuromechfly.dmn.model.diff.ModelChange;
import org.neuromechfly.dmn.model.json.CircuitJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn diff A B}: what changed between two models, in domain terms, ignoring layout. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Semantic difference of two .circuit models (exit 0: same, 1: different, 2: error).")
final class DiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BEFORE")
  Path before;

  @Parameters(index = "1", paramLabel = "AFTER")
  Path after;

  @Option(names = "--json", description = "machine-readable output: a JSON array of changes")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ModelWorkspace workspace = new ModelWorkspace();
    var a = workspace.load(before);
    var b = workspace.load(after);
    for (var model : new ModelWorkspace.LoadedModel[] {a, b}) {
      if (model.hasErrors()) {
        Diagnostics.print(model, spec.commandLine().getErr());
        throw new UserError(model.file() + " has errors; fix them before comparing");
      }
    }
    var changes = CircuitDiff.between(workspace.compile(a), workspace.compile(b));
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
