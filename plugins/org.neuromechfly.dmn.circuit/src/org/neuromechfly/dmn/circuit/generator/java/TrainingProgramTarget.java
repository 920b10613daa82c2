package org.neuromechfly.dmn.circuit.generator.java;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.neuromechfly.dmn.circuit.generator.GeneratorTarget;
import org.neuromechfly.dmn.circuit.generator.manifest.ManifestTarget;
import org.neuromechfly.dmn.model.CircuitSpec;

/**
 * {@code org/neuromechfly/dmn/generated/<Circuit>Training.java}: a thin training program. It states
 * the circuit through the IR's constructors and leaves wiring and training to the engine library, so
 * it reads like a configuration of the engine, not a copy of it.
 */
public class TrainingProgramTarget implements GeneratorTarget {
  public static final String PACKAGE = "org.neuromechfly.dmn.generated";

  public static String className(CircuitSpec circuit) {
    return circuit.name() + "Training";
  }

  @Override
  public void generate(CircuitSpec circuit, String sourceName, IFileSystemAccess2 files) {
    files.generateFile(PACKAGE.replace('.', '/') + "/" + className(circuit) + ".java", source(circuit, sourceName));
  }

  /** The program's source text. */
  public String source(CircuitSpec c, String sourceName) {
    Set<String> imports = new TreeSet<>(Set.of(
        "java.nio.file.Path",
        "org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder",
        "org.neuromechfly.dmn.connectome.wiring.DataDirectory",
        "org.neuromechfly.dmn.engine.run.RunFolder",
        "org.neuromechfly.dmn.engine.train.TrainOptions",
        "org.neuromechfly.dmn.engine.train.TrainingListener",
        "org.neuromechfly.dmn.engine.TrainingResult",
        "org.neuromechfly.dmn.engine.TrainingRun"));
    JavaLiterals java = new JavaLiterals(imports);
    String indent = "        ";
    String body = "    return new " + java.type(CircuitSpec.class) + "(\n"
        + indent + java.of(c.name()) + ",\n"
        + indent + java.of(c.referenceData()) + ",\n"
        + indent + java.lines(c.connectomes(), indent) + ",\n"
        + indent + java.lines(c.populations(), indent) + ",\n"
        + indent + java.lines(c.projections(), indent) + ",\n"
        + indent + java.of(c.task()) + ",\n"
        + indent + java.lines(c.losses(), indent) + ",\n"
        + indent + java.of(c.training()) + ",\n"
        + indent + java.of(c.exports()) + ");\n";
    String name = className(c);
    StringBuilder s = new StringBuilder();
    s.append("package ").append(PACKAGE).append(";\n\n");
    imports.forEach(i -> s.append("import ").append(i).append(";\n"));
    s.append("\n/**\n * Trains circuit ").append(c.name()).append(", generated from ").append(sourceName)
        .append(" by NeuroMechFly DMN ").append(ManifestTarget.GENERATOR_VERSION).append(".\n")
        .append(" * Do not edit: change the model and regenerate.\n */\n");
    s.append("public final class ").append(name).append(" {\n");
    s.append("  private ").append(name).append("() {}\n\n");
    s.append("  /** The circuit as compiled from the model. */\n");
    s.append("  public static CircuitSpec circuit() {\n").append(body).append("  }\n\n");
    s.append("  /** Wires and trains the circuit into the new or empty folder {@code runDir}; {@code episodes} null keeps the model's. */\n");
    s.append("  public static TrainingResult train(Path runDir, Integer episodes) {\n");
    s.append("    var wiring = CircuitWiringBuilder.build(circuit(), DataDirectory.fromSystemProperty());\n");
    s.append("    return TrainingRun.train(wiring, RunFolder.empty(runDir), TrainOptions.builder().episodes(episodes).build(),\n");
    s.append("        TrainingListener.NONE);\n");
    s.append("  }\n\n");
    s.append("  /** {@code java ").append(PACKAGE).append('.').append(name).append(" [run-folder] [episodes]} */\n");
    s.append("  public static void main(String[] args) {\n");
    s.append("    Path runDir = args.length > 0 ? Path.of(args[0]) : RunFolder.fresh(Path.of(\"runs\"), \"").append(c.name())
        .append("\").path();\n");
    s.append("    Integer episodes = args.length > 1 ? Integer.valueOf(args[1]) : null;\n");
    s.append("    TrainingResult result = train(runDir, episodes);\n");
    s.append("    System.out.printf(\"held-out success %.1f %% -> %.1f %%, run folder %s%n\",\n");
    s.append("        100 * result.successBefore(), 100 * result.successAfter(), result.runDir());\n");
    s.append("  }\n}\n");
    return s.toString();
  }
}
