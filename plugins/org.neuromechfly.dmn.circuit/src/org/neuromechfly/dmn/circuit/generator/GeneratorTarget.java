package org.neuromechfly.dmn.circuit.generator;

import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.neuromechfly.dmn.model.CircuitSpec;

/** One kind of output generated from a compiled circuit; each target lives in its own package. */
public interface GeneratorTarget {
  /** Writes this target's files for a circuit compiled from {@code sourceName}. */
  void generate(CircuitSpec circuit, String sourceName, IFileSystemAccess2 files);
}
