package org.neuromechfly.dmn.circuit.editor.presentation;

import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * The partitions of a {@code .circuit} document: comments and strings (Xtext's common terminals) and
 * everything else. Partitions let the presentation reconciler recolour a whole multi-line comment when
 * its opening {@code /*} is typed, which a line-based scanner alone cannot.
 */
public final class CircuitPartitions {
  private CircuitPartitions() {}

  /** Our own partitioning, so we never clash with the default one other plug-ins may install. */
  public static final String PARTITIONING = "org.neuromechfly.dmn.circuit.partitioning";

  public static final String COMMENT = "__circuit_comment";
  public static final String STRING = "__circuit_string";

  /** Content types other than the default one, in the order JFace asks for them. */
  public static final String[] CONTENT_TYPES = {COMMENT, STRING};

  /** A new partitioner; connect it to one document only. */
  public static IDocumentPartitioner createPartitioner() {
    Token comment = new Token(COMMENT);
    Token string = new Token(STRING);
    RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
    scanner.setPredicateRules(
        new IPredicateRule[] {
          new MultiLineRule("/*", "*/", comment, (char) 0, true),
          new EndOfLineRule("//", comment),
          new SingleLineRule("\"", "\"", string, '\\'),
          new SingleLineRule("'", "'", string, '\\'),
        });
    return new FastPartitioner(scanner, CONTENT_TYPES);
  }
}
