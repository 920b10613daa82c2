package org.neuromechfly.dmn.circuit.editor.presentation;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * Numbers as the grammar's {@code INT} and {@code DECIMAL} terminals write them: {@code 20}, {@code
 * 0.5}, {@code 1e-3}, {@code 2.5E+4}. JFace's own NumberRule knows only digit runs.
 */
final class NumberRule implements IRule {
  private final IToken token;

  NumberRule(IToken token) {
    this.token = token;
  }

  @Override
  public IToken evaluate(ICharacterScanner scanner) {
    int read = digits(scanner);
    if (read == 0) {
      return Token.UNDEFINED;
    }
    if (peekIs(scanner, '.')) {
      scanner.read();
      if (digits(scanner) == 0) {
        // "3." is not a DECIMAL: leave the dot for the next rule.
        scanner.unread();
        return token;
      }
    }
    exponent(scanner);
    return token;
  }

  /** Consumes an exponent if a complete one follows; otherwise consumes nothing. */
  private static void exponent(ICharacterScanner scanner) {
    int c = scanner.read();
    if (c != 'e' && c != 'E') {
      scanner.unread();
      return;
    }
    int consumed = 1;
    int sign = scanner.read();
    if (sign == '+' || sign == '-') {
      consumed++;
    } else {
      scanner.unread();
    }
    if (digits(scanner) == 0) {
      for (int i = 0; i < consumed; i++) {
        scanner.unread();
      }
    }
  }

  private static int digits(ICharacterScanner scanner) {
    int count = 0;
    int c = scanner.read();
    while (c >= '0' && c <= '9') {
      count++;
      c = scanner.read();
    }
    scanner.unread();
    return count;
  }

  private static boolean peekIs(ICharacterScanner scanner, char expected) {
    int c = scanner.read();
    scanner.unread();
    return c == expected;
  }
}
