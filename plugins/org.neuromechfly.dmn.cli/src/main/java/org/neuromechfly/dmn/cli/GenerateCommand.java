package org.neuromechfly.dmn.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn generate FILE --out DIR}: the same files the editor generates on save. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate the IR, a thin Java training program and a provenance manifest.")
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the .circuit file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "generated",
      description = "output folder (default: ${DEFAULT-VALUE}); created if missing, but its parent must exist")
  Path out;

  @Option(names = "--force", description = "replace existing files whose content differs (e.g. hand-edited generated files)")
  boolean force;

  @Mixin DataDirOption data;

  @Override
  public Integer call() throws Exception {
    ModelWorkspace workspace = new ModelWorkspace(data.directory());
    var model = workspace.loadOrFail(file, spec.commandLine().getErr(), "nothing generated");
    InMemoryFileSystemAccess generated = new InMemoryFileSystemAccess();
    GeneratorContext context = new GeneratorContext();
    context.setCancelIndicator(org.eclipse.xtext.util.CancelIndicator.NullImpl);
    workspace.get(IGenerator2.class).doGenerate(model.resource(), generated, context);
    Path root = out.toAbsolutePath().normalize();
    Path parent = root.getParent();
    if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
      throw new UserError("the folder " + parent + " does not exist; create it first (dmn creates only the output folder itself)");
    }
    java.nio.file.Files.createDirectories(root);
    Map<Path, String> files = new LinkedHashMap<>();
    for (var entry : new TreeMap<>(generated.getAllFiles()).entrySet()) {
      // keys look like DEFAULT_OUTPUTpath/inside/out
      String relative = entry.getKey().substring(IFileSystemAccess.DEFAULT_OUTPUT.length());
      files.put(out.resolve(relative), entry.getValue().toString());
    }
    var outcomes = OutputFiles.write(root, files, force);
    outcomes.forEach((path, outcome) -> spec.commandLine().getOut().println((outcome == OutputFiles.Outcome.UNCHANGED ? "unchanged " : "wrote ") + path));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
