package org.neuromechfly.dmn.circuit.editor.presentation;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.xtext.IGrammarAccess;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * Syntax colouring for {@code .circuit} files, contributed to the Generic Editor. Keywords come from the
 * grammar (through the language's injector), so a grammar change needs no editor change.
 */
public class CircuitPresentationReconciler extends PresentationReconciler {

  public CircuitPresentationReconciler() {
    setDocumentPartitioning(CircuitPartitions.PARTITIONING);
    IGrammarAccess grammar = CircuitEditorPlugin.getInjector().getInstance(IGrammarAccess.class);
    use(IDocument.DEFAULT_CONTENT_TYPE, new CircuitCodeScanner(GrammarKeywords.of(grammar)));
    use(CircuitPartitions.COMMENT, singleToken(CircuitStyles.comment()));
    use(CircuitPartitions.STRING, singleToken(CircuitStyles.string()));
  }

  @Override
  protected TextPresentation createPresentation(IRegion damage, IDocument document) {
    CircuitDocumentSetup.ensurePartitioned(document);
    return super.createPresentation(damage, document);
  }

  private void use(String contentType, RuleBasedScanner scanner) {
    DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
    setDamager(damagerRepairer, contentType);
    setRepairer(damagerRepairer, contentType);
  }

  private static RuleBasedScanner singleToken(IToken token) {
    RuleBasedScanner scanner = new RuleBasedScanner();
    scanner.setDefaultReturnToken(token);
    return scanner;
  }
}
