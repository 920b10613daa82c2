package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn generate FILE --out DIR}: the same files the editor generates on save. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate the IR, a thin Java training program and a provenance manifest.")
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the .circuit file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "generated", description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    ModelWorkspace workspace = new ModelWorkspace();
    var model = workspace.load(file);
    if (model.hasErrors()) {
      Diagnostics.print(model, spec.commandLine().getErr());
      spec.commandLine().getErr().println(file + ": nothing generated, fix the errors above first");
      return 1;
    }
    InMemoryFileSystemAccess files = new InMemoryFileSystemAccess();
    GeneratorContext context = new GeneratorContext();
    context.setCancelIndicator(org.eclipse.xtext.util.CancelIndicator.NullImpl);
    workspace.get(IGenerator2.class).doGenerate(model.resource(), files, context);
    Path root = out.toAbsolutePath().normalize();
    for (var entry : new java.util.TreeMap<>(files.getAllFiles()).entrySet()) {
      // keys look like DEFAULT_OUTPUTpath/inside/out
      String relative = entry.getKey().substring(org.eclipse.xtext.generator.IFileSystemAccess.DEFAULT_OUTPUT.length());
      Path target = root.resolve(relative).normalize();
      if (!target.startsWith(root)) {
        throw new UserError("refusing to write " + target + " outside " + root);
      }
      OutputFiles.writeAtomically(target, entry.getValue().toString());
      spec.commandLine().getOut().println("wrote " + out.resolve(relative));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
