package org.neuromechfly.dmn.circuit.generator;

import com.google.inject.Inject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * Writes the canonical IR JSON of each valid model ({@code <circuit>.ir.json}); Xtext calls it on
 * save in the editor and in headless builds, only for models without errors.
 */
public class CircuitGenerator extends AbstractGenerator {
  @Inject private CircuitCompiler compiler;

  @Override
  public void doGenerate(Resource resource, IFileSystemAccess2 fsa, IGeneratorContext context) {
    if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Circuit circuit)) {
      return;
    }
    fsa.generateFile(circuit.getName() + ".ir.json", CircuitJson.write(compiler.compile(circuit)));
  }
}
