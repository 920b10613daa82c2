package org.neuromechfly.dmn.circuit.validation;

import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.neuromechfly.dmn.circuit.ast.WrittenValues;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.PrintableText;

/**
 * Base of the composed check classes: they register through {@link CircuitValidator} only. Every
 * diagnostic a check reports is one line (user text in it has its control characters escaped and
 * is cut short), and none is reported about a number the parser could not hold: the parser has said
 * so, and the default value left in its place is not what the modeller wrote.
 */
abstract class CircuitCheck extends AbstractCircuitValidator {

  /** Longest message; longer ones (quoting huge user input) are cut. */
  private static final int MAX_MESSAGE = 1000;

  @Override
  public void register(EValidatorRegistrar registrar) {
    // composed into CircuitValidator; registering here too would run every check twice
  }

  @Override
  public void acceptError(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
    if (!WrittenValues.unreadable(object, feature)) {
      super.acceptError(PrintableText.excerpt(message, MAX_MESSAGE), object, feature, index, code, issueData);
    }
  }

  @Override
  public void acceptWarning(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
    if (!WrittenValues.unreadable(object, feature)) {
      super.acceptWarning(PrintableText.excerpt(message, MAX_MESSAGE), object, feature, index, code, issueData);
    }
  }

  @Override
  public void acceptInfo(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
    if (!WrittenValues.unreadable(object, feature)) {
      super.acceptInfo(PrintableText.excerpt(message, MAX_MESSAGE), object, feature, index, code, issueData);
    }
  }

  /**
   * Reports a word that is not in a vocabulary, suggesting the nearest one; returns the value when
   * the word is known.
   */
  protected <E> Optional<E> checkChoice(
      Vocabulary<E> vocabulary, String word, EObject owner, EStructuralFeature feature) {
    if (word == null) {
      return Optional.empty();
    }
    Optional<E> value = vocabulary.lookup(word);
    if (value.isEmpty()) {
      String hint =
          vocabulary
              .nearest(word)
              .map(n -> " Did you mean '" + n + "'?")
              .orElse(" Use one of: " + String.join(", ", vocabulary.words()) + ".");
      error(
          "Unknown " + vocabulary.what() + " '" + PrintableText.excerpt(word, 60) + "'." + hint,
          owner,
          feature,
          CircuitIssueCodes.UNKNOWN_CHOICE,
          vocabulary.nearest(word).orElse(vocabulary.words().get(0)));
    }
    return value;
  }
}
