package org.neuromechfly.dmn.circuit.editor.presentation;

import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A unit symbol ({@code ms}, {@code mm/s}, {@code %}) right after a number. Units are identifiers in
 * the grammar, not keywords, so {@code s} elsewhere may be a name: only the position after a number
 * makes a word a unit.
 */
final class UnitRule implements IRule {
  private final Set<String> symbols;
  private final BooleanSupplier afterNumber;
  private final IToken token;

  /**
   * @param symbols the unit symbols and aliases
   * @param afterNumber whether the previous non-blank token was a number
   * @param token the token for a unit
   */
  UnitRule(Set<String> symbols, BooleanSupplier afterNumber, IToken token) {
    this.symbols = symbols;
    this.afterNumber = afterNumber;
    this.token = token;
  }

  @Override
  public IToken evaluate(ICharacterScanner scanner) {
    if (!afterNumber.getAsBoolean()) {
      return Token.UNDEFINED;
    }
    StringBuilder word = new StringBuilder();
    int c = scanner.read();
    while (c != ICharacterScanner.EOF && isUnitChar((char) c)) {
      word.append((char) c);
      c = scanner.read();
    }
    scanner.unread();
    if (symbols.contains(word.toString())) {
      return token;
    }
    for (int i = 0; i < word.length(); i++) {
      scanner.unread();
    }
    return Token.UNDEFINED;
  }

  private static boolean isUnitChar(char c) {
    return Character.isLetter(c) || c == '/' || c == '%' || c == '°';
  }
}
