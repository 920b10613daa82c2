package org.neuromechfly.dmn.circuit.generator;

import com.google.inject.Inject;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.circuit.generator.ir.IrTarget;
import org.neuromechfly.dmn.circuit.generator.java.TrainingProgramTarget;
import org.neuromechfly.dmn.circuit.generator.manifest.ManifestTarget;

/**
 * The one dispatch over generator targets: every valid model yields its IR JSON, a thin Java training
 * program over the engine library, and a provenance manifest. Xtext calls it on save in the editor and
 * in headless builds (xtext-maven-plugin), only for models without errors. Output is deterministic.
 */
public class CircuitGenerator extends AbstractGenerator {
  @Inject private CircuitCompiler compiler;
  @Inject private IrTarget ir;
  @Inject private TrainingProgramTarget program;
  @Inject private ManifestTarget manifest;

  @Override
  public void doGenerate(Resource resource, IFileSystemAccess2 fsa, IGeneratorContext context) {
    if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Circuit circuit)) {
      return;
    }
    var spec = compiler.compile(circuit);
    String source = resource.getURI().lastSegment();
    for (GeneratorTarget target : List.of(ir, program, manifest)) {
      target.generate(spec, source, fsa);
    }
  }
}
