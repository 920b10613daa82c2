package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Generator output for the examples, against reviewed golden files, and byte-for-byte determinism. */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class GeneratorTest {
  @Inject private ModelFiles files;
  @Inject private IGenerator2 generator;

  private Map<String, String> generate(Path model) throws Exception {
    InMemoryFileSystemAccess out = new InMemoryFileSystemAccess();
    GeneratorContext context = new GeneratorContext();
    context.setCancelIndicator(CancelIndicator.NullImpl);
    generator.doGenerate(files.load(model), out, context);
    Map<String, String> result = new TreeMap<>();
    out.getAllFiles().forEach((k, v) -> result.put(k.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), v.toString()));
    return result;
  }

  @Test
  void examplesGenerateTheReviewedFiles() throws Exception {
    for (Path model : ModelFiles.circuits(ModelFiles.examples())) {
      Map<String, String> generated = generate(model);
      assertEquals(3, generated.size(), "IR, training program and manifest expected: " + generated.keySet());
      Path goldenDir = ModelFiles.resources().resolve("golden/generated").resolve(model.getFileName().toString().replace(".circuit", ""));
      for (var file : generated.entrySet()) {
        // the IR's golden file is shared with CompilerTest (and the engine benchmark reads it)
        Path golden = file.getKey().endsWith(".ir.json")
            ? ModelFiles.resources().resolve("golden").resolve(model.getFileName().toString().replace(".circuit", ".ir.json"))
            : goldenDir.resolve(file.getKey());
        if (Boolean.getBoolean("dmn.golden.update")) {
          Files.createDirectories(golden.getParent());
          Files.writeString(golden, file.getValue());
        }
        assertTrue(Files.exists(golden), "missing golden file " + golden + "; run with -Ddmn.golden.update=true once and review it");
        assertEquals(Files.readString(golden), file.getValue(), model + ": " + file.getKey() + " differs from " + golden);
      }
    }
  }

  @Test
  void generationIsDeterministic() throws Exception {
    for (Path model : ModelFiles.circuits(ModelFiles.examples())) {
      assertEquals(generate(model), generate(model));
    }
  }
}
