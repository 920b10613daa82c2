package org.neuromechfly.dmn.circuit.generator.ir;

import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.neuromechfly.dmn.circuit.generator.GeneratorTarget;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/** {@code <Circuit>.ir.json}: the canonical circuit IR. */
public class IrTarget implements GeneratorTarget {
  public static String fileName(CircuitSpec circuit) {
    return circuit.name() + ".ir.json";
  }

  @Override
  public void generate(CircuitSpec circuit, String sourceName, IFileSystemAccess2 files) {
    files.generateFile(fileName(circuit), CircuitJson.write(circuit));
  }
}
