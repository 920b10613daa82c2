package org.neuromechfly.dmn.circuit.editor.presentation;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.neuromechfly.dmn.model.Unit;

/**
 * Colours code outside comments and strings: grammar keywords, numbers, and units after numbers. It
 * remembers whether the last non-blank token was a number, which is what makes a word a unit.
 */
final class CircuitCodeScanner extends RuleBasedScanner {
  private final IToken number = CircuitStyles.number();
  private IToken lastSignificant;

  CircuitCodeScanner(Set<String> keywords) {
    WordRule words = new WordRule(new IdentifierDetector(), CircuitStyles.identifier());
    IToken keyword = CircuitStyles.keyword();
    keywords.forEach(k -> words.addWord(k, keyword));
    setRules(
        new IRule[] {
          new WhitespaceRule(Character::isWhitespace),
          // Before the word rule: a word after a number is tried as a unit first.
          new UnitRule(unitSymbols(), () -> lastSignificant == number, CircuitStyles.unit()),
          words,
          new NumberRule(number),
        });
  }

  @Override
  public void setRange(IDocument document, int offset, int length) {
    super.setRange(document, offset, length);
    lastSignificant = null;
  }

  @Override
  public IToken nextToken() {
    IToken token = super.nextToken();
    if (!token.isWhitespace()) {
      lastSignificant = token;
    }
    return token;
  }

  private static Set<String> unitSymbols() {
    Set<String> symbols = new HashSet<>();
    for (Unit unit : Unit.values()) {
      symbols.add(unit.symbol());
    }
    // Unit exposes no alias list; bySymbol stays the authority on which of these spellings count.
    for (String alias : new String[] {"sec", "msec", "µs", "µm", "hz", "khz", "mv", "°"}) {
      Unit.bySymbol(alias).ifPresent(u -> symbols.add(alias));
    }
    return symbols;
  }

  /** Identifiers as the grammar's {@code ID} terminal: a letter or underscore, then word characters. */
  private static final class IdentifierDetector implements IWordDetector {
    @Override
    public boolean isWordStart(char c) {
      return Character.isLetter(c) || c == '_' || c == '^';
    }

    @Override
    public boolean isWordPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_';
    }
  }
}
