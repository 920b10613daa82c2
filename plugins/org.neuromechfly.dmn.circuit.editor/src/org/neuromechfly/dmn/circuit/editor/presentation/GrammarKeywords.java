package org.neuromechfly.dmn.circuit.editor.presentation;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

/**
 * The word-like keywords of the grammar, read from Xtext's grammar access so colouring follows the
 * grammar without a hand-kept list. Punctuation keywords ({@code ->}, {@code :}) are left uncoloured.
 */
public final class GrammarKeywords {
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private GrammarKeywords() {}

  public static Set<String> of(IGrammarAccess grammarAccess) {
    Set<String> words = new TreeSet<>();
    for (String keyword : GrammarUtil.getAllKeywords(grammarAccess.getGrammar())) {
      if (WORD.matcher(keyword).matches()) {
        words.add(keyword);
      }
    }
    return words;
  }
}
