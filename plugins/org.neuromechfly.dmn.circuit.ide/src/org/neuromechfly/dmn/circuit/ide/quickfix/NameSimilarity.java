package org.neuromechfly.dmn.circuit.ide.quickfix;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.neuromechfly.dmn.connectome.reference.EditDistance;

/**
 * How close a candidate's spellings are to an unknown word, so quick fixes list the best guess first:
 * twice the edit distance, or 1 where one spelling starts with the other ("Kenyon" → "Kenyon cell"),
 * ignoring case.
 */
final class NameSimilarity {
  private NameSimilarity() {}

  static int score(String word, Collection<String> spellings) {
    String w = word.trim().toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    for (String spelling : spellings) {
      String s = spelling.toLowerCase(Locale.ROOT);
      int score = s.equals(w) ? 0 : 2 * EditDistance.between(w, s);
      if (!s.equals(w) && w.length() >= 2 && s.length() >= 2 && (s.startsWith(w) || w.startsWith(s))) {
        score = Math.min(score, 1);
      }
      best = Math.min(best, score);
    }
    return best;
  }

  /** Whether a score is one a typo could explain: within half the word's length (at least 2 edits). */
  static boolean plausible(String word, int score) {
    return score <= 2 * Math.max(2, word.trim().length() / 2);
  }

  /** The candidates, closest first (ties by name), at most {@code max}. */
  static <T> List<T> nearest(String word, Collection<T> candidates, Function<T, Collection<String>> spellings, Function<T, String> name, int max) {
    return candidates.stream()
        .sorted(Comparator.<T>comparingInt(c -> score(word, spellings.apply(c))).thenComparing(name))
        .limit(max)
        .toList();
  }
}
