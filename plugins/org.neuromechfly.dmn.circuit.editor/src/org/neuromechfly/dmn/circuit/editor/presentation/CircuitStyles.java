package org.neuromechfly.dmn.circuit.editor.presentation;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/**
 * The colours of {@code .circuit} text, close to Eclipse's Java editor defaults so the language reads
 * familiar. Since SWT 3.115 a Color made without a device holds no OS resource and needs no dispose.
 */
public final class CircuitStyles {
  private CircuitStyles() {}

  public static IToken keyword() {
    return token(127, 0, 85, SWT.BOLD);
  }

  public static IToken comment() {
    return token(63, 127, 95, SWT.NORMAL);
  }

  public static IToken string() {
    return token(42, 0, 255, SWT.NORMAL);
  }

  public static IToken number() {
    return token(0, 0, 192, SWT.NORMAL);
  }

  public static IToken unit() {
    return token(0, 128, 128, SWT.ITALIC);
  }

  /** Identifiers keep the editor's default colour; the token exists so whole words are consumed. */
  public static IToken identifier() {
    return new Token(null);
  }

  private static IToken token(int red, int green, int blue, int style) {
    return new Token(new TextAttribute(new Color(red, green, blue), null, style));
  }
}
