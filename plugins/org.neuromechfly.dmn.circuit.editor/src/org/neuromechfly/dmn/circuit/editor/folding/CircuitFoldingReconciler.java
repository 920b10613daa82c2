package org.neuromechfly.dmn.circuit.editor.folding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.AbstractReconciler;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.IProjectionListener;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.swt.widgets.Display;
import org.neuromechfly.dmn.circuit.editor.CircuitDocuments;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Folding by model element instead of the Generic Editor's folding by indentation: a population, the
 * task, the loss and training blocks and multi-line comments fold, as the language server's folding
 * service finds them. Existing folds keep their collapsed state when the text around them changes.
 */
public class CircuitFoldingReconciler extends AbstractReconciler {
  private ProjectionViewer viewer;
  private final IProjectionListener projection = new IProjectionListener() {
    @Override
    public void projectionEnabled() {
      update();
    }

    @Override
    public void projectionDisabled() {}
  };

  public CircuitFoldingReconciler() {
    setDelay(500);
  }

  @Override
  public void install(ITextViewer textViewer) {
    super.install(textViewer);
    if (textViewer instanceof ProjectionViewer projectionViewer) {
      viewer = projectionViewer;
      viewer.addProjectionListener(projection);
    }
  }

  @Override
  public void uninstall() {
    if (viewer != null) {
      viewer.removeProjectionListener(projection);
    }
    super.uninstall();
  }

  @Override
  protected void initialProcess() {
    update();
  }

  @Override
  protected void process(DirtyRegion dirtyRegion) {
    update();
  }

  @Override
  protected void reconcilerDocumentChanged(IDocument newDocument) {
    // the next process() reads the document from the viewer
  }

  @Override
  public IReconcilingStrategy getReconcilingStrategy(String contentType) {
    return null;
  }

  /** Recomputes the folds from the document's text and applies them on the UI thread. */
  private void update() {
    ProjectionViewer target = viewer;
    if (target == null || target.getDocument() == null) {
      return;
    }
    IDocument document = target.getDocument();
    String text = document.get();
    List<Position> folds = folds(document, CircuitEditorPlugin.services().folding(CircuitDocuments.parse(text, CircuitDocuments.uriOf(document))));
    Display display = target.getTextWidget() == null ? null : target.getTextWidget().getDisplay();
    if (display != null && !display.isDisposed()) {
      display.asyncExec(() -> apply(target, text, folds));
    }
  }

  private static List<Position> folds(IDocument document, List<FoldingRange> ranges) {
    List<Position> folds = new ArrayList<>();
    for (FoldingRange range : ranges) {
      try {
        if (range.getEndLine() <= range.getStartLine() || range.getEndLine() >= document.getNumberOfLines()) {
          continue;
        }
        int start = document.getLineOffset(range.getStartLine());
        int end = document.getLineOffset(range.getEndLine()) + document.getLineLength(range.getEndLine());
        folds.add(new Position(start, end - start));
      } catch (BadLocationException e) {
        // the text moved on since it was parsed; the next pass folds the new text
      }
    }
    return folds;
  }

  private static void apply(ProjectionViewer viewer, String text, List<Position> folds) {
    ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
    if (model == null || viewer.getDocument() == null || !text.equals(viewer.getDocument().get())) {
      return;
    }
    Map<Position, Annotation> existing = new HashMap<>();
    for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); ) {
      Annotation annotation = it.next();
      if (annotation instanceof ProjectionAnnotation) {
        existing.put(model.getPosition(annotation), annotation);
      }
    }
    Map<Annotation, Position> added = new HashMap<>();
    for (Position fold : folds) {
      if (existing.remove(fold) == null) {
        added.put(new ProjectionAnnotation(), fold);
      }
    }
    model.modifyAnnotations(existing.values().toArray(Annotation[]::new), added, null);
  }
}
