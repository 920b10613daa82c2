package org.neuromechfly.dmn.circuit.editor.presentation;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;

/** Installs the {@code .circuit} partitioner on documents that file buffers create for our files. */
public class CircuitDocumentSetup implements IDocumentSetupParticipant {

  @Override
  public void setup(IDocument document) {
    ensurePartitioned(document);
  }

  /**
   * Connects a partitioner unless one is there. Also called by the presentation reconciler, for
   * documents that did not come through file buffers (e.g. compare viewers).
   */
  public static void ensurePartitioned(IDocument document) {
    if (document instanceof IDocumentExtension3 extension
        && extension.getDocumentPartitioner(CircuitPartitions.PARTITIONING) == null) {
      IDocumentPartitioner partitioner = CircuitPartitions.createPartitioner();
      partitioner.connect(document);
      extension.setDocumentPartitioner(CircuitPartitions.PARTITIONING, partitioner);
    }
  }
}
